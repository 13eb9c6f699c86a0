package ro.marc.command.questionnaire;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.EditQuestionnaire;
import ro.marc.events.questionnaire.event.QuestionnairePublished;

import java.util.List;
import java.util.UUID;

import static ro.marc.command.common.Refused.rejected;

/** {@link StandardQuestionnaire}: every edit publishes a new version; bad questions are refused naming the field. */
class StandardQuestionnaireTest {

    private static final UUID ID = QuestionnaireIds.STANDARD;
    private static final UUID Q1 = UUID.randomUUID();
    private static final UUID Q2 = UUID.randomUUID();
    private static final UUID Q3 = UUID.randomUUID();

    private FixtureConfiguration<StandardQuestionnaire> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StandardQuestionnaire.class);
    }

    private static Question q(UUID id, String text, AnswerKind kind) {
        return new Question(id, text, null, kind);
    }

    private static final List<Question> FIRST = List.of(
            q(Q1, "Care sunt activitățile cele mai vulnerabile la corupție?", AnswerKind.TEXT),
            q(Q2, "Ați fost informat despre cazuri de corupție în structură?", AnswerKind.YES_NO));

    @Test
    void the_first_edit_publishes_version_1_with_tidied_texts_and_text_as_the_default_kind() {
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(new Question(Q1, "  Care sunt activitățile cele mai vulnerabile la corupție? ",
                        " ", null), FIRST.get(1)), 0))
                .expectEvents(new QuestionnairePublished(ID, 1, FIRST))
                .expectResultMessagePayload(1L);
    }

    @Test
    void adding_editing_removing_and_reordering_publish_the_next_version() {
        List<Question> next = List.of(q(Q3, "Întrebare nouă despre integritate", AnswerKind.TEXT),
                q(Q2, "Ați fost informat despre cazuri de corupție în structura dumneavoastră?", AnswerKind.YES_NO));
        fixture.given(new QuestionnairePublished(ID, 1, FIRST))
                .when(new EditQuestionnaire(ID, next, 1))
                .expectEvents(new QuestionnairePublished(ID, 2, next))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_same_questions_are_no_change_and_a_stale_version_is_a_conflict() {
        fixture.given(new QuestionnairePublished(ID, 1, FIRST))
                .when(new EditQuestionnaire(ID, FIRST, 1))
                .expectException(rejected(Reason.INVALID, "questions", "NO_CHANGE"))
                .expectNoEvents();
        fixture.given(new QuestionnairePublished(ID, 1, FIRST))
                .when(new EditQuestionnaire(ID, List.of(FIRST.getFirst()), 0))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void bad_questions_are_refused_naming_the_field() {
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(), 0))
                .expectException(rejected(Reason.INVALID, "questions", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(FIRST.getFirst(), q(Q2, " ", AnswerKind.TEXT)), 0))
                .expectException(rejected(Reason.INVALID, "questions[1].text", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(FIRST.getFirst(), q(Q1, "Alta", AnswerKind.TEXT)), 0))
                .expectException(rejected(Reason.INVALID, "questions[1].questionId", "DUPLICATE_QUESTION"));
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(q(null, "Alta", AnswerKind.TEXT)), 0))
                .expectException(rejected(Reason.INVALID, "questions[0].questionId", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(ID, List.of(q(Q1, "x".repeat(1001), AnswerKind.TEXT)), 0))
                .expectException(rejected(Reason.INVALID, "questions[0].text", "TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void only_the_standard_questionnaire_exists() {
        UUID other = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new EditQuestionnaire(other, FIRST, 0))
                .expectException(rejected(Reason.NOT_FOUND, "questionnaireId", "NOT_FOUND"))
                .expectNoEvents();
    }
}
