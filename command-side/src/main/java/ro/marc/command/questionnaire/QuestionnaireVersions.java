package ro.marc.command.questionnaire;

import ro.marc.events.questionnaire.Question;

import java.util.List;
import java.util.Optional;

/**
 * What the answer handlers may ask about the standard questionnaire: a named query over the command side's
 * {@code questionnaire_question_lookup} ({@link QuestionnaireLookup}), written in the transaction of every
 * {@code QuestionnairePublished}. Aggregate tests register an in-memory implementation.
 */
public interface QuestionnaireVersions {

    /** The newest published version, or empty before the first. */
    Optional<PublishedVersion> current();

    /** A published version, or empty when there is none with this number. */
    Optional<PublishedVersion> version(int version);

    /** A version's questions, in order. */
    record PublishedVersion(int version, List<Question> questions) {

        public PublishedVersion {
            questions = List.copyOf(questions);
        }
    }
}
