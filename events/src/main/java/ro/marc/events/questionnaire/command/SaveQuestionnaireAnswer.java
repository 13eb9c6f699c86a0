package ro.marc.events.questionnaire.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.questionnaire.AnswerItem;

import java.util.List;
import java.util.UUID;

/**
 * Saves the respondent's answer under the plan as a draft (partial answers allowed), any number of times
 * until it is finalised. The respondent is the caller (command metadata {@code userId});
 * {@code respondentUserId} is named only by MARC itself (demo data), or equals the caller.
 * {@code answerId} is {@link ro.marc.events.questionnaire.QuestionnaireIds#answerId}; {@code expectedVersion}
 * 0 starts the answer.
 */
public record SaveQuestionnaireAnswer(@TargetAggregateIdentifier UUID answerId, UUID planId, UUID respondentUserId,
                                      List<AnswerItem> answers, long expectedVersion) {
}
