package ro.marc.command.questionnaire;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.events.access.Role;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.FinaliseQuestionnaireAnswer;
import ro.marc.events.questionnaire.command.SaveQuestionnaireAnswer;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerDraftSaved;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static ro.marc.command.common.Refused.rejected;

/**
 * {@link QuestionnaireAnswer}: given the answer's past events (and, in memory, the plans, accounts, org units
 * and published questionnaire versions), when a save or finalisation by a caller, then its events or refusal.
 */
class QuestionnaireAnswerTest {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID OTHER_UNIT = UUID.randomUUID();
    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID DRAFT_PLAN = UUID.randomUUID();
    private static final UUID OTHER_PLAN = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OTHER_MEMBER = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID NOT_IN_PLAN = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID Q1 = UUID.randomUUID();
    private static final UUID Q2 = UUID.randomUUID();
    private static final UUID Q3 = UUID.randomUUID();
    private static final UUID ANSWER = QuestionnaireIds.answerId(PLAN, MEMBER);
    private static final String UNIT_NAME = "Inspectoratul de Poliție Județean Cluj";

    private FixtureConfiguration<QuestionnaireAnswer> fixture;
    private InMemoryQuestionnaireFacts facts;

    @BeforeEach
    void setUp() {
        StageDeadlines deadlines = new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
        facts = new InMemoryQuestionnaireFacts()
                .orgUnit(UNIT, UNIT_NAME)
                .plan(new PlanFact(PLAN, UNIT, PlanStatus.ACTIVE, "Evaluarea riscurilor 2026", LocalDate.of(2026, 11, 2), deadlines,
                        Map.of(MEMBER, new PlanMember(MEMBER, List.of(UUID.randomUUID()), true, false),
                                OTHER_MEMBER, new PlanMember(OTHER_MEMBER, List.of(UUID.randomUUID()), true, false))))
                .plan(new PlanFact(DRAFT_PLAN, OTHER_UNIT, PlanStatus.DRAFT, "Ciornă", null, null, Map.of()))
                .plan(new PlanFact(OTHER_PLAN, OTHER_UNIT, PlanStatus.ACTIVE, "Alt plan", LocalDate.of(2026, 11, 2), deadlines, Map.of()))
                .account(new AccountFact(MEMBER, "Maria Membru", UNIT, true, Set.of(Role.WORKING_GROUP_MEMBER)))
                .account(new AccountFact(OTHER_MEMBER, "Mihai Membru", UNIT, true, Set.of(Role.WORKING_GROUP_MEMBER)))
                .account(new AccountFact(OWNER, "Otilia Proprietar", UNIT, true, Set.of(Role.RISK_OWNER)))
                .account(new AccountFact(NOT_IN_PLAN, "Nelu Neinclus", UNIT, true, Set.of(Role.WORKING_GROUP_MEMBER)))
                .account(new AccountFact(STRANGER, "Ștefan Străin", OTHER_UNIT, true, Set.of(Role.WORKING_GROUP_MEMBER)))
                .published(List.of(new Question(Q1, "Care sunt activitățile cele mai vulnerabile?", null, AnswerKind.TEXT),
                        new Question(Q2, "Există proceduri scrise?", null, AnswerKind.YES_NO)));
        fixture = fresh();
    }

    /** A fixture for another answer (a fixture decides on one aggregate), on the same facts. */
    private FixtureConfiguration<QuestionnaireAnswer> fresh() {
        FixtureConfiguration<QuestionnaireAnswer> created = new AggregateTestFixture<>(QuestionnaireAnswer.class);
        created.registerInjectableResource(facts);
        return created;
    }

    private static MetaData as(UUID user) {
        return MetaData.with("userId", user.toString());
    }

    private static AnswerItem text(UUID question, String text) {
        return new AnswerItem(question, text, null);
    }

    private static QuestionnaireAnswerDraftSaved saved(int version, AnswerItem... items) {
        return new QuestionnaireAnswerDraftSaved(ANSWER, PLAN, UNIT, UNIT_NAME, MEMBER, "Maria Membru", version, List.of(items));
    }

    // ---------------------------------------------------------------- drafts

