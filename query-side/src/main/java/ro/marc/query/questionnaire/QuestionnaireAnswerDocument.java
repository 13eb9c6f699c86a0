package ro.marc.query.questionnaire;

/**
 * One answer in the {@link QuestionnaireIndex}: what its text search needs. {@code textFolded}: the
 * respondent's name and every answer text, folded ({@link ro.marc.events.text.RomanianText#fold}).
 */
public record QuestionnaireAnswerDocument(String id, String planId, String orgUnitId, String respondentUserId,
                                          String respondentName, String textFolded, long version) {
}
