package ro.marc.command.monitoring;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureMarkedDone;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.org.County;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MeasureDueLookup} on a real PostgreSQL: what the reminder sweep asks on a given day — due three days before
 * each due date, overdue the day after the deadline — settled once appended, held for a measure done, a monitoring
 * finalised or an inactive assessment, dropped with the plan; a new register edition keeps what was sent; events
 * applied twice harmless; a rebuild after {@code clear}.
 */
class MeasureDueLookupPostgresTest {

    private final MeasureDueLookup lookup = new MeasureDueLookup(TestDatabase.jdbc());
    private final UUID plan = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID once = UUID.randomUUID();
    private final UUID monthly = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    static final LocalDate ANCHOR = LocalDate.of(2027, 4, 1);
    static final LocalDate MAY_15 = LocalDate.of(2027, 5, 15);
    static final LocalDate JUNE_30 = LocalDate.of(2027, 6, 30);

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private long seq;

    private void apply(Object event) {
        lookup.apply(new GenericDomainEventMessage<>("Any", UUID.randomUUID().toString(), seq++, event));
    }

    private RiskRegisterSaved saved(int edition, MeasureSchedule... schedules) {
        return new RiskRegisterSaved(RegisterIds.of(plan), new RegisterEdition(edition, plan, "Evaluarea riscurilor 2026", cluj,
                "IPJ Cluj", County.CJ, "1234/2027", "Ion Popescu", LocalDate.of(2027, 4, 2), member, "Maria Pop", ANCHOR,
                LocalDate.of(2027, 11, 1), List.of(), List.of(), List.of(schedules), List.of("Maria Pop")));
    }

    private MeasureDueSoon dueSoon(UUID assessment, UUID measure, LocalDate due, LocalDate deadline) {
        return new MeasureDueSoon(MonitoringIds.of(assessment), assessment, plan, cluj, member, measure, "m", "r", due,
                deadline, due.minusDays(3));
    }

    private List<UUID> due(LocalDate today) {
        return lookup.assessmentsDue(today, 100);
    }

    @Test
    void a_reminder_is_due_from_three_days_before_each_due_date_until_it_and_an_overdue_flag_after_the_deadline_each_until_appended() {
        assertThat(lookup.handles(RiskRegisterSaved.class)).isTrue();
        assertThat(lookup.handles(MeasureMarkedDone.class)).isTrue();
        apply(saved(1, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE),
                new MeasureSchedule(a, monthly, JUNE_30, MeasurePeriodicity.MONTHLY)));
        assertThat(due(LocalDate.of(2027, 4, 26))).isEmpty();
        assertThat(due(LocalDate.of(2027, 4, 27))).as("the period due 30.04").containsExactly(a);
        apply(dueSoon(a, monthly, LocalDate.of(2027, 4, 30), JUNE_30));
        apply(dueSoon(a, monthly, LocalDate.of(2027, 4, 30), JUNE_30)); // twice
        assertThat(due(LocalDate.of(2027, 4, 27))).isEmpty();
        assertThat(due(LocalDate.of(2027, 5, 11))).isEmpty();
        assertThat(due(LocalDate.of(2027, 5, 12))).containsExactly(a);
        apply(dueSoon(a, once, MAY_15, MAY_15));
        assertThat(due(LocalDate.of(2027, 5, 15))).isEmpty();
        // the day after the deadline: overdue, until flagged
        assertThat(due(LocalDate.of(2027, 5, 16))).containsExactly(a);
        apply(new MeasureOverdue(MonitoringIds.of(a), a, plan, cluj, member, once, "m", "r", MAY_15, LocalDate.of(2027, 5, 16)));
        assertThat(due(LocalDate.of(2027, 5, 16))).isEmpty();
        // a reminder missed past its due date (MARC down) is no longer selected; the overdue flag still is
        assertThat(due(LocalDate.of(2027, 6, 1))).isEmpty();
        assertThat(due(LocalDate.of(2027, 7, 1))).containsExactly(a);
    }

    @Test
    void a_done_measure_a_finalised_monitoring_an_inactive_assessment_and_a_closed_plan_are_not_reminded() {
        apply(saved(1, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE),
                new MeasureSchedule(b, other, MAY_15, null)));
        LocalDate may13 = LocalDate.of(2027, 5, 13);
        assertThat(due(may13)).containsExactlyInAnyOrder(a, b);
        apply(new MeasureMarkedDone(MonitoringIds.of(a), a, plan, cluj, once, LocalDate.of(2027, 5, 10), MAY_15, false, member, "x"));
        assertThat(due(may13)).containsExactly(b);
        apply(new RiskAssessmentInactivated(b));
        assertThat(due(may13)).isEmpty();
        apply(new RiskAssessmentReactivated(b));
        assertThat(due(may13)).containsExactly(b);
        apply(new MonitoringFinalised(MonitoringIds.of(b), b, plan, cluj, member, "x", UUID.randomUUID(), "r", may13, 1, 0));
        assertThat(due(may13)).isEmpty();
        apply(new RiskAssessmentReactivated(b)); // does not lift a finalisation
        assertThat(due(LocalDate.of(2027, 5, 20))).isEmpty();

        lookup.clear();
        apply(saved(1, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE)));
        apply(new PlanClosed(plan, cluj));
        assertThat(due(may13)).isEmpty();
    }

    @Test
    void a_new_register_edition_keeps_what_was_sent_and_drops_what_it_no_longer_schedules_an_older_one_changes_nothing() {
        apply(saved(1, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE),
                new MeasureSchedule(b, other, MAY_15, MeasurePeriodicity.ONCE)));
        apply(dueSoon(a, once, MAY_15, MAY_15));
        RiskRegisterSaved second = saved(2, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE));
        apply(second);
        apply(second);
        assertThat(due(LocalDate.of(2027, 5, 13))).as("a's reminder was sent, b is no longer scheduled").isEmpty();
        apply(saved(1, new MeasureSchedule(b, other, MAY_15, MeasurePeriodicity.ONCE)));
        assertThat(due(LocalDate.of(2027, 5, 13))).isEmpty();
        // a daily measure: reminded of its deadline only
        apply(saved(3, new MeasureSchedule(a, once, MAY_15, MeasurePeriodicity.ONCE),
                new MeasureSchedule(b, other, JUNE_30, MeasurePeriodicity.DAILY)));
        assertThat(due(LocalDate.of(2027, 6, 10))).as("a overdue since 16.05, b not yet").containsExactly(a);
        assertThat(due(LocalDate.of(2027, 6, 27))).containsExactlyInAnyOrder(a, b);
        assertThat(lookup.assessmentsDue(LocalDate.of(2027, 7, 1), 1)).as("limit, oldest first").containsExactly(a);
    }
}