    @Test
    void the_first_save_starts_the_answer_on_the_current_version_partial_answers_allowed() {
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, " Achizițiile  publice ")), 0), as(MEMBER))
                .expectEvents(saved(1, text(Q1, "Achizițiile  publice")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_draft_is_saved_any_number_of_times_answers_kept_in_question_order_and_the_same_content_appends_nothing() {
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, MEMBER,
                        List.of(new AnswerItem(Q2, "Doar parțial", false), text(Q1, "Achiziții și avizări")), 1), as(MEMBER))
                .expectEvents(saved(1, text(Q1, "Achiziții și avizări"), new AnswerItem(Q2, "Doar parțial", false)))
                .expectResultMessagePayload(2L);
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "Achiziții")), 1), as(MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_answer_keeps_the_version_it_started_on() {
        facts.published(List.of(new Question(Q3, "Întrebare nouă", null, AnswerKind.TEXT)));
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "Achiziții publice")), 1), as(MEMBER))
                .expectEvents(saved(1, text(Q1, "Achiziții publice")));
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q3, "Nu")), 1), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers[0].questionId", "UNKNOWN_QUESTION"))
                .expectNoEvents();
        // a new answer starts on version 2
        UUID other = QuestionnaireIds.answerId(PLAN, OTHER_MEMBER);
        fresh().givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(other, PLAN, null, List.of(text(Q3, "Da")), 0), as(OTHER_MEMBER))
                .expectEvents(new QuestionnaireAnswerDraftSaved(other, PLAN, UNIT, UNIT_NAME, OTHER_MEMBER, "Mihai Membru", 2,
                        List.of(text(Q3, "Da"))));
    }

    @Test
    void bad_answers_are_refused_naming_the_field() {
        UUID unknown = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "a"), text(unknown, "b")), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers[1].questionId", "UNKNOWN_QUESTION"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "a"), text(Q1, "b")), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers[1].questionId", "DUPLICATE_QUESTION"));
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(new AnswerItem(Q1, "a", true)), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers[0].yes", "NOT_YES_NO"));
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "x".repeat(4001))), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers[0].text", "TOO_LONG"));
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "Alt text")), 0), as(MEMBER))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    // ---------------------------------------------------------------- finalising

    @Test
    void finalising_with_answers_saves_them_then_finalises() {
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new FinaliseQuestionnaireAnswer(ANSWER, PLAN, null,
                        List.of(text(Q1, "Achiziții"), new AnswerItem(Q2, null, true)), 1), as(MEMBER))
                .expectEvents(saved(1, text(Q1, "Achiziții"), new AnswerItem(Q2, null, true)),
                        new QuestionnaireAnswerFinalised(ANSWER, PLAN, UNIT, MEMBER, "Maria Membru", 1))
                .expectResultMessagePayload(3L);
    }

    @Test
    void finalising_the_saved_draft_appends_only_the_finalisation() {
        fixture.given(saved(1, text(Q1, "Achiziții"), new AnswerItem(Q2, null, false)))
                .when(new FinaliseQuestionnaireAnswer(ANSWER, PLAN, null, null, 1), as(MEMBER))
                .expectEvents(new QuestionnaireAnswerFinalised(ANSWER, PLAN, UNIT, MEMBER, "Maria Membru", 1))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_final_answer_answers_every_question() {
        fixture.given(saved(1, text(Q1, "Achiziții"), new AnswerItem(Q2, "comentariu fără alegere", null)))
                .when(new FinaliseQuestionnaireAnswer(ANSWER, PLAN, null, null, 1), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answers", "UNANSWERED"))
                .expectNoEvents();
    }

    @Test
    void a_finalised_answer_is_refused_afterwards() {
        Object[] finalised = {saved(1, text(Q1, "Achiziții"), new AnswerItem(Q2, null, true)),
                new QuestionnaireAnswerFinalised(ANSWER, PLAN, UNIT, MEMBER, "Maria Membru", 1)};
        fixture.given(finalised)
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "Altceva")), 2), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answerId", "FINALISED"))
                .expectNoEvents();
        fixture.given(finalised)
                .when(new FinaliseQuestionnaireAnswer(ANSWER, PLAN, null, null, 2), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "answerId", "FINALISED"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- who answers, under which plan

    @Test
    void a_member_never_answers_for_another() {
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, MEMBER, List.of(text(Q1, "a")), 0), as(OTHER_MEMBER))
                .expectException(rejected(Reason.FORBIDDEN, "respondentUserId", "NOT_OWN_ANSWER"))
                .expectNoEvents();
        // the other member's caller with the member's answer id
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "a")), 0), as(OTHER_MEMBER))
                .expectException(rejected(Reason.INVALID, "answerId", "ANSWER_ID_MISMATCH"))
                .expectNoEvents();
    }

    @Test
    void marc_itself_names_the_respondent_for_demo_data() {
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, MEMBER, List.of(text(Q1, "Achiziții")), 0), MetaData.with("userId", "system"))
                .expectEvents(saved(1, text(Q1, "Achiziții")));
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "Achiziții")), 0), MetaData.with("userId", "system"))
                .expectException(rejected(Reason.INVALID, "respondentUserId", "REQUIRED"));
    }

    @Test
    void only_under_the_structure_s_active_plan() {
        UUID draftAnswer = QuestionnaireIds.answerId(DRAFT_PLAN, STRANGER);
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(draftAnswer, DRAFT_PLAN, null, List.of(), 0), as(STRANGER))
                .expectException(rejected(Reason.INVALID, "planId", "NO_ACTIVE_PLAN"))
                .expectNoEvents();
        UUID otherStructure = QuestionnaireIds.answerId(OTHER_PLAN, MEMBER);
        fresh().givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(otherStructure, OTHER_PLAN, null, List.of(), 0), as(MEMBER))
                .expectException(rejected(Reason.FORBIDDEN, "planId", "OTHER_STRUCTURE"))
                .expectNoEvents();
        UUID nowhere = UUID.randomUUID();
        fresh().givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(QuestionnaireIds.answerId(nowhere, MEMBER), nowhere, null, List.of(), 0), as(MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "planId", "NOT_FOUND"));
    }

    @Test
    void a_plan_closed_since_the_draft_takes_no_more_answers() {
        facts.plan(new PlanFact(PLAN, UNIT, PlanStatus.CLOSED, "Evaluarea riscurilor 2026", LocalDate.of(2026, 11, 2), null,
                Map.of(MEMBER, new PlanMember(MEMBER, List.of(), true, false))));
        fixture.given(saved(1, text(Q1, "Achiziții")))
                .when(new FinaliseQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "a"), new AnswerItem(Q2, null, true)), 1), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "planId", "NO_ACTIVE_PLAN"))
                .expectNoEvents();
    }

    @Test
    void plan_members_and_the_structure_s_head_counsellor_and_risk_owner_answer_others_do_not() {
        UUID ownerAnswer = QuestionnaireIds.answerId(PLAN, OWNER);
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ownerAnswer, PLAN, null, List.of(text(Q1, "Avizări")), 0), as(OWNER))
                .expectEvents(new QuestionnaireAnswerDraftSaved(ownerAnswer, PLAN, UNIT, UNIT_NAME, OWNER, "Otilia Proprietar", 1,
                        List.of(text(Q1, "Avizări"))));
        UUID outsider = QuestionnaireIds.answerId(PLAN, NOT_IN_PLAN);
        fresh().givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(outsider, PLAN, null, List.of(text(Q1, "Avizări")), 0), as(NOT_IN_PLAN))
                .expectException(rejected(Reason.FORBIDDEN, "respondentUserId", "NOT_A_RESPONDENT"))
                .expectNoEvents();
    }

    @Test
    void a_deactivated_respondent_does_not_answer() {
        facts.account(new AccountFact(MEMBER, "Maria Membru", UNIT, false, Set.of(Role.WORKING_GROUP_MEMBER)));
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(text(Q1, "a")), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "respondentUserId", "USER_INACTIVE"));
    }

    @Test
    void without_a_published_questionnaire_nothing_is_answered() {
        facts.versions.clear();
        fixture.givenNoPriorActivity()
                .when(new SaveQuestionnaireAnswer(ANSWER, PLAN, null, List.of(), 0), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "questionnaireVersion", "NO_QUESTIONNAIRE"));
    }
}
