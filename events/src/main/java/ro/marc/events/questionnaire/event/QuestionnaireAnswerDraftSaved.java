package ro.marc.events.questionnaire.event;

import ro.marc.events.EventName;
import ro.marc.events.questionnaire.AnswerItem;

import java.util.List;
import java.util.UUID;

/**
 * The respondent saved their answer under the plan (the first save starts it): every answer given so far,
 * for the {@code questionnaireVersion} taken when the answer started. Names are copies for the read models.
 */
@EventName("questionnaire.QuestionnaireAnswerDraftSaved")
public record QuestionnaireAnswerDraftSaved(UUID answerId, UUID planId, UUID orgUnitId, String orgUnitName,
                                            UUID respondentUserId, String respondentName, int questionnaireVersion,
                                            List<AnswerItem> answers) {
}
