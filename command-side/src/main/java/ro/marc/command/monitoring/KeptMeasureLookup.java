package ro.marc.command.monitoring;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.assessment.Measure;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The command-side lookup {@code kept_measure_lookup} behind {@link KeptMeasures}: one row per measure kept as
 * existing (UCA 80), with where it was kept and the measure as it stood, written by
 * {@link ro.marc.command.common.lookup.CommandLookups} in the transaction that appends the
 * {@link MeasureKeptAsExisting}. A measure is kept once (the monitoring refuses it a second time), so an insert
 * that ignores a conflict makes applying it twice harmless.
 */
@Component
public class KeptMeasureLookup implements CommandLookup, KeptMeasures {

    public static final String NAME = "kept_measure_lookup";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    public List<Measure> keptInThePreviousPlan(UUID planId, UUID orgUnitId, UUID workUnitId, UUID riskId) {
        return jdbc.sql("""
                        WITH kept AS (SELECT * FROM kept_measure_lookup
                                       WHERE org_unit_id = :unit AND work_unit_id = :workUnit AND risk_id = :risk
                                         AND plan_id <> :plan),
                             previous AS (SELECT plan_id FROM kept ORDER BY kept_on DESC, plan_id LIMIT 1)
                        SELECT measure FROM kept WHERE plan_id = (SELECT plan_id FROM previous)
                         ORDER BY kept_on, assessment_id, measure_id""")
                .param("unit", orgUnitId).param("workUnit", workUnitId).param("risk", riskId).param("plan", planId)
                .query((rs, n) -> JSON.readValue(rs.getString("measure"), Measure.class)).list();
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
                            INSERT INTO kept_measure_lookup (assessment_id, measure_id, kept_on, plan_id, org_unit_id,
                                                             work_unit_id, risk_id, measure)
                            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                            ON CONFLICT DO NOTHING""")
                    .params(kept.assessmentId(), kept.measureId(), kept.keptOn(), kept.planId(), kept.orgUnitId(),
                            kept.workUnitId(), kept.riskId(), JSON.writeValueAsString(kept.measure()))
                    .update();
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM kept_measure_lookup").update();
    }
}
