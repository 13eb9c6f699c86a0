package ro.marc.command.register;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.analysis.InMemoryAccounts;
import ro.marc.command.assessment.InMemoryFinalisedAssessments;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.events.access.Role;
import ro.marc.events.assessment.*;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.register.*;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.RecordMeasureEvaluations;
import ro.marc.events.register.command.SaveRiskRegister;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.hamcrest.Matchers.startsWith;
import static ro.marc.command.common.Refused.rejected;

/**
 * Given/when/then for the risk register (Anexa 10): the generation from the finalised assessments merged per risk
 * (A402) with the missing work units, the draft kept when nothing changed and the schedules carried to the next
 * edition; the save with its schedules' rules (deadlines within the measures stage and the plan, periodicity of
 * one-off measures, one per measure) and P01's registration number, approver and members; the risk owners' and the
 * workbook's evaluations, all checked and refused together. Every refusal appends nothing.
 */
class RiskRegisterTest {

    static final UUID CLUJ = UUID.randomUUID();
    static final UUID IASI = UUID.randomUUID();
    // fixed, so the missing work units (ordered by name, "Work unit <id>" here) come in a known order
    static final UUID WU1 = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID WU2 = UUID.fromString("00000000-0000-4000-8000-0000000000a2");
    static final UUID PLAN = UUID.randomUUID();
    static final UUID REGISTER = RegisterIds.of(PLAN);
    static final UUID HEAD = UUID.randomUUID();
    static final UUID COUNSELLOR = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID GONE = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final UUID IASI_HEAD = UUID.randomUUID();
    static final UUID RISK = UUID.randomUUID();
    static final UUID RISK2 = UUID.randomUUID();
    static final UUID A1 = UUID.randomUUID();
    static final UUID A2 = UUID.randomUUID();
    static final UUID A3 = UUID.randomUUID();
    static final UUID M1 = UUID.randomUUID();
    static final UUID M2 = UUID.randomUUID();
    static final UUID M4 = UUID.randomUUID();
    static final UUID IND_DONE = UUID.randomUUID();
    static final UUID IND_COUNT = UUID.randomUUID();
    static final UUID IND_QUALITY = UUID.randomUUID();
    static final UUID IND_AMOUNT = UUID.randomUUID();
    static final String PURPOSE = "Evaluarea riscurilor 2026";
    static final LocalDate DAY = LocalDate.of(2027, 4, 2);
    static final LocalDate STAGE_START = LocalDate.of(2027, 4, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 11, 1);
    /** A valid CNP (the control digit is right). */
    static final String CNP = "1800101221144";

    private InMemoryActivePlans plans;
    private FixedOrgFacts org;
    private InMemoryAccounts accounts;
    private InMemoryFinalisedAssessments finalised;

