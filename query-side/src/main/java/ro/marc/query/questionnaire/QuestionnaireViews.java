package ro.marc.query.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the questionnaire read model answers. */
public final class QuestionnaireViews {

    private QuestionnaireViews() {
    }

    /** A published version of the standard questionnaire. */
    public record VersionView(int version, Instant publishedAt, List<QuestionView> questions) {
    }

    /** One question of a version; {@code kind} TEXT or YES_NO. */
    public record QuestionView(UUID id, int position, String text, String help, String kind) {
    }

    /** One answer (one per plan and respondent); {@code status} DRAFT or FINALISED. */
    public record AnswerView(UUID id, UUID planId, UUID orgUnitId, String orgUnitName, UUID respondentUserId,
                             String respondentName, int questionnaireVersion, String status, long version,
                             Instant startedAt, Instant updatedAt, Instant finalisedAt, List<AnswerItemView> answers) {

        public boolean finalised() {
            return "FINALISED".equals(status);
        }
    }

    /** The answer to one question: a text (or the comment of a yes/no question) and yes/no. */
    public record AnswerItemView(UUID questionId, String text, Boolean yes) {
    }
}
