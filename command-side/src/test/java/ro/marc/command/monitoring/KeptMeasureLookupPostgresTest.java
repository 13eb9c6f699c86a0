package ro.marc.command.monitoring;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;
import ro.marc.events.monitoring.event.MeasureMarkedDone;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeptMeasureLookup} on a real PostgreSQL: the measures an assessment's monitoring kept as existing (UCA 80),
 * each assessment its own; an event applied twice is harmless; {@code clear} empties it for a rebuild.
 */
class KeptMeasureLookupPostgresTest {

    private final KeptMeasureLookup lookup = new KeptMeasureLookup(TestDatabase.jdbc());
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID rotation = UUID.randomUUID();
    private final UUID training = UUID.randomUUID();
    private long seq;

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(Object event) {
        lookup.apply(new GenericDomainEventMessage<>("MeasureMonitoring", UUID.randomUUID().toString(), seq++, event));
    }

    private static MeasureKeptAsExisting kept(UUID assessment, UUID measure) {
        return new MeasureKeptAsExisting(MonitoringIds.of(assessment), assessment, measure, LocalDate.of(2027, 6, 2));
    }

    @Test
    void each_assessment_answers_its_own_kept_measures_and_applying_twice_is_harmless() {
        assertThat(lookup.handles(MeasureKeptAsExisting.class)).isTrue();
        assertThat(lookup.handles(MeasureMarkedDone.class)).isFalse();
        assertThat(lookup.keptOf(a)).isEmpty();

        apply(kept(a, rotation));
        apply(kept(a, rotation));
        apply(kept(a, training));
        apply(kept(b, training));

        assertThat(lookup.keptOf(a)).containsExactlyInAnyOrder(rotation, training);
        assertThat(lookup.keptOf(b)).containsExactly(training);

        lookup.clear();
        assertThat(lookup.keptOf(a)).isEmpty();
    }
}
