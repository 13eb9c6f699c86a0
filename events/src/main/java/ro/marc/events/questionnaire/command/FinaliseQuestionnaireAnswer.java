package ro.marc.events.questionnaire.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.questionnaire.AnswerItem;

import java.util.List;
import java.util.UUID;

/**
 * Finalises the respondent's answer under the plan: irreversible. With {@code answers} these are saved
 * first (every question of the version must then be answered); without (null), the saved draft is
 * finalised. Respondent and ids as in {@link SaveQuestionnaireAnswer}.
 */
public record FinaliseQuestionnaireAnswer(@TargetAggregateIdentifier UUID answerId, UUID planId, UUID respondentUserId,
                                          List<AnswerItem> answers, long expectedVersion) {
}
