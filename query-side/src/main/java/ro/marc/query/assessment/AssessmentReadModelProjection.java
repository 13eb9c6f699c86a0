package ro.marc.query.assessment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.event.AssessmentEditionStarted;
import ro.marc.events.assessment.event.RiskAssessmentDraftSaved;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import ro.marc.events.assessment.event.RiskEvaluated;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the risk assessments (Anexa 4, one aggregate each) into PostgreSQL: {@code risk_assessment} (the
 * assessment, its names, its current description, measures and evaluation) and {@code risk_assessment_evaluation}
 * (every evaluation, UCA 69). It needs nothing but its own events, which carry every name and every computed
 * number: the evaluation is stored as the command side computed it and never computed again, so an evaluation
 * made under an older methodology keeps its class and priority. Every row change is guarded by the row's
 * {@code last_event_seq} and every history line is keyed by its event: a replayed or late event changes nothing.
 */
@Component
@ProcessingGroup(AssessmentReadModelProjection.PROCESSING_GROUP)
public class AssessmentReadModelProjection {

    public static final String PROCESSING_GROUP = "assessment-postgres";

    static final TypeReference<List<Measure>> MEASURES = new TypeReference<>() {
    };
    static final TypeReference<Map<UUID, MeasureEffectiveness>> EFFECTIVENESS = new TypeReference<>() {
    };
    static final TypeReference<Map<UUID, String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AssessmentReadModelProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RiskAssessmentStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO risk_assessment (id, plan_id, plan_purpose, org_unit_id, org_unit_name, county, work_unit_id,
                                             work_unit_name, domain_id, domain_name, activity_id, activity_name, risk_id,
                                             risk_name, member_user_id, member_name, status, edition, description,
                                             version, last_event_seq, created_at, updated_at)
                VALUES (:id, :plan, :purpose, :orgUnit, :orgUnitName, :county, :workUnit, :workUnitName, :domain,
                        :domainName, :activity, :activityName, :risk, :riskName, :member, :memberName, 'DRAFT', 1,
                        CAST(:description AS jsonb), :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.assessmentId()).param("plan", event.planId()).param("purpose", event.planPurpose())
                .param("orgUnit", event.orgUnitId()).param("orgUnitName", event.orgUnitName())
                .param("county", event.county() == null ? null : event.county().name())
                .param("workUnit", event.workUnitId()).param("workUnitName", event.workUnitName())
                .param("domain", event.domainId()).param("domainName", event.domainName())
                .param("activity", event.activityId()).param("activityName", event.activityName())
                .param("risk", event.riskId()).param("riskName", event.riskName())
                .param("member", event.memberUserId()).param("memberName", event.memberName())
                .param("description", json.writeValueAsString(RiskDescription.empty()))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RiskAssessmentDraftSaved event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE risk_assessment SET status = 'DRAFT', edition = :edition, description = CAST(:description AS jsonb),
                                           measures = CAST(:measures AS jsonb), effectiveness = CAST(:effectiveness AS jsonb),
                                           content_names = CAST(:names AS jsonb), version = :version,
                                           last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.assessmentId()).param("edition", event.edition())
                .param("description", json.writeValueAsString(event.description()))
                .param("measures", json.writeValueAsString(event.measures()))
                .param("effectiveness", json.writeValueAsString(event.effectiveness()))
                .param("names", json.writeValueAsString(event.names()))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RiskEvaluated event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("userId") String byUserId) {
        String evaluation = json.writeValueAsString(event.evaluation());
        String dimensionNames = json.writeValueAsString(event.dimensionNames());
        jdbc.sql("""
                INSERT INTO risk_assessment_evaluation (assessment_id, event_seq, edition, evaluation, dimension_names,
                                                        lowest_allowed_probability, incident_ids, by_user_id, evaluated_at)
                VALUES (:id, :seq, :edition, CAST(:evaluation AS jsonb), CAST(:names AS jsonb), :floor, :incidents, :by, :at)
                ON CONFLICT (assessment_id, event_seq) DO NOTHING""")
                .param("id", event.assessmentId()).param("seq", seq).param("edition", event.edition())
                .param("evaluation", evaluation).param("names", dimensionNames)
                .param("floor", event.lowestAllowedProbability())
                .param("incidents", event.incidentIds().toArray(UUID[]::new)).param("by", byUserId)
                .param("at", Sql.timestamp(at)).update();
        jdbc.sql("""
                        UPDATE risk_assessment SET edition = :edition, evaluation = CAST(:evaluation AS jsonb),
                                                   dimension_names = CAST(:dimensionNames AS jsonb),
                                                   probability = :probability, exposure = :exposure, priority = :priority,
                                                   risk_class = :riskClass, methodology_version = :methodology,
                                                   version = :version, last_event_seq = :seq, updated_at = :at
                        WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.assessmentId()).param("edition", event.edition()).param("evaluation", evaluation)
                .param("dimensionNames", dimensionNames).param("probability", event.evaluation().probability())
                .param("exposure", event.evaluation().exposure()).param("priority", event.evaluation().priority())
                .param("riskClass", event.evaluation().riskClass().name())
                .param("methodology", event.evaluation().methodologyVersion())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RiskAssessmentFinalised event, @SequenceNumber long seq, @Timestamp Instant at) {
        AssessmentEdition e = event.edition();
        jdbc.sql("""
                UPDATE risk_assessment SET status = 'FINALISED', edition = :edition, finalised_edition = :edition,
                                           finalised_on = :on, stage_deadline = :deadline, late = :late,
                                           plan_purpose = :purpose, org_unit_name = :orgUnitName,
                                           work_unit_name = :workUnitName, domain_name = :domainName,
                                           activity_name = :activityName, risk_name = :riskName,
                                           member_name = :memberName, description = CAST(:description AS jsonb),
                                           measures = CAST(:measures AS jsonb), effectiveness = CAST(:effectiveness AS jsonb),
                                           content_names = CAST(:names AS jsonb), dimension_names = CAST(:dimensionNames AS jsonb),
                                           evaluation = CAST(:evaluation AS jsonb), probability = :probability,
                                           exposure = :exposure, priority = :priority, risk_class = :riskClass,
                                           methodology_version = :methodology, version = :version,
                                           last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.assessmentId()).param("edition", e.edition()).param("on", e.finalisedOn())
                .param("deadline", e.stageDeadline()).param("late", e.late())
                .param("purpose", e.planPurpose()).param("orgUnitName", e.orgUnitName())
                .param("workUnitName", e.workUnitName()).param("domainName", e.domainName())
                .param("activityName", e.activityName()).param("riskName", e.riskName())
                .param("memberName", e.memberName())
                .param("description", json.writeValueAsString(e.description()))
                .param("measures", json.writeValueAsString(e.measures()))
                .param("effectiveness", json.writeValueAsString(e.effectiveness()))
                .param("names", json.writeValueAsString(e.names()))
                .param("dimensionNames", json.writeValueAsString(dimensionNames(e)))
                .param("evaluation", e.evaluation() == null ? null : json.writeValueAsString(e.evaluation()))
                .param("probability", e.evaluation() == null ? null : e.evaluation().probability())
                .param("exposure", e.evaluation() == null ? null : e.evaluation().exposure())
                .param("priority", e.evaluation() == null ? null : e.evaluation().priority())
                .param("riskClass", e.evaluation() == null ? null : e.evaluation().riskClass().name())
                .param("methodology", e.evaluation() == null ? null : e.evaluation().methodologyVersion())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    /** UCA 62: the next edition is drafted from the finalised content, which stays as it is until it changes. */
    @EventHandler
    void on(AssessmentEditionStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE risk_assessment SET status = 'DRAFT', edition = :edition, version = :version,
                                           last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.assessmentId()).param("edition", event.edition())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RiskAssessmentInactivated event, @SequenceNumber long seq, @Timestamp Instant at) {
        active(event.assessmentId(), false, seq, at);
    }

    @EventHandler
    void on(RiskAssessmentReactivated event, @SequenceNumber long seq, @Timestamp Instant at) {
        active(event.assessmentId(), true, seq, at);
    }

    /** The names of the edition's scored impact dimensions, kept for its evaluation when the next edition is drafted. */
    private static Map<UUID, String> dimensionNames(AssessmentEdition edition) {
        Map<UUID, String> names = new HashMap<>();
        if (edition.evaluation() != null) {
            edition.evaluation().impacts().forEach(i -> {
                String name = edition.names().get(i.dimensionId());
                if (name != null) {
                    names.put(i.dimensionId(), name);
                }
            });
        }
        return names;
    }

    /** Before a replay from the start of the stream: the rows are removed and rebuilt. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM risk_assessment_evaluation").update();
        jdbc.sql("DELETE FROM risk_assessment").update();
    }

    private void active(UUID id, boolean active, long seq, Instant at) {
        jdbc.sql("""
                UPDATE risk_assessment SET active = :active, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("active", active)
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }
}
