package ro.marc.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Measure;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.monitoring.event.IndicatorValuesRecorded;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;
import ro.marc.events.monitoring.event.MeasureMarkedDone;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the risk registers (Anexa 10, one aggregate per plan) and the monitoring of their measures (§2.4, one
 * aggregate per assessment) into PostgreSQL, from those two aggregates' events alone: the register's content is
 * stored as the events carry it (the merge, A402, is the command side's), the monitoring as one row per assessment,
 * its measures and its values. The two meet only when read ({@link RegisterQueries}: monitoring is keyed by
 * assessment and measure, whatever the register edition that schedules it), so their order does not matter.
 *
 * <p>Every change of a register or a monitoring row is guarded by its {@code last_event_seq} (a replayed or late
 * event changes nothing, and the rows it would have touched stay as the later events left them); evaluations are
 * keyed by their event and position.
 */
@Component
@ProcessingGroup(RegisterReadModelProjection.PROCESSING_GROUP)
public class RegisterReadModelProjection {

    public static final String PROCESSING_GROUP = "register-postgres";

    static final TypeReference<List<RegisterRisk>> RISKS = new TypeReference<>() {
    };
    static final TypeReference<List<MissingAssessment>> MISSING = new TypeReference<>() {
    };
    static final TypeReference<List<MeasureSchedule>> SCHEDULES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RegisterReadModelProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ------------------------------------------------------------------ the register

    /** §2.3: the draft of the next edition; the register shows it until it is saved. */
    @EventHandler
    void on(RiskRegisterGenerated event, @SequenceNumber long seq, @Timestamp Instant at) {
        // the names of a register never saved come from its assessments (the generation carries no names of its own)
        AssessmentEdition first = event.risks().stream().flatMap(r -> r.assessments().stream()).findFirst().orElse(null);
        int changed = jdbc.sql("""
                INSERT INTO risk_register (id, plan_id, org_unit_id, plan_purpose, org_unit_name, county, draft_edition,
                                           generated_on, draft_risks, draft_missing, draft_schedules, version,
                                           last_event_seq, updated_at)
                VALUES (:id, :plan, :orgUnit, :purpose, :orgUnitName, :county, :edition, :on, CAST(:risks AS jsonb),
                        CAST(:missing AS jsonb), CAST(:schedules AS jsonb), :version, :seq, :at)
                ON CONFLICT (id) DO UPDATE SET
                    draft_edition = EXCLUDED.draft_edition, generated_on = EXCLUDED.generated_on,
                    draft_risks = EXCLUDED.draft_risks, draft_missing = EXCLUDED.draft_missing,
                    draft_schedules = EXCLUDED.draft_schedules,
                    plan_purpose = CASE WHEN risk_register.saved IS NULL
                        THEN COALESCE(EXCLUDED.plan_purpose, risk_register.plan_purpose) ELSE risk_register.plan_purpose END,
                    org_unit_name = CASE WHEN risk_register.saved IS NULL
                        THEN COALESCE(EXCLUDED.org_unit_name, risk_register.org_unit_name) ELSE risk_register.org_unit_name END,
                    county = CASE WHEN risk_register.saved IS NULL
                        THEN COALESCE(EXCLUDED.county, risk_register.county) ELSE risk_register.county END,
                    version = EXCLUDED.version, last_event_seq = EXCLUDED.last_event_seq, updated_at = EXCLUDED.updated_at
                WHERE risk_register.last_event_seq < EXCLUDED.last_event_seq""")
                .param("id", event.registerId()).param("plan", event.planId()).param("orgUnit", event.orgUnitId())
                .param("purpose", first == null ? null : first.planPurpose())
                .param("orgUnitName", first == null ? null : first.orgUnitName())
                .param("county", first == null || first.county() == null ? null : first.county().name())
                .param("edition", event.edition()).param("on", event.generatedOn())
                .param("risks", json.writeValueAsString(event.risks()))
                .param("missing", json.writeValueAsString(event.missing()))
                .param("schedules", json.writeValueAsString(event.carriedSchedules()))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (changed > 0) {
            showContent(event.registerId(), event.risks(), event.carriedSchedules());
        }
    }

    /** UCA 78–81: edition n saved; the draft it came from is no longer shown (a newer one would be). */
    @EventHandler
    void on(RiskRegisterSaved event, @SequenceNumber long seq, @Timestamp Instant at) {
        RegisterEdition e = event.edition();
        int changed = jdbc.sql("""
                INSERT INTO risk_register (id, plan_id, org_unit_id, plan_purpose, org_unit_name, county, saved_edition,
                                           saved_on, registration_number, saved, version, last_event_seq, updated_at)
                VALUES (:id, :plan, :orgUnit, :purpose, :orgUnitName, :county, :edition, :on, :number,
                        CAST(:saved AS jsonb), :version, :seq, :at)
                ON CONFLICT (id) DO UPDATE SET
                    org_unit_id = EXCLUDED.org_unit_id, plan_purpose = EXCLUDED.plan_purpose,
                    org_unit_name = EXCLUDED.org_unit_name, county = EXCLUDED.county,
                    saved_edition = EXCLUDED.saved_edition, saved_on = EXCLUDED.saved_on,
                    registration_number = EXCLUDED.registration_number, saved = EXCLUDED.saved,
                    version = EXCLUDED.version, last_event_seq = EXCLUDED.last_event_seq, updated_at = EXCLUDED.updated_at
                WHERE risk_register.last_event_seq < EXCLUDED.last_event_seq""")
                .param("id", event.registerId()).param("plan", e.planId()).param("orgUnit", e.orgUnitId())
                .param("purpose", e.planPurpose()).param("orgUnitName", e.orgUnitName())
                .param("county", e.county() == null ? null : e.county().name())
                .param("edition", e.edition()).param("on", e.savedOn()).param("number", e.registrationNumber())
                .param("saved", json.writeValueAsString(e))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (changed == 0) {
            return;
        }
        int draftLeft = jdbc.sql("""
                UPDATE risk_register SET draft_edition = NULL, generated_on = NULL, draft_risks = NULL,
                                         draft_missing = NULL, draft_schedules = NULL
                WHERE id = :id AND draft_edition <= :edition""")
                .param("id", event.registerId()).param("edition", e.edition()).update();
        boolean newerDraft = draftLeft == 0 && jdbc.sql("SELECT draft_edition IS NOT NULL FROM risk_register WHERE id = ?")
                .params(event.registerId()).query(Boolean.class).single();
        if (!newerDraft) {
            showContent(event.registerId(), e.risks(), e.schedules());
        }
        // the assessments this edition schedules: which register each one's monitoring reads its measures from
        jdbc.sql("DELETE FROM risk_register_assessment WHERE register_id = ?").params(event.registerId()).update();
        List<UUID> assessments = e.risks().stream().flatMap(r -> r.assessmentIds().stream()).distinct().toList();
        jdbc.sql("""
                INSERT INTO risk_register_assessment (assessment_id, register_id)
                SELECT a, :id FROM unnest(CAST(:assessments AS uuid[])) AS a
                ON CONFLICT (assessment_id) DO UPDATE SET register_id = EXCLUDED.register_id""")
                .param("id", event.registerId()).param("assessments", assessments.toArray(UUID[]::new)).update();
    }

    /** A1001 / G04: the evaluations as recorded, in their order, each keyed by its event and position. */
    @EventHandler
    void on(MeasureEvaluationsRecorded event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE risk_register SET version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.registerId()).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("at", Sql.timestamp(at)).update();
        List<MeasureEvaluation> evaluations = event.evaluations();
        int n = evaluations.size();
        Integer[] positions = new Integer[n];
        UUID[] risks = new UUID[n];
        UUID[] assessments = new UUID[n];
        UUID[] measures = new UUID[n];
        UUID[] indicators = new UUID[n];
        String[] values = new String[n];
        String[] persons = new String[n];
        for (int i = 0; i < n; i++) {
            MeasureEvaluation evaluation = evaluations.get(i);
            positions[i] = i;
            risks[i] = evaluation.riskId();
            assessments[i] = evaluation.assessmentId();
            measures[i] = evaluation.measureId();
            indicators[i] = evaluation.indicatorId();
            values[i] = evaluation.value();
            persons[i] = evaluation.personName();
        }
        jdbc.sql("""
                INSERT INTO risk_register_evaluation (register_id, event_seq, position, edition, risk_id, assessment_id,
                                                      measure_id, indicator_id, value, person_name, source, recorded_on)
                SELECT :id, :seq, p, :edition, r, a, m, i, v, n, :source, :on
                  FROM unnest(CAST(:positions AS integer[]), CAST(:risks AS uuid[]), CAST(:assessments AS uuid[]),
                              CAST(:measures AS uuid[]), CAST(:indicators AS uuid[]), CAST(:values AS text[]),
                              CAST(:persons AS text[])) AS e(p, r, a, m, i, v, n)
                ON CONFLICT (register_id, event_seq, position) DO NOTHING""")
                .param("id", event.registerId()).param("seq", seq).param("edition", event.edition())
                .param("source", event.source().name()).param("on", event.recordedOn())
                .param("positions", positions).param("risks", risks).param("assessments", assessments)
                .param("measures", measures).param("indicators", indicators).param("values", values)
                .param("persons", persons).update();
    }

    /** The measures of the content the register shows, with their deadline: what the registers' list counts. */
    private void showContent(UUID registerId, List<RegisterRisk> risks, List<MeasureSchedule> schedules) {
        Map<MeasureKey, LocalDate> deadlines = new HashMap<>();
        schedules.forEach(s -> deadlines.put(s.key(), s.deadline()));
        List<UUID> assessments = new ArrayList<>();
        List<UUID> measures = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (RegisterRisk risk : risks) {
            for (int i = 0; i < risk.assessments().size(); i++) {
                UUID assessmentId = risk.assessmentIds().get(i);
                for (Measure measure : risk.assessments().get(i).measures()) {
                    LocalDate deadline = deadlines.get(new MeasureKey(assessmentId, measure.measureId()));
                    assessments.add(assessmentId);
                    measures.add(measure.measureId());
                    dates.add(deadline == null ? null : deadline.toString());
                }
            }
        }
        jdbc.sql("DELETE FROM risk_register_measure WHERE register_id = ?").params(registerId).update();
        jdbc.sql("""
                INSERT INTO risk_register_measure (register_id, assessment_id, measure_id, deadline)
                SELECT :id, a, m, d FROM unnest(CAST(:assessments AS uuid[]), CAST(:measures AS uuid[]),
                                                CAST(:deadlines AS date[])) AS x(a, m, d)
                ON CONFLICT DO NOTHING""")
                .param("id", registerId).param("assessments", assessments.toArray(UUID[]::new))
                .param("measures", measures.toArray(UUID[]::new)).param("deadlines", dates.toArray(String[]::new))
                .update();
        jdbc.sql("UPDATE risk_register SET risk_count = :risks, measure_count = :measures WHERE id = :id")
                .param("id", registerId).param("risks", risks.size()).param("measures", measures.size()).update();
    }

    // ------------------------------------------------------------------ the monitoring

    @EventHandler
    void on(MeasureMarkedDone event, @SequenceNumber long seq) {
        if (advance(event.assessmentId(), event.monitoringId(), event.planId(), seq)) {
            jdbc.sql("""
                    INSERT INTO register_monitoring_measure (assessment_id, measure_id, done_on, done_by_name, done_late)
                    VALUES (:assessment, :measure, :on, :by, :late)
                    ON CONFLICT (assessment_id, measure_id) DO UPDATE SET done_on = EXCLUDED.done_on,
                        done_by_name = EXCLUDED.done_by_name, done_late = EXCLUDED.done_late""")
                    .param("assessment", event.assessmentId()).param("measure", event.measureId())
                    .param("on", event.doneOn()).param("by", event.byName()).param("late", event.late()).update();
        }
    }

    /** §2.4: the values of a measure for one period; a later entry for the same period replaces them all (as the aggregate holds them). */
    @EventHandler
    void on(IndicatorValuesRecorded event, @SequenceNumber long seq) {
        if (advance(event.assessmentId(), event.monitoringId(), null, seq)) {
            jdbc.sql("""
                    DELETE FROM register_monitoring_value
                    WHERE assessment_id = :assessment AND measure_id = :measure AND period_due = :period""")
                    .param("assessment", event.assessmentId()).param("measure", event.measureId())
                    .param("period", event.periodDue()).update();
            for (IndicatorValue value : event.values()) {
                jdbc.sql("""
                        INSERT INTO register_monitoring_value (assessment_id, measure_id, period_due, indicator_id, value,
                                                               by_name, recorded_on)
                        VALUES (:assessment, :measure, :period, :indicator, :value, :by, :on)
                        ON CONFLICT (assessment_id, measure_id, period_due, indicator_id) DO UPDATE SET
                            value = EXCLUDED.value, by_name = EXCLUDED.by_name, recorded_on = EXCLUDED.recorded_on""")
                        .param("assessment", event.assessmentId()).param("measure", event.measureId())
                        .param("period", event.periodDue()).param("indicator", value.indicatorId())
                        .param("value", value.value()).param("by", event.byName()).param("on", event.recordedOn())
                        .update();
            }
        }
    }

    @EventHandler
    void on(MeasureKeptAsExisting event, @SequenceNumber long seq) {
        if (advance(event.assessmentId(), event.monitoringId(), null, seq)) {
            jdbc.sql("""
                    INSERT INTO register_monitoring_measure (assessment_id, measure_id, kept_as_existing, kept_on)
                    VALUES (:assessment, :measure, TRUE, :on)
                    ON CONFLICT (assessment_id, measure_id) DO UPDATE SET kept_as_existing = TRUE, kept_on = EXCLUDED.kept_on""")
                    .param("assessment", event.assessmentId()).param("measure", event.measureId())
                    .param("on", event.keptOn()).update();
        }
    }

    @EventHandler
    void on(MonitoringFinalised event, @SequenceNumber long seq) {
        if (advance(event.assessmentId(), event.monitoringId(), event.planId(), seq)) {
            jdbc.sql("UPDATE register_monitoring SET finalised_on = :on WHERE assessment_id = :assessment")
                    .param("assessment", event.assessmentId()).param("on", event.finalisedOn()).update();
        }
    }

    /** A reminder changes nothing shown (overdue is decided on the day asked) but is a step of the monitoring's version. */
    @EventHandler
    void on(MeasureDueSoon event, @SequenceNumber long seq) {
        advance(event.assessmentId(), event.monitoringId(), event.planId(), seq);
    }

    @EventHandler
    void on(MeasureOverdue event, @SequenceNumber long seq) {
        advance(event.assessmentId(), event.monitoringId(), event.planId(), seq);
    }

    /** The monitoring's version moves to this event's; false when the event is older than what the row shows. */
    private boolean advance(UUID assessmentId, UUID monitoringId, UUID planId, long seq) {
        return jdbc.sql("""
                INSERT INTO register_monitoring (assessment_id, monitoring_id, plan_id, version, last_event_seq)
                VALUES (:assessment, :monitoring, :plan, :version, :seq)
                ON CONFLICT (assessment_id) DO UPDATE SET plan_id = COALESCE(EXCLUDED.plan_id, register_monitoring.plan_id),
                    version = EXCLUDED.version, last_event_seq = EXCLUDED.last_event_seq
                WHERE register_monitoring.last_event_seq < EXCLUDED.last_event_seq""")
                .param("assessment", assessmentId).param("monitoring", monitoringId).param("plan", planId)
                .param("version", EntityVersion.of(seq)).param("seq", seq).update() > 0;
    }

    /** Before a replay from the start of the stream: the rows are removed and rebuilt. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM risk_register_evaluation").update();
        jdbc.sql("DELETE FROM risk_register_assessment").update();
        jdbc.sql("DELETE FROM risk_register_measure").update();
        jdbc.sql("DELETE FROM risk_register").update();
        jdbc.sql("DELETE FROM register_monitoring_value").update();
        jdbc.sql("DELETE FROM register_monitoring_measure").update();
        jdbc.sql("DELETE FROM register_monitoring").update();
    }
}
