package ro.marc.command.register;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.register.MeasureSchedules.ScheduledMeasure;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.org.County;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MeasureScheduleLookup} on a real PostgreSQL: the schedules of each plan's last saved edition (a later save
 * replaces the plan's rows, another plan's stay), with the anchor the periods need, saves applied twice or late
 * harmless, and a rebuild after {@code clear}.
 */
class MeasureScheduleLookupPostgresTest {

    private final MeasureScheduleLookup lookup = new MeasureScheduleLookup(TestDatabase.dataSource());
    private final UUID plan = UUID.randomUUID();
    private final UUID otherPlan = UUID.randomUUID();
    private final UUID orgUnit = UUID.randomUUID();
    private final UUID a1 = UUID.randomUUID();
    private final UUID a2 = UUID.randomUUID();
    private final UUID m1 = UUID.randomUUID();
    private final UUID m2 = UUID.randomUUID();
    private static final LocalDate START = LocalDate.of(2027, 4, 1);

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(long seq, UUID planId, int edition, MeasureSchedule... schedules) {
        UUID register = RegisterIds.of(planId);
        RegisterEdition saved = new RegisterEdition(edition, planId, "Evaluarea riscurilor 2026", orgUnit, "IPJ Cluj",
                County.CJ, "1234/2027", "Ion Popa", LocalDate.of(2027, 4, 2), null, "MARC", START, LocalDate.of(2027, 11, 1),
                List.of(), List.of(), List.of(schedules), List.of("Ioana Mureșan"));
        lookup.apply(new GenericDomainEventMessage<>("RiskRegister", register.toString(), seq, new RiskRegisterSaved(register, saved)));
    }

    @Test
    void the_schedules_of_each_plans_last_saved_edition() {
        assertThat(lookup.handles(RiskRegisterSaved.class)).isTrue();
        assertThat(lookup.handles(RiskRegisterGenerated.class)).as("a draft schedules nothing").isFalse();
        assertThat(lookup.handles(MeasureEvaluationsRecorded.class)).isFalse();
        assertThat(lookup.forAssessment(a1)).isEmpty();

        apply(1, plan, 1, new MeasureSchedule(a1, m1, LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY),
                new MeasureSchedule(a1, m2, LocalDate.of(2027, 5, 15), null));
        apply(1, otherPlan, 1, new MeasureSchedule(a2, m1, LocalDate.of(2027, 7, 1), MeasurePeriodicity.ONCE));
        assertThat(lookup.forAssessment(a1)).extracting(ScheduledMeasure::measureId).as("in the edition's order").containsExactly(m1, m2);
        ScheduledMeasure monthly = lookup.schedule(a1, m1).orElseThrow();
        assertThat(monthly).isEqualTo(new ScheduledMeasure(RegisterIds.of(plan), 1, plan, orgUnit, a1, m1,
                LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY, START));
        assertThat(monthly.dueDates()).containsExactly(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 30));
        assertThat(lookup.schedule(a1, m2).orElseThrow().periodicity()).as("none given: once").isEqualTo(MeasurePeriodicity.ONCE);
        assertThat(lookup.schedule(a2, m2)).isEmpty();
        assertThat(lookup.schedule(null, m2)).isEmpty();

        apply(3, plan, 2, new MeasureSchedule(a1, m2, LocalDate.of(2027, 8, 1), MeasurePeriodicity.QUARTERLY));
        assertThat(lookup.forAssessment(a1)).as("edition 2 replaces edition 1's rows").singleElement()
                .satisfies(s -> assertThat(s.registerEdition()).isEqualTo(2))
                .satisfies(s -> assertThat(s.deadline()).isEqualTo(LocalDate.of(2027, 8, 1)));
        assertThat(lookup.forAssessment(a2)).as("another plan's stay").hasSize(1);
        apply(3, plan, 2, new MeasureSchedule(a1, m2, LocalDate.of(2027, 8, 1), MeasurePeriodicity.QUARTERLY)); // twice
        apply(1, plan, 1, new MeasureSchedule(a1, m1, LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY)); // late
        assertThat(lookup.forAssessment(a1)).extracting(ScheduledMeasure::measureId).containsExactly(m2);

        lookup.clear();
        assertThat(lookup.forAssessment(a1)).isEmpty();
        apply(1, plan, 1, new MeasureSchedule(a1, m1, LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY));
        apply(3, plan, 2, new MeasureSchedule(a1, m2, LocalDate.of(2027, 8, 1), MeasurePeriodicity.QUARTERLY));
        assertThat(lookup.forAssessment(a1)).extracting(ScheduledMeasure::measureId).containsExactly(m2);
    }
}