    @BeforeEach
    void setUp() {
        org = new FixedOrgFacts().unit(CLUJ, County.CJ, WU1, WU2).unit(IASI, County.IS, WU1);
        plans = new InMemoryActivePlans().given(new PlanActivated(PLAN, CLUJ, LocalDate.of(2026, 11, 2), PURPOSE, List.of(
                new PlanMember(MEMBER, List.of(WU1), true, false),
                new PlanMember(OTHER, List.of(WU1, WU2), true, false),
                new PlanMember(COUNSELLOR, List.of(), false, true),
                new PlanMember(GONE, List.of(WU2), true, false)),
                new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31)), null));
        accounts = new InMemoryAccounts()
                .account(HEAD, "Ion Popa", CLUJ, true, Role.WORKING_GROUP_HEAD)
                .account(COUNSELLOR, "Maria Ștefănescu", CLUJ, true, Role.INTEGRITY_COUNSELLOR)
                .account(MEMBER, "Ioana Mureșan", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(OTHER, "Andrei Pop", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(GONE, "Vlad Gheorghe", CLUJ, false, Role.WORKING_GROUP_MEMBER)
                .account(OWNER, "Elena Vasilescu", CLUJ, true, Role.RISK_OWNER)
                .account(IASI_HEAD, "Radu Ionescu", IASI, true, Role.WORKING_GROUP_HEAD);
        finalised = new InMemoryFinalisedAssessments()
                .finalised(A1, edition(MEMBER, "Ioana Mureșan", RISK, "Favorizarea unui ofertant", evaluation(3, "12.00"),
                        new Measure(M1, MeasureKind.ADDITIONAL, "Rotația membrilor comisiei", null, "Șeful serviciului",
                                List.of(new Indicator(IND_DONE, "Rotație aplicată", IndicatorKind.DONE_NOT_DONE, List.of()))),
                        new Measure(M2, MeasureKind.EXISTING, "Declarații de imparțialitate", null, null,
                                List.of(new Indicator(IND_COUNT, "Declarații depuse", IndicatorKind.NUMERIC, List.of())))))
                .finalised(A2, edition(OTHER, "Andrei Pop", RISK, "Favorizarea unui ofertant", evaluation(4, "16.00"),
                        new Measure(M1, MeasureKind.ADDITIONAL, "Instruirea comisiei", null, "Biroul juridic",
                                List.of(new Indicator(IND_QUALITY, "Calitatea instruirii", IndicatorKind.QUALITATIVE,
                                        List.of("Slab", "Bine", "Foarte bine"))))))
                .finalised(A3, edition(OTHER, "Andrei Pop", RISK2, "Divulgarea ofertelor", evaluation(2, "8.00"),
                        new Measure(M4, MeasureKind.ADDITIONAL, "Registru de acces", null, "Secretariatul",
                                List.of(new Indicator(IND_AMOUNT, "Accesări verificate", IndicatorKind.NUMERIC, List.of())))));
    }

    static RiskEvaluation evaluation(int probability, String exposure) {
        return new RiskEvaluation(probability, List.of(new ImpactScore(UUID.fromString("00000000-0000-4000-8000-0000000000b1"), 100, 4)),
                new BigDecimal("4.00"), new BigDecimal(exposure), 2, RiskClass.MODERATE, "În 6 luni", 1);
    }

    static AssessmentEdition edition(UUID member, String memberName, UUID risk, String riskName, RiskEvaluation evaluation,
                                     Measure... measures) {
        return new AssessmentEdition(1, PLAN, PURPOSE, CLUJ, "IPJ Cluj", County.CJ, WU1, "Serviciul logistic", null, "Achiziții",
                null, "Atribuirea contractelor", risk, riskName, member, memberName, LocalDate.of(2027, 3, 20),
                LocalDate.of(2027, 5, 31), false, RiskDescription.empty(), evaluation, List.of(measures), Map.of(), Map.of());
    }

    private FixtureConfiguration<RiskRegister> fixture() {
        FixtureConfiguration<RiskRegister> fixture = new AggregateTestFixture<>(RiskRegister.class);
        for (Object resource : List.of(plans, org, accounts, finalised)) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }

    private TestExecutor<RiskRegister> given(Object... events) {
        return events.length == 0 ? fixture().givenNoPriorActivity().andGivenCurrentTime(on(DAY))
                : fixture().given(events).andGivenCurrentTime(on(DAY));
    }

    private static Map<String, Object> as(UUID user) {
        return Map.of("userId", user.toString());
    }

    static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant();
    }

    // ---------------------------------------------------------------- the facts a test starts from

    private RegisterRisk risk() {
        return new RegisterRisk(RISK, "Favorizarea unui ofertant", null, "Atribuirea contractelor", null, "Achiziții", A2,
                evaluation(4, "16.00"), List.of(finalised.finalised(A2).orElseThrow().edition(),
                finalised.finalised(A1).orElseThrow().edition()), List.of(A2, A1));
    }

    private RegisterRisk risk2() {
        return new RegisterRisk(RISK2, "Divulgarea ofertelor", null, "Atribuirea contractelor", null, "Achiziții", A3,
                evaluation(2, "8.00"), List.of(finalised.finalised(A3).orElseThrow().edition()), List.of(A3));
    }

    static final MissingAssessment MISSING = new MissingAssessment(WU2, "Work unit " + WU2, OTHER, "Andrei Pop");

    private RiskRegisterGenerated generated() {
        return new RiskRegisterGenerated(REGISTER, PLAN, CLUJ, 1, DAY, List.of(risk(), risk2()), List.of(MISSING), List.of());
    }

    /** The head's schedules, in the draft's order: A2's M1, A1's M1 (one-off), A1's M2, A3's M4. */
    static List<MeasureSchedule> schedules() {
        return List.of(new MeasureSchedule(A2, M1, LocalDate.of(2027, 9, 30), MeasurePeriodicity.QUARTERLY),
                new MeasureSchedule(A1, M1, LocalDate.of(2027, 5, 31), MeasurePeriodicity.ONCE),
                new MeasureSchedule(A1, M2, LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY),
                new MeasureSchedule(A3, M4, LocalDate.of(2027, 11, 1), MeasurePeriodicity.YEARLY));
    }

    private SaveRiskRegister save(List<MeasureSchedule> schedules) {
        return new SaveRiskRegister(REGISTER, PLAN, "1234/2027", "Ion Popa, inspector șef", schedules, 1);
    }

    private RegisterEdition savedEdition() {
        return new RegisterEdition(1, PLAN, PURPOSE, CLUJ, "Org unit " + CLUJ, County.CJ, "1234/2027",
                "Ion Popa, inspector șef", DAY, HEAD, "Ion Popa", STAGE_START, LAST_DAY, List.of(risk(), risk2()),
                List.of(MISSING), schedules(), List.of("Andrei Pop", "Ioana Mureșan", "Maria Ștefănescu"));
    }

    private RiskRegisterSaved saved() {
        return new RiskRegisterSaved(REGISTER, savedEdition());
    }

    // ---------------------------------------------------------------- generation (A402)

    @Test
    void the_head_generates_the_draft_merged_per_risk_highest_exposure_first_with_the_missing_work_units() {
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(HEAD))
                .expectEvents(generated()).expectResultMessagePayload(1L);
        // the integrity counsellor and MARC itself may too
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(COUNSELLOR)).expectEvents(generated());
        given().when(new GenerateRiskRegister(REGISTER, PLAN), Map.of("userId", "system")).expectEvents(generated());
    }

    @Test
    void the_merge_puts_each_risk_once_its_evaluation_the_highest_exposure_of_its_assessments() {
        RiskRegisterGenerated draft = generated();
        assertThat(draft.risks()).extracting(RegisterRisk::riskId).containsExactly(RISK, RISK2);
        RegisterRisk merged = draft.risks().getFirst();
        assertThat(merged.assessmentIds()).containsExactly(A2, A1);
        assertThat(merged.highestAssessmentId()).isEqualTo(A2);
        assertThat(merged.highest().exposure()).isEqualByComparingTo("16.00");
        // a tie keeps the first in the lookup's order; names order risks of equal exposure
        finalised.finalised(A3, edition(OTHER, "Andrei Pop", RISK2, "Abuzul în serviciu", evaluation(4, "16.00")));
        List<RegisterRisk> risks = RiskRegister.merge(finalised.editionsUnder(PLAN));
        assertThat(risks).extracting(RegisterRisk::riskName).containsExactly("Abuzul în serviciu", "Favorizarea unui ofertant");
    }

    @Test
    void the_same_content_again_appends_nothing_and_a_new_finalisation_makes_a_new_draft() {
        given(generated()).when(new GenerateRiskRegister(REGISTER, PLAN), as(HEAD))
                .expectNoEvents().expectResultMessagePayload(1L);
        finalised.inactive(A3); // A401: an inactivated assessment leaves the register
        given(generated()).when(new GenerateRiskRegister(REGISTER, PLAN), as(HEAD))
                .expectEvents(new RiskRegisterGenerated(REGISTER, PLAN, CLUJ, 1, DAY, List.of(risk()), List.of(MISSING), List.of()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void regenerating_after_a_save_drafts_the_next_edition_with_the_schedules_of_the_measures_still_there() {
        finalised.inactive(A1);
        RegisterRisk withoutA1 = new RegisterRisk(RISK, "Favorizarea unui ofertant", null, "Atribuirea contractelor", null,
                "Achiziții", A2, evaluation(4, "16.00"), List.of(finalised.finalised(A2).orElseThrow().edition()), List.of(A2));
        given(generated(), saved()).when(new GenerateRiskRegister(REGISTER, PLAN), as(HEAD))
                .expectEvents(new RiskRegisterGenerated(REGISTER, PLAN, CLUJ, 2, DAY, List.of(withoutA1, risk2()),
                        List.of(new MissingAssessment(WU1, "Work unit " + WU1, MEMBER, "Ioana Mureșan"), MISSING),
                        List.of(schedules().get(0), schedules().get(3))))
                .expectResultMessagePayload(3L);
    }

    @Test
    void only_the_structures_head_or_counsellor_generates_under_its_active_plan() {
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "FORBIDDEN"));
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(OWNER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "FORBIDDEN"));
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(IASI_HEAD))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "OTHER_STRUCTURE"));
        given().when(new GenerateRiskRegister(REGISTER, PLAN), Map.of("userId", "somebody"))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "NO_ACCOUNT"));
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(UUID.randomUUID()))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "NO_ACCOUNT"));
        given().when(new GenerateRiskRegister(UUID.randomUUID(), PLAN), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "registerId", "WRONG_ID"));
        given().when(new GenerateRiskRegister(REGISTER, null), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "planId", "REQUIRED"));
        UUID unknown = UUID.randomUUID();
        given().when(new GenerateRiskRegister(RegisterIds.of(unknown), unknown), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "planId", "NOT_FOUND"));
        accounts.account(HEAD, "Ion Popa", CLUJ, false, Role.WORKING_GROUP_HEAD);
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "USER_INACTIVE"));
        plans.given(new PlanClosed(PLAN, CLUJ));
        given().when(new GenerateRiskRegister(REGISTER, PLAN), as(COUNSELLOR))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE"));
    }

    // ---------------------------------------------------------------- save (UCA 78–81, P01)

    @Test
    void the_head_saves_the_draft_with_every_measures_schedule_the_registration_number_and_the_approver() {
        given(generated()).when(save(schedules()), as(HEAD))
                .expectEvents(saved()).expectResultMessagePayload(2L);
        // given in any order, saved in the draft's; a missing periodicity is ONCE
        List<MeasureSchedule> shuffled = new ArrayList<>(schedules());
        Collections.reverse(shuffled);
        shuffled.set(2, new MeasureSchedule(A1, M1, LocalDate.of(2027, 5, 31), null));
        given(generated()).when(save(shuffled), as(HEAD)).expectEvents(saved());
    }

    @Test
    void deadlines_lie_within_the_measures_stage_and_the_plan_and_a_one_off_measure_takes_only_once() {
        List<MeasureSchedule> early = new ArrayList<>(schedules());
        early.set(2, new MeasureSchedule(A1, M2, STAGE_START.minusDays(1), MeasurePeriodicity.MONTHLY));
        given(generated()).when(save(early), as(HEAD)).expectNoEvents().expectException(rejected(Reason.INVALID,
                "schedules[2].deadline", "DEADLINE_BEFORE_MEASURES_STAGE", Map.of("measuresStageStart", "2027-04-01")));
        List<MeasureSchedule> late = new ArrayList<>(schedules());
        late.set(3, new MeasureSchedule(A3, M4, LAST_DAY.plusDays(1), MeasurePeriodicity.YEARLY));
        given(generated()).when(save(late), as(HEAD)).expectNoEvents().expectException(rejected(Reason.INVALID,
                "schedules[3].deadline", "DEADLINE_AFTER_PLAN_END", Map.of("planLastDay", "2027-11-01")));
        List<MeasureSchedule> edges = new ArrayList<>(schedules());
        edges.set(2, new MeasureSchedule(A1, M2, STAGE_START, MeasurePeriodicity.MONTHLY));
        given(generated()).when(save(edges), as(HEAD)).expectSuccessfulHandlerExecution();
        List<MeasureSchedule> repeating = new ArrayList<>(schedules());
        repeating.set(1, new MeasureSchedule(A1, M1, LocalDate.of(2027, 5, 31), MeasurePeriodicity.WEEKLY));
        given(generated()).when(save(repeating), as(HEAD)).expectNoEvents()
                .expectException(rejected(Reason.INVALID, "schedules[1].periodicity", "PERIODICITY_ON_ONE_OFF"));
        List<MeasureSchedule> noDeadline = new ArrayList<>(schedules());
        noDeadline.set(0, new MeasureSchedule(A2, M1, null, MeasurePeriodicity.QUARTERLY));
        given(generated()).when(save(noDeadline), as(HEAD)).expectNoEvents()
                .expectException(rejected(Reason.INVALID, "schedules[0].deadline", "REQUIRED"));
    }

    @Test
    void exactly_one_schedule_per_measure_of_the_draft() {
        given(generated()).when(save(schedules().subList(0, 3)), as(HEAD)).expectNoEvents()
                .expectException(rejected(Reason.INVALID, "schedules", "MISSING_SCHEDULE",
                        Map.of("assessmentId", A3.toString(), "measureId", M4.toString())));
        List<MeasureSchedule> twice = new ArrayList<>(schedules());
        twice.add(schedules().get(1));
        given(generated()).when(save(twice), as(HEAD)).expectNoEvents()
                .expectException(rejected(Reason.INVALID, "schedules[4]", "DUPLICATE_SCHEDULE"));
        List<MeasureSchedule> foreign = new ArrayList<>(schedules());
        foreign.set(3, new MeasureSchedule(A1, M4, LocalDate.of(2027, 6, 1), MeasurePeriodicity.ONCE)); // M4 is A3's
        given(generated()).when(save(foreign), as(HEAD)).expectNoEvents()
                .expectException(rejected(Reason.INVALID, "schedules[3].measureId", "UNKNOWN_MEASURE"));
    }

    @Test
    void the_registration_number_and_the_approver_are_required_short_and_hold_no_personal_data() {
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "  ", "Ion Popa", schedules(), 1), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "registrationNumber", "REQUIRED"));
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "1234/2027", null, schedules(), 1), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "approverName", "REQUIRED"));
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "1234/2027", "x".repeat(201), schedules(), 1), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "approverName", "TOO_LONG"));
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "1234/2027", "Ion Popa " + CNP, schedules(), 1), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "approverName", "PERSONAL_DATA"));
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "nr. ion.popa@mai.gov.ro", "Ion Popa", schedules(), 1), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "registrationNumber", "PERSONAL_DATA"));
    }

    @Test
    void a_save_needs_a_draft_of_the_version_read_risks_in_it_the_head_and_the_active_plan() {
        given().when(save(schedules()), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "registerId", "NOT_GENERATED"));
        given(generated(), saved()).when(new SaveRiskRegister(REGISTER, PLAN, "1234/2027", "Ion Popa", schedules(), 2), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "registerId", "NOT_GENERATED"));
        given(generated()).when(new SaveRiskRegister(REGISTER, PLAN, "1234/2027", "Ion Popa", schedules(), 0), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        given(generated()).when(save(schedules()), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "FORBIDDEN"));
        given(new RiskRegisterGenerated(REGISTER, PLAN, CLUJ, 1, DAY, List.of(), List.of(MISSING), List.of()))
                .when(save(List.of()), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "planId", "NO_FINALISED_ASSESSMENTS"));
        plans.given(new PlanClosed(PLAN, CLUJ));
        given(generated()).when(save(schedules()), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE"));
    }

    // ---------------------------------------------------------------- evaluations (A1001, G04)

    private static MeasureEvaluation row(UUID risk, UUID measure, UUID indicator, String value, String person, int row) {
        return new MeasureEvaluation(risk, null, measure, indicator, value, person, row);
    }

    @Test
    void a_workbook_import_records_every_row_completed_with_its_assessment_and_the_values_canonical() {
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, List.of(
                        row(RISK, M2, IND_COUNT, "4", "Ionuț Popescu", 2),
                        row(RISK, M2, IND_COUNT, " 10,50 ", "Vasile Alexandru", 3),
                        new MeasureEvaluation(null, A2, M1, IND_QUALITY, "Bine", "Vasile Alexandru", 4))), as(COUNSELLOR))
                .expectEvents(new MeasureEvaluationsRecorded(REGISTER, PLAN, CLUJ, 1, EvaluationSource.WORKBOOK, COUNSELLOR,
                        "Maria Ștefănescu", DAY, List.of(
                        new MeasureEvaluation(RISK, A1, M2, IND_COUNT, "4", "Ionuț Popescu", 2),
                        new MeasureEvaluation(RISK, A1, M2, IND_COUNT, "10.5", "Vasile Alexandru", 3),
                        new MeasureEvaluation(RISK, A2, M1, IND_QUALITY, "Bine", "Vasile Alexandru", 4))))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_risk_owner_evaluates_under_their_own_name() {
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.RISK_OWNER, List.of(
                        new MeasureEvaluation(null, null, M4, IND_AMOUNT, "7", "Someone Else", null))), as(OWNER))
                .expectEvents(new MeasureEvaluationsRecorded(REGISTER, PLAN, CLUJ, 1, EvaluationSource.RISK_OWNER, OWNER,
                        "Elena Vasilescu", DAY, List.of(new MeasureEvaluation(RISK2, A3, M4, IND_AMOUNT, "7", "Elena Vasilescu", null))));
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.RISK_OWNER, List.of(
                        new MeasureEvaluation(null, null, M4, IND_AMOUNT, "7", null, null))), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "FORBIDDEN"));
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, List.of(
                        new MeasureEvaluation(null, null, M4, IND_AMOUNT, "7", "Ionuț Popescu", 2))), as(OWNER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "FORBIDDEN"));
    }

    @Test
    void every_bad_evaluation_is_reported_by_index_row_and_field_and_nothing_is_recorded() {
        List<MeasureEvaluation> rows = List.of(
                row(RISK, M2, IND_COUNT, "4", "Ionuț Popescu", 2),                        // fine
                row(UUID.randomUUID(), M2, IND_COUNT, "4", "Ionuț Popescu", 3),           // unknown risk
                row(RISK, UUID.randomUUID(), IND_COUNT, "4", "Ionuț Popescu", 4),         // unknown measure
                row(RISK2, M2, IND_COUNT, "4", "Ionuț Popescu", 5),                       // measure of another risk
                row(RISK, M1, IND_DONE, "1", "Ionuț Popescu", 6),                         // M1 in A1 and A2
                row(RISK, M2, IND_QUALITY, "4", "Ionuț Popescu", 7),                      // indicator of another measure
                row(RISK, M2, IND_COUNT, "patru", "Ionuț Popescu", 8),                    // not a number
                new MeasureEvaluation(null, A2, M1, IND_QUALITY, "Excelent", "Vasile Alexandru", 9), // not allowed
                new MeasureEvaluation(null, A1, M1, IND_DONE, "2", "Vasile Alexandru", 10),         // not 1/0
                row(RISK, M2, IND_COUNT, "", "Ionuț Popescu", 11),                        // empty value
                row(RISK, M2, IND_COUNT, "4", " ", 12),                                   // no person
                row(RISK, M2, IND_COUNT, "4", "Ionuț " + CNP, 13));                       // personal data
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, rows), as(HEAD))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "evaluations[1].riskId", "UNKNOWN_RISK"))
                .expectExceptionMessage(startsWith("11 evaluations are refused"));
        // the same check the handler makes, read back whole: every problem with its index, row, field and code
        RiskRegister.EvaluationCheck check = new RiskRegister.EvaluationCheck(savedEdition());
        for (int i = 0; i < rows.size(); i++) {
            check.check(i, rows.get(i), null);
        }
        CommandRejected refused = assertThrows(CommandRejected.class, check::refuseIfAny);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.details().get("errors");
        assertThat(errors).extracting(e -> e.get("row") + " " + e.get("field") + " " + e.get("code")).containsExactly(
                "3 riskId UNKNOWN_RISK", "4 measureId UNKNOWN_MEASURE", "5 measureId NOT_UNDER_PARENT",
                "6 measureId AMBIGUOUS_MEASURE", "7 indicatorId UNKNOWN_INDICATOR", "8 value VALUE_NOT_OF_KIND",
                "9 value VALUE_NOT_OF_KIND", "10 value VALUE_NOT_OF_KIND", "11 value REQUIRED", "12 personName REQUIRED",
                "13 personName PERSONAL_DATA");
        assertThat(errors.getFirst()).containsEntry("index", 1).containsKeys("message");
    }

    @Test
    void evaluations_need_a_saved_edition_at_least_one_and_at_most_five_thousand() {
        List<MeasureEvaluation> one = List.of(row(RISK, M2, IND_COUNT, "4", "Ionuț Popescu", 2));
        given(generated()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, one), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "registerId", "NOT_SAVED"));
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, List.of()), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "evaluations", "REQUIRED"));
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, null, one), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "source", "REQUIRED"));
        List<MeasureEvaluation> many = Collections.nCopies(5_001, one.getFirst());
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, many), as(HEAD))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "evaluations", "TOO_MANY"));
        given(generated(), saved()).when(new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, one), as(IASI_HEAD))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "OTHER_STRUCTURE"));
    }
}
