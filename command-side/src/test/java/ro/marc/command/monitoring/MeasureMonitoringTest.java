package ro.marc.command.monitoring;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.analysis.InMemoryAccounts;
import ro.marc.command.assessment.InMemoryFinalisedAssessments;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.command.register.MeasureSchedules.ScheduledMeasure;
import ro.marc.events.access.Role;
import ro.marc.events.assessment.*;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.command.*;
import ro.marc.events.monitoring.event.*;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.RegisterIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ro.marc.command.common.Refused.rejected;

/**
 * Given/when/then for the monitoring of an assessment's measures (§2.4, UCA 80, 82, N01): done is dated and
 * irreversible, indicator values per period of their kind, an additional measure kept as existing, the
 * finalisation, the reminders and overdue flags once per (measure, date), and every refusal appends nothing.
 */
class MeasureMonitoringTest {

    static final UUID CLUJ = UUID.randomUUID();
    static final UUID WU1 = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID ASSESSMENT = UUID.randomUUID();
    static final UUID MONITORING = MonitoringIds.of(ASSESSMENT);
    static final UUID RISK = UUID.randomUUID();
    static final UUID EXISTING = UUID.randomUUID();
    static final UUID ADDITIONAL = UUID.randomUUID();
    static final UUID UNSCHEDULED = UUID.randomUUID();
    static final UUID IND1 = UUID.randomUUID();
    static final UUID IND2 = UUID.randomUUID();
    static final UUID IND3 = UUID.randomUUID();
    static final String RISK_NAME = "Favorizarea unui ofertant";
    /** The plan's evaluation deadline is 31.03.2027: the measures stage starts on 01.04.2027. */
    static final LocalDate ANCHOR = LocalDate.of(2027, 4, 1);
    /** EXISTING: monthly until 30.06.2027 (periods due 30.04, 31.05, 30.06). */
    static final LocalDate EXISTING_DEADLINE = LocalDate.of(2027, 6, 30);
    /** ADDITIONAL: once, 15.05.2027. */
    static final LocalDate ADDITIONAL_DEADLINE = LocalDate.of(2027, 5, 15);

    private InMemoryActivePlans plans;
    private InMemoryAccounts accounts;
    private InMemoryFinalisedAssessments assessments;
    private MonitoringMeasureSchedulesFixture schedules;

    static List<Measure> measures() {
        return List.of(
                new Measure(EXISTING, MeasureKind.EXISTING, "Declarații de imparțialitate",
                        new EffectivenessCriteria(true, true, false, true), null,
                        List.of(new Indicator(IND1, "Declarații depuse", IndicatorKind.NUMERIC, List.of()))),
                new Measure(ADDITIONAL, MeasureKind.ADDITIONAL, "Rotația membrilor comisiei", null, "Șeful serviciului",
                        List.of(new Indicator(IND2, "Rotație aplicată", IndicatorKind.DONE_NOT_DONE, List.of()),
                                new Indicator(IND3, "Calitatea rotației", IndicatorKind.QUALITATIVE,
                                        List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))),
                new Measure(UNSCHEDULED, MeasureKind.ADDITIONAL, "Instruire", null, "Șeful biroului", List.of()));
    }

    static AssessmentEdition edition() {
        return new AssessmentEdition(1, PLAN, "Evaluarea riscurilor 2026", CLUJ, "IPJ Cluj", County.CJ, WU1, "Ordine publică",
                null, "Achiziții publice", UUID.randomUUID(), "Atribuirea contractelor", RISK, RISK_NAME, MEMBER,
                "Ioana Mureșan", LocalDate.of(2027, 3, 20), LocalDate.of(2027, 5, 31), false, RiskDescription.empty(), null,
                measures(), Map.of(), Map.of());
    }

    static ScheduledMeasure schedule(UUID measure, LocalDate deadline, MeasurePeriodicity periodicity) {
        return new ScheduledMeasure(RegisterIds.of(PLAN), 1, PLAN, CLUJ, ASSESSMENT, measure, deadline, periodicity, ANCHOR);
    }

