package ro.marc.query.analysis;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.CollaborationRelation;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.analysis.event.ActivityAnalysisStarted;
import ro.marc.query.analysis.AnalysisView.*;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the activity analyses (one aggregate each) into PostgreSQL: {@code activity_analysis} (the
 * analysis, its names and its activity → task → document tree with relations, as JSON) and
 * {@code activity_analysis_selected} (the activities of the last finalised edition, which Anexa 4 offers).
 * It needs nothing but its own events: they carry the names (as at the save, or as the finalised edition
 * resolved them). Every statement is guarded by the row's {@code last_event_seq}: a replayed or late event
 * changes nothing.
 */
@Component
@ProcessingGroup(AnalysisReadModelProjection.PROCESSING_GROUP)
public class AnalysisReadModelProjection {

    public static final String PROCESSING_GROUP = "analysis-postgres";
    static final TypeReference<List<ActivityView>> CONTENT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AnalysisReadModelProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ActivityAnalysisStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO activity_analysis (id, plan_id, plan_purpose, org_unit_id, org_unit_name, county, work_unit_id,
                                               work_unit_name, member_user_id, member_name, status, edition, content,
                                               version, last_event_seq, created_at, updated_at)
                VALUES (:id, :plan, :purpose, :orgUnit, :orgUnitName, :county, :workUnit, :workUnitName, :member,
                        :memberName, 'DRAFT', 1, '[]'::jsonb, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.analysisId()).param("plan", event.planId()).param("purpose", event.planPurpose())
                .param("orgUnit", event.orgUnitId()).param("orgUnitName", event.orgUnitName())
                .param("county", event.county() == null ? null : event.county().name())
                .param("workUnit", event.workUnitId()).param("workUnitName", event.workUnitName())
                .param("member", event.memberUserId()).param("memberName", event.memberName())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ActivityAnalysisSaved event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE activity_analysis SET status = 'DRAFT', edition = :edition, content = CAST(:content AS jsonb),
                                             version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.analysisId()).param("edition", event.edition())
                .param("content", json.writeValueAsString(content(event.activities(), event.names())))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ActivityAnalysisFinalised event, @SequenceNumber long seq, @Timestamp Instant at) {
        List<ActivityView> saved = jdbc.sql("SELECT content FROM activity_analysis WHERE id = ? AND last_event_seq < ?")
                .params(event.analysisId(), seq).query((rs, n) -> json.readValue(rs.getString(1), CONTENT))
                .optional().orElse(null);
        if (saved == null) {
            return; // applied before
        }
        AnalysisEdition edition = event.edition();
        List<ActivityView> content = content(edition, saved);
        int changed = jdbc.sql("""
                UPDATE activity_analysis SET status = 'FINALISED', edition = :edition, finalised_edition = :edition,
                                             finalised_on = :on, stage_deadline = :deadline, late = :late,
                                             plan_purpose = :purpose, org_unit_name = :orgUnitName,
                                             work_unit_name = :workUnitName, member_name = :memberName,
                                             content = CAST(:content AS jsonb), version = :version,
                                             last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.analysisId()).param("edition", edition.edition()).param("on", edition.finalisedOn())
                .param("deadline", edition.stageDeadline()).param("late", edition.late())
                .param("purpose", edition.planPurpose()).param("orgUnitName", edition.orgUnitName())
                .param("workUnitName", edition.workUnitName()).param("memberName", edition.memberName())
                .param("content", json.writeValueAsString(content))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM activity_analysis_selected WHERE analysis_id = ?").params(event.analysisId()).update();
            for (int i = 0; i < edition.activities().size(); i++) {
                AnalysisEdition.ActivityLine line = edition.activities().get(i);
                jdbc.sql("INSERT INTO activity_analysis_selected (analysis_id, position, activity_id, name) VALUES (?, ?, ?, ?)")
                        .params(event.analysisId(), i, line.activityId(), line.name()).update();
            }
        }
    }

    /** Before a replay from the start of the stream: the rows are removed and rebuilt. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM activity_analysis_selected").update();
        jdbc.sql("DELETE FROM activity_analysis").update();
    }

    // ---------------------------------------------------------------- the tree

    static List<ActivityView> content(List<AnalysedActivity> activities, Map<UUID, String> names) {
        return activities.stream().map(a -> new ActivityView(a.activityId(), names.get(a.activityId()),
                a.tasks().stream().map(t -> new TaskView(t.taskId(), names.get(t.taskId()),
                        t.periodicity() == null ? null : t.periodicity().name(),
                        t.documentIds().stream().map(d -> new NamedRef(d, names.get(d))).toList())).toList(),
                a.relations().stream().map(r -> relation(r, names)).toList())).toList();
    }

    private static RelationView relation(CollaborationRelation r, Map<UUID, String> names) {
        UUID partner = r.internal() ? r.partnerOrgUnitId() : r.partnerEntryId();
        return new RelationView(r.direction().name(), r.internal(), r.partnerOrgUnitId(), r.partnerEntryId(),
                names.get(partner), r.nature(), r.legalFramework(),
                r.materialMeansIds().stream().map(m -> new NamedRef(m, names.get(m))).toList());
    }

    /**
     * The finalised edition's tree with its names; the relations' ids come from the saved content (the edition
     * names them in the same order as the draft it finalised).
     */
    static List<ActivityView> content(AnalysisEdition edition, List<ActivityView> saved) {
        List<ActivityView> content = new ArrayList<>();
        for (int i = 0; i < edition.activities().size(); i++) {
            AnalysisEdition.ActivityLine line = edition.activities().get(i);
            List<RelationView> savedRelations = i < saved.size() && line.activityId().equals(saved.get(i).activityId())
                    ? saved.get(i).relations() : List.of();
            List<RelationView> relations = new ArrayList<>();
            for (int r = 0; r < line.relations().size(); r++) {
                AnalysisEdition.RelationLine rel = line.relations().get(r);
                RelationView ids = r < savedRelations.size() ? savedRelations.get(r) : null;
                List<NamedRef> means = new ArrayList<>();
                for (int m = 0; m < rel.materialMeans().size(); m++) {
                    UUID id = ids != null && m < ids.materialMeans().size() ? ids.materialMeans().get(m).id() : null;
                    means.add(new NamedRef(id, rel.materialMeans().get(m)));
                }
                relations.add(new RelationView(rel.direction().name(), rel.internal(),
                        ids == null ? null : ids.partnerOrgUnitId(), ids == null ? null : ids.partnerEntryId(),
                        rel.partner(), rel.nature(), rel.legalFramework(), means));
            }
            content.add(new ActivityView(line.activityId(), line.name(), line.tasks().stream()
                    .map(t -> new TaskView(t.taskId(), t.name(), t.periodicity() == null ? null : t.periodicity().name(),
                            t.documents().stream().map(d -> new NamedRef(d.documentId(), d.name())).toList())).toList(),
                    relations));
        }
        return content;
    }
}
