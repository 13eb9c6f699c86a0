package ro.marc.events.questionnaire.event;

import ro.marc.events.EventName;

import java.util.UUID;

/**
 * A respondent finalised their answer to the management questionnaire (Anexa 2) under the structure's
 * active plan: irreversible. {@code questionnaireVersion}: the version of the standard questionnaire
 * answered.
 */
@EventName("questionnaire.QuestionnaireAnswerFinalised")
public record QuestionnaireAnswerFinalised(UUID answerId, UUID planId, UUID orgUnitId, UUID respondentUserId,
                                           String respondentName, int questionnaireVersion) {
}