    @BeforeEach
    void setUp() {
        plans = new InMemoryActivePlans().given(new PlanActivated(PLAN, CLUJ, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor 2026",
                List.of(new PlanMember(MEMBER, List.of(WU1), true, false), new PlanMember(OTHER, List.of(WU1), true, false)),
                new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31)), null));
        accounts = new InMemoryAccounts()
                .account(MEMBER, "Ioana Mureșan", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(OTHER, "Andrei Pop", CLUJ, true, Role.WORKING_GROUP_MEMBER);
        assessments = new InMemoryFinalisedAssessments().finalised(ASSESSMENT, edition());
        schedules = new MonitoringMeasureSchedulesFixture()
                .schedule(schedule(EXISTING, EXISTING_DEADLINE, MeasurePeriodicity.MONTHLY))
                .schedule(schedule(ADDITIONAL, ADDITIONAL_DEADLINE, MeasurePeriodicity.ONCE));
    }

    private FixtureConfiguration<MeasureMonitoring> fixture() {
        FixtureConfiguration<MeasureMonitoring> fixture = new AggregateTestFixture<>(MeasureMonitoring.class);
        for (Object resource : List.of(plans, accounts, assessments, schedules)) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }

    private static Map<String, Object> as(UUID user) {
        return Map.of("userId", user.toString());
    }

    private static final Map<String, Object> SYSTEM = Map.of("userId", "system");

    static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant();
    }

    static final LocalDate MAY_10 = LocalDate.of(2027, 5, 10);

    static MeasureMarkedDone done(UUID measure, LocalDate on, LocalDate deadline) {
        return new MeasureMarkedDone(MONITORING, ASSESSMENT, PLAN, CLUJ, measure, on, deadline, on.isAfter(deadline),
                MEMBER, "Ioana Mureșan");
    }

    static IndicatorValuesRecorded recorded(UUID measure, LocalDate period, LocalDate on, IndicatorValue... values) {
        return new IndicatorValuesRecorded(MONITORING, ASSESSMENT, measure, period, List.of(values), on, MEMBER, "Ioana Mureșan");
    }

    // ---------------------------------------------------------------- done

    @Test
    void a_member_marks_a_measure_done_dated_today_and_a_second_time_is_refused() {
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectEvents(done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE)).expectResultMessagePayload(1L);
        fixture().given(done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE)).andGivenCurrentTime(on(MAY_10.plusDays(1)))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "measureId", "ALREADY_DONE",
                        Map.of("doneOn", "2027-05-10")));
    }

    @Test
    void done_after_the_deadline_is_late_and_marc_itself_marks_for_the_member() {
        LocalDate late = ADDITIONAL_DEADLINE.plusDays(2);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(late))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), SYSTEM)
                .expectEvents(done(ADDITIONAL, late, ADDITIONAL_DEADLINE));
    }

    @Test
    void only_the_assessments_member_marks_a_known_scheduled_measure_of_a_finalised_active_assessment_under_an_active_plan() {
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "assessmentId", "NOT_YOURS"));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, UUID.randomUUID()), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "measureId", "UNKNOWN_MEASURE"));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, UNSCHEDULED), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "measureId", "NOT_SCHEDULED"));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(UUID.randomUUID(), ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "monitoringId", "NOT_OF_ASSESSMENT"));
        UUID draft = UUID.randomUUID();
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MonitoringIds.of(draft), draft, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "NOT_FINALISED"));
        assessments.finalised(ASSESSMENT, edition()).inactive(ASSESSMENT);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "INACTIVE"));
        assessments.finalised(ASSESSMENT, edition());
        plans.given(new PlanClosed(PLAN, CLUJ));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE"));
    }

    // ---------------------------------------------------------------- indicator values

    @Test
    void values_are_entered_per_begun_period_canonical_and_the_same_again_appends_nothing() {
        LocalDate may31 = LocalDate.of(2027, 5, 31);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, may31,
                        List.of(new IndicatorValue(IND1, " 12,50 "))), as(MEMBER))
                .expectEvents(recorded(EXISTING, may31, MAY_10, new IndicatorValue(IND1, "12.5")));
        fixture().given(recorded(EXISTING, may31, MAY_10, new IndicatorValue(IND1, "12.5"))).andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, may31,
                        List.of(new IndicatorValue(IND1, "12.50"))), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(1L);
        // another value for the same period replaces it
        fixture().given(recorded(EXISTING, may31, MAY_10, new IndicatorValue(IND1, "12.5"))).andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, may31,
                        List.of(new IndicatorValue(IND1, "13"))), as(MEMBER))
                .expectEvents(recorded(EXISTING, may31, MAY_10, new IndicatorValue(IND1, "13")));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, ADDITIONAL, ADDITIONAL_DEADLINE,
                        List.of(new IndicatorValue(IND2, "1"), new IndicatorValue(IND3, " Bine"))), as(MEMBER))
                .expectEvents(recorded(ADDITIONAL, ADDITIONAL_DEADLINE, MAY_10, new IndicatorValue(IND2, "1"),
                        new IndicatorValue(IND3, "Bine")));
    }

    @Test
    void the_period_is_one_of_the_schedules_due_dates_and_already_begun() {
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, LocalDate.of(2027, 5, 30),
                        List.of(new IndicatorValue(IND1, "1"))), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "periodDue", "PERIOD_UNKNOWN"));
        // the period due 30.06 begins on 01.06
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, EXISTING_DEADLINE,
                        List.of(new IndicatorValue(IND1, "1"))), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "periodDue", "PERIOD_NOT_STARTED",
                        Map.of("start", "2027-06-01")));
        // the first period is open from the register's save, before the measures stage starts (as marking done is)
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(ANCHOR.minusDays(1)))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, LocalDate.of(2027, 4, 30),
                        List.of(new IndicatorValue(IND1, "1"))), as(MEMBER))
                .expectEvents(recorded(EXISTING, LocalDate.of(2027, 4, 30), ANCHOR.minusDays(1), new IndicatorValue(IND1, "1")));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, null,
                        List.of(new IndicatorValue(IND1, "1"))), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "periodDue", "REQUIRED"));
    }

    @Test
    void values_are_of_the_measures_own_indicators_once_each_of_their_kind_at_least_one() {
        refusedValues(List.of(), "values", "REQUIRED");
        refusedValues(List.of(new IndicatorValue(IND2, "1"), new IndicatorValue(IND1, "3")), "values[1].indicatorId", "UNKNOWN_INDICATOR");
        refusedValues(List.of(new IndicatorValue(IND2, "1"), new IndicatorValue(IND2, "0")), "values[1].indicatorId", "DUPLICATE_INDICATOR");
        refusedValues(List.of(new IndicatorValue(IND2, "da")), "values[0].value", "VALUE_NOT_OF_KIND");
        refusedValues(List.of(new IndicatorValue(IND2, "1"), new IndicatorValue(IND3, "Excelent")), "values[1].value", "VALUE_NOT_OF_KIND");
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, LocalDate.of(2027, 5, 31),
                        List.of(new IndicatorValue(IND1, "doisprezece"))), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "values[0].value", "VALUE_NOT_OF_KIND"));
    }

    private void refusedValues(List<IndicatorValue> values, String field, String code) {
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, ADDITIONAL, ADDITIONAL_DEADLINE, values), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, field, code));
    }

    // ---------------------------------------------------------------- kept as existing

    @Test
    void an_implemented_additional_measure_is_kept_as_existing_once() {
        MeasureMarkedDone done = done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE);
        // where it was kept and the measure as it stood: the next period's assessment of the risk starts from it
        Measure rotation = measures().stream().filter(m -> m.measureId().equals(ADDITIONAL)).findFirst().orElseThrow();
        MeasureKeptAsExisting kept = new MeasureKeptAsExisting(MONITORING, ASSESSMENT, ADDITIONAL, MAY_10, PLAN, CLUJ, WU1, RISK,
                rotation);
        fixture().given(done).andGivenCurrentTime(on(MAY_10))
                .when(new KeepMeasureAsExisting(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectEvents(kept);
        fixture().given(done, kept).andGivenCurrentTime(on(MAY_10))
                .when(new KeepMeasureAsExisting(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "measureId", "ALREADY_KEPT"));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new KeepMeasureAsExisting(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "measureId", "NOT_DONE"));
        fixture().given(done(EXISTING, MAY_10, EXISTING_DEADLINE)).andGivenCurrentTime(on(MAY_10))
                .when(new KeepMeasureAsExisting(MONITORING, ASSESSMENT, EXISTING), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "measureId", "NOT_ADDITIONAL"));
    }

    // ---------------------------------------------------------------- finalisation

    static final LocalDate JULY_1 = LocalDate.of(2027, 7, 1);

    static Object[] everythingDone() {
        return new Object[]{done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE), done(EXISTING, JULY_1, EXISTING_DEADLINE),
                recorded(ADDITIONAL, ADDITIONAL_DEADLINE, MAY_10, new IndicatorValue(IND2, "1"), new IndicatorValue(IND3, "Bine")),
                recorded(EXISTING, LocalDate.of(2027, 4, 30), MAY_10, new IndicatorValue(IND1, "4"))};
    }

    @Test
    void the_member_finalises_once_every_measure_is_done_and_every_indicator_has_a_value_then_nothing_changes() {
        MonitoringFinalised finalisedEvent = new MonitoringFinalised(MONITORING, ASSESSMENT, PLAN, CLUJ, MEMBER, "Ioana Mureșan",
                RISK, RISK_NAME, JULY_1, 2, 1);
        fixture().given(everythingDone()).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 4), as(MEMBER))
                .expectEvents(finalisedEvent).expectResultMessagePayload(5L);
        Object[] finalisedHistory = List.of(everythingDone()[0], everythingDone()[1], everythingDone()[2],
                everythingDone()[3], finalisedEvent).toArray();
        fixture().given(finalisedHistory).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 5), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "ALREADY_FINALISED"));
        fixture().given(finalisedHistory).andGivenCurrentTime(on(JULY_1))
                .when(new RecordIndicatorValues(MONITORING, ASSESSMENT, EXISTING, EXISTING_DEADLINE,
                        List.of(new IndicatorValue(IND1, "5"))), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "MONITORING_FINALISED"));
        fixture().given(finalisedHistory).andGivenCurrentTime(on(JULY_1))
                .when(new KeepMeasureAsExisting(MONITORING, ASSESSMENT, ADDITIONAL), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "MONITORING_FINALISED"));
        fixture().given(finalisedHistory).andGivenCurrentTime(on(JULY_1))
                .when(new MarkMeasureDone(MONITORING, ASSESSMENT, EXISTING), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "MONITORING_FINALISED"));
    }

    @Test
    void finalising_needs_every_measure_done_every_indicator_valued_and_the_current_version() {
        Object[] all = everythingDone();
        fixture().given(all[0], all[2], all[3]).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "measures", "MEASURE_NOT_DONE",
                        Map.of("measureId", EXISTING.toString())));
        fixture().given(all[0], all[1], all[2]).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "measures", "INDICATOR_WITHOUT_VALUE",
                        Map.of("measureId", EXISTING.toString(), "indicatorId", IND1.toString())));
        fixture().given(all).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(all).andGivenCurrentTime(on(JULY_1))
                .when(new FinaliseMonitoring(MONITORING, ASSESSMENT, 4), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "assessmentId", "NOT_YOURS"));
    }

    // ---------------------------------------------------------------- reminders and overdue (N01)

    static MeasureDueSoon dueSoon(UUID measure, String description, LocalDate due, LocalDate deadline, LocalDate on) {
        return new MeasureDueSoon(MONITORING, ASSESSMENT, PLAN, CLUJ, MEMBER, measure, description, RISK_NAME, due, deadline, on);
    }

    static MeasureOverdue overdue(UUID measure, String description, LocalDate deadline, LocalDate on) {
        return new MeasureOverdue(MONITORING, ASSESSMENT, PLAN, CLUJ, MEMBER, measure, description, RISK_NAME, deadline, on);
    }

    static final String ROTATION = "Rotația membrilor comisiei";
    static final String DECLARATIONS = "Declarații de imparțialitate";

    @Test
    void a_reminder_fires_three_days_before_each_due_date_once_and_not_earlier() {
        LocalDate may12 = ADDITIONAL_DEADLINE.minusDays(3);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may12.minusDays(1)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents().expectSuccessfulHandlerExecution();
        MeasureDueSoon reminder = dueSoon(ADDITIONAL, ROTATION, ADDITIONAL_DEADLINE, ADDITIONAL_DEADLINE, may12);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may12))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectEvents(reminder).expectResultMessagePayload(1L);
        // the next runs, that day and the next ones, append nothing
        fixture().given(reminder).andGivenCurrentTime(on(may12.plusDays(1)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(1L);
        // the monthly measure's period due 31.05: reminded on 28.05, its deadline 30.06 on 27.06
        fixture().given(reminder).andGivenCurrentTime(on(LocalDate.of(2027, 5, 28)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectEvents(dueSoon(EXISTING, DECLARATIONS, LocalDate.of(2027, 5, 31), EXISTING_DEADLINE, LocalDate.of(2027, 5, 28)),
                        overdue(ADDITIONAL, ROTATION, ADDITIONAL_DEADLINE, LocalDate.of(2027, 5, 28)));
    }

    @Test
    void a_reminder_missed_while_marc_was_down_is_sent_when_it_is_back_before_the_due_date_and_an_overdue_flag_once() {
        LocalDate may14 = ADDITIONAL_DEADLINE.minusDays(1);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may14))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectEvents(dueSoon(ADDITIONAL, ROTATION, ADDITIONAL_DEADLINE, ADDITIONAL_DEADLINE, may14));
        LocalDate may16 = ADDITIONAL_DEADLINE.plusDays(1);
        MeasureOverdue flag = overdue(ADDITIONAL, ROTATION, ADDITIONAL_DEADLINE, may16);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may16))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectEvents(flag);
        fixture().given(flag).andGivenCurrentTime(on(may16.plusDays(5)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents();
    }

    @Test
    void no_reminder_for_a_done_measure_an_inactive_assessment_or_a_closed_plan_and_daily_measures_only_before_their_deadline() {
        LocalDate may12 = ADDITIONAL_DEADLINE.minusDays(3);
        fixture().given(done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE)).andGivenCurrentTime(on(may12))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents();
        schedules.schedule(schedule(EXISTING, EXISTING_DEADLINE, MeasurePeriodicity.DAILY));
        fixture().given(done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE)).andGivenCurrentTime(on(LocalDate.of(2027, 6, 10)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents();
        fixture().given(done(ADDITIONAL, MAY_10, ADDITIONAL_DEADLINE)).andGivenCurrentTime(on(LocalDate.of(2027, 6, 27)))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectEvents(dueSoon(EXISTING, DECLARATIONS, EXISTING_DEADLINE, EXISTING_DEADLINE, LocalDate.of(2027, 6, 27)));
        assessments.finalised(ASSESSMENT, edition()).inactive(ASSESSMENT);
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may12))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents();
        assessments.finalised(ASSESSMENT, edition());
        plans.given(new PlanClosed(PLAN, CLUJ));
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(may12))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), SYSTEM)
                .expectNoEvents();
    }

    @Test
    void only_marc_sends_the_reminders() {
        fixture().givenNoPriorActivity().andGivenCurrentTime(on(MAY_10))
                .when(new RemindMeasureDeadlines(MONITORING, ASSESSMENT), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "monitoringId", "FORBIDDEN"));
    }
}
