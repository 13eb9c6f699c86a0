package ro.marc.command.monitoring;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;
import ro.marc.events.monitoring.event.MeasureMarkedDone;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeptMeasureLookup} on a real PostgreSQL: the measures kept as existing (UCA 80) by assessment, for the next
 * edition; and by structure, work unit and risk from the most recent other plan, as they stood, for the next plan's
 * assessment; an event applied twice is harmless; {@code clear} empties it for a rebuild.
 */
class KeptMeasureLookupPostgresTest {

    private final KeptMeasureLookup lookup = new KeptMeasureLookup(TestDatabase.jdbc());
    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID traffic = UUID.randomUUID();
    private final UUID bribery = UUID.randomUUID();
    private final UUID plan2026 = UUID.randomUUID();
    private final UUID plan2027 = UUID.randomUUID();
    private final UUID plan2028 = UUID.randomUUID();
    private long seq;

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(Object event) {
        lookup.apply(new GenericDomainEventMessage<>("MeasureMonitoring", UUID.randomUUID().toString(), seq++, event));
    }

    private static Measure measure(String description) {
        return new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, description, null, "Șeful serviciului",
                List.of(new Indicator(UUID.randomUUID(), "Realizată", IndicatorKind.DONE_NOT_DONE, List.of())));
    }

    private static MeasureKeptAsExisting kept(UUID assessment, Measure measure, LocalDate on, UUID plan, UUID unit,
                                              UUID workUnit, UUID risk) {
        return new MeasureKeptAsExisting(MonitoringIds.of(assessment), assessment, measure.measureId(), on, plan, unit,
                workUnit, risk, measure);
    }

    @Test
    void each_assessment_answers_its_own_kept_measures_and_applying_twice_is_harmless() {
        assertThat(lookup.handles(MeasureKeptAsExisting.class)).isTrue();
        assertThat(lookup.handles(MeasureMarkedDone.class)).isFalse();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Measure rotation = measure("Rotația personalului");
        Measure training = measure("Instruire anticorupție");
        assertThat(lookup.keptOf(a)).isEmpty();

        apply(kept(a, rotation, LocalDate.of(2027, 6, 2), plan2026, cluj, order, bribery));
        apply(kept(a, rotation, LocalDate.of(2027, 6, 2), plan2026, cluj, order, bribery));
        apply(kept(a, training, LocalDate.of(2027, 6, 3), plan2026, cluj, order, bribery));
        apply(kept(b, training, LocalDate.of(2027, 6, 3), plan2026, cluj, traffic, bribery));

        assertThat(lookup.keptOf(a)).containsExactlyInAnyOrder(rotation.measureId(), training.measureId());
        assertThat(lookup.keptOf(b)).containsExactly(training.measureId());

        lookup.clear();
        assertThat(lookup.keptOf(a)).isEmpty();
    }

    @Test
    void the_next_plan_starts_from_the_most_recent_other_plan_that_kept_measures_for_the_risk_in_the_work_unit() {
        Measure rotation = measure("Rotația personalului");
        Measure cameras = measure("Camere video la ghișee");
        Measure training = measure("Instruire anticorupție");
        Measure elsewhere = measure("Alt risc, altă unitate");
        // 2026: one member kept the rotation; 2027: two members (A402) kept the cameras and the training
        apply(kept(UUID.randomUUID(), rotation, LocalDate.of(2027, 6, 1), plan2026, cluj, order, bribery));
        apply(kept(UUID.randomUUID(), cameras, LocalDate.of(2028, 5, 4), plan2027, cluj, order, bribery));
        apply(kept(UUID.randomUUID(), training, LocalDate.of(2028, 5, 9), plan2027, cluj, order, bribery));
        // not this risk in this work unit of this structure
        apply(kept(UUID.randomUUID(), elsewhere, LocalDate.of(2028, 5, 5), plan2027, cluj, traffic, bribery));
        apply(kept(UUID.randomUUID(), elsewhere, LocalDate.of(2028, 5, 6), plan2027, iasi, order, bribery));
        apply(kept(UUID.randomUUID(), elsewhere, LocalDate.of(2028, 5, 7), plan2027, cluj, order, UUID.randomUUID()));

        assertThat(lookup.keptInThePreviousPlan(plan2028, cluj, order, bribery)).containsExactly(cameras, training);
        // under the 2027 plan itself, its own kept measures are not "previous": the 2026 plan's are
        assertThat(lookup.keptInThePreviousPlan(plan2027, cluj, order, bribery)).containsExactly(rotation);
        assertThat(lookup.keptInThePreviousPlan(plan2028, cluj, order, UUID.randomUUID())).isEmpty();
    }
}
