package ro.marc.command.analysis;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The activity analyses' command-side lookup ({@code analysis_selection_lookup}), kept by
 * {@link ro.marc.command.common.lookup.CommandLookups} in the transaction of every finalisation: the activities
 * each analysis' last finalised edition selected. It answers {@link AnalysedActivities} for the risk assessment
 * (Anexa 4). A draft saved after a finalisation does not count until finalised: the assessment follows what the
 * member finalised. Guarded by the row's {@code last_seq}, so an event applied twice changes nothing.
 */
@Component
public class AnalysisSelectionLookup implements CommandLookup, AnalysedActivities {

    public static final String NAME = "analysis_selection_lookup";

    private final JdbcClient jdbc;

    public AnalysisSelectionLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> selected(UUID planId, UUID memberUserId, UUID workUnitId) {
        if (planId == null || memberUserId == null || workUnitId == null) {
            return Set.of();
        }
        // one analysis per (plan, member, work unit): its id says which row
        return new LinkedHashSet<>(jdbc.sql("SELECT unnest(activity_ids) FROM analysis_selection_lookup WHERE analysis_id = ?")
                .param(AnalysisIds.of(planId, memberUserId, workUnitId)).query(UUID.class).list());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == ActivityAnalysisFinalised.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof ActivityAnalysisFinalised finalised)) {
            return;
        }
        long seq = event.getSequenceNumber();
        AnalysisEdition edition = finalised.edition();
        UUID[] activities = edition.activities().stream().map(ActivityLine::activityId).toArray(UUID[]::new);
        jdbc.sql("""
                        INSERT INTO analysis_selection_lookup (analysis_id, plan_id, member_user_id, work_unit_id, activity_ids,
                                                               edition, last_seq)
                        VALUES (:id, :plan, :member, :workUnit, :activities, :edition, :seq)
                        ON CONFLICT (analysis_id) DO UPDATE
                           SET activity_ids = EXCLUDED.activity_ids, edition = EXCLUDED.edition, last_seq = EXCLUDED.last_seq
                         WHERE analysis_selection_lookup.last_seq < EXCLUDED.last_seq""")
                .param("id", finalised.analysisId()).param("plan", edition.planId()).param("member", edition.memberUserId())
                .param("workUnit", edition.workUnitId()).param("activities", activities)
                .param("edition", edition.edition()).param("seq", seq)
                .update();
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM analysis_selection_lookup").update();
    }
}
