package ro.marc.command.monitoring;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The command-side lookup {@code kept_measure_lookup} behind {@link KeptMeasures}: one row per measure kept as
 * existing (UCA 80), written by {@link ro.marc.command.common.lookup.CommandLookups} in the transaction that appends
 * the {@link MeasureKeptAsExisting}. A measure is kept once (the monitoring refuses it a second time), so an insert
 * that ignores a conflict makes applying it twice harmless.
 */
@Component
public class KeptMeasureLookup implements CommandLookup, KeptMeasures {

    public static final String NAME = "kept_measure_lookup";

    private final JdbcClient jdbc;

    public KeptMeasureLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> keptOf(UUID assessmentId) {
        return new HashSet<>(jdbc.sql("SELECT measure_id FROM kept_measure_lookup WHERE assessment_id = ?")
                .param(assessmentId).query(UUID.class).list());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == MeasureKeptAsExisting.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof MeasureKeptAsExisting kept) {
            jdbc.sql("""
                            INSERT INTO kept_measure_lookup (assessment_id, measure_id, kept_on) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(kept.assessmentId(), kept.measureId(), kept.keptOn()).update();
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM kept_measure_lookup").update();
    }
}
