package ro.marc.command.questionnaire;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.event.QuestionnairePublished;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link QuestionnaireLookup} on a real PostgreSQL: versions as published, the newest current, events applied twice harmless. */
class QuestionnaireLookupPostgresTest {

    private final QuestionnaireLookup lookup = new QuestionnaireLookup(TestDatabase.dataSource());
    private final UUID q1 = UUID.randomUUID();
    private final UUID q2 = UUID.randomUUID();

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(long seq, QuestionnairePublished event) {
        lookup.apply(new GenericDomainEventMessage<>("StandardQuestionnaire", QuestionnaireIds.STANDARD.toString(), seq, event));
    }

    @Test
    void the_newest_version_is_current_and_every_version_keeps_its_questions() {
        assertThat(lookup.current()).isEmpty();
        assertThat(lookup.handles(QuestionnairePublished.class)).isTrue();
        List<Question> first = List.of(new Question(q1, "Care sunt activitățile vulnerabile?", "ajutor", AnswerKind.TEXT),
                new Question(q2, "Există proceduri?", null, AnswerKind.YES_NO));
        List<Question> second = List.of(first.get(1));
        apply(0, new QuestionnairePublished(QuestionnaireIds.STANDARD, 1, first));
        apply(1, new QuestionnairePublished(QuestionnaireIds.STANDARD, 2, second));
        apply(1, new QuestionnairePublished(QuestionnaireIds.STANDARD, 2, second)); // twice: no change

        assertThat(lookup.current().orElseThrow()).isEqualTo(new QuestionnaireVersions.PublishedVersion(2, second));
        assertThat(lookup.version(1).orElseThrow().questions()).isEqualTo(first);
        assertThat(lookup.version(3)).isEmpty();
    }
}
