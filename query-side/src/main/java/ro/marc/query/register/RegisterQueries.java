package ro.marc.query.register;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.org.County;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterRisk;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.ReadSnapshot;
import ro.marc.query.register.RegisterViews.AssessmentLine;
import ro.marc.query.register.RegisterViews.EvaluationEntry;
import ro.marc.query.register.RegisterViews.IndicatorView;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.MonitoringView;
import ro.marc.query.register.RegisterViews.PeriodValue;
import ro.marc.query.register.RegisterViews.RegisterSummary;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The register read model's answers (group {@code register-postgres}). "Overdue" is decided on the day asked
 * (Europe/Bucharest, Axon's clock): a deadline before today and the measure not done.
 *
 * <p>A measure's monitoring (done, kept as existing, the members' values per period) is keyed by assessment and
 * measure whatever the register edition that schedules it; the risk owners' evaluations (A1001, G04) are the
 * register's, merged per assessment, measure and indicator in the order recorded. The registers' list filters by the
 * caller's reach inside the SQL (the structure's materialised path, {@link OrgScope}).
 */
@Component
@ReadSnapshot
public class RegisterQueries {

    static final ZoneId ROMANIA = ZoneId.of("Europe/Bucharest");

    private static final String REGISTER = """
            SELECT r.id, r.plan_id, r.org_unit_id, r.plan_purpose, COALESCE(r.org_unit_name, o.name) AS org_unit_name,
                   COALESCE(r.county, o.county) AS county, r.draft_edition, r.generated_on, r.draft_risks,
                   r.draft_missing, r.draft_schedules, r.saved_edition, r.saved, r.version
              FROM risk_register r LEFT JOIN org_unit o ON o.id = r.org_unit_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RegisterQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The plan's register, null before its first generation. */
    public Optional<RegisterView> register(UUID planId) {
        return jdbc.sql(REGISTER + " WHERE r.plan_id = ?").params(planId).query(this::row).optional()
                .map(r -> view(r, today()));
    }

    /** The register's structure, for authorization. */
    public Optional<UUID> orgUnitOfPlan(UUID planId) {
        return jdbc.sql("SELECT org_unit_id FROM risk_register WHERE plan_id = ?").params(planId).query(UUID.class)
                .optional();
    }

    /** The register's version as the read model shows it (0 when unknown), for read-your-writes. */
    public long version(UUID planId) {
        return jdbc.sql("SELECT version FROM risk_register WHERE plan_id = ?").params(planId).query(Long.class)
                .optional().orElse(0L);
    }

    /** The registers of structures within {@code scope} (and in {@code orgUnitIds} when not empty), by structure name. */
    public List<RegisterSummary> registers(OrgScope scope, Collection<UUID> orgUnitIds, int first) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(scope.sql("o", params));
        if (!orgUnitIds.isEmpty()) {
            where.add("r.org_unit_id IN (:orgUnits)");
            params.put("orgUnits", List.copyOf(orgUnitIds));
        }
        params.put("today", today());
        params.put("limit", Math.max(first, 0));
        // overdue counted as the register shows it: the content's measures whose deadline passed, not done
        return jdbc.sql("""
                        SELECT r.id, r.plan_id, r.org_unit_id, COALESCE(r.org_unit_name, o.name) AS org_unit_name,
                               COALESCE(r.county, o.county) AS county, r.draft_edition, r.saved_edition, r.saved_on,
                               r.registration_number, r.risk_count, r.measure_count,
                               (SELECT count(*) FROM risk_register_measure m
                                 WHERE m.register_id = r.id AND m.deadline < :today
                                   AND NOT EXISTS (SELECT 1 FROM register_monitoring_measure d
                                                    WHERE d.assessment_id = m.assessment_id
                                                      AND d.measure_id = m.measure_id AND d.done_on IS NOT NULL)) AS overdue
                          FROM risk_register r LEFT JOIN org_unit o ON o.id = r.org_unit_id
                        """ + " WHERE " + String.join(" AND ", where)
                        + " ORDER BY COALESCE(r.org_unit_name, o.name), COALESCE(r.saved_on, r.generated_on) DESC, r.id"
                        + " LIMIT :limit")
                .params(params)
                .query((rs, n) -> new RegisterSummary(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                        county(rs.getString("county")),
                        rs.getObject("draft_edition") != null ? RegisterContent.DRAFT : RegisterContent.SAVED,
                        (Integer) rs.getObject("saved_edition"), rs.getObject("saved_on", LocalDate.class),
                        rs.getString("registration_number"), rs.getInt("risk_count"), rs.getInt("measure_count"),
                        rs.getInt("overdue")))
                .list();
    }

    /** One assessment's monitoring; empty when the read model does not know the assessment's register measures nor its monitoring. */
    public Optional<MonitoringView> monitoring(UUID assessmentId) {
        LocalDate today = today();
        // only the assessment's risk and schedules are taken out of the saved edition
        Optional<Scheduled> scheduled = jdbc.sql("""
                        SELECT r.id, r.plan_id, r.saved_edition, r.saved -> 'measuresStageStart' AS anchor,
                               jsonb_path_query_first(r.saved -> 'risks', '$[*] ? (@.assessmentIds[*] == $a)',
                                                      jsonb_build_object('a', CAST(:assessment AS text))) AS risk,
                               jsonb_path_query_array(r.saved -> 'schedules', '$[*] ? (@.assessmentId == $a)',
                                                      jsonb_build_object('a', CAST(:assessment AS text))) AS schedules
                          FROM risk_register_assessment a JOIN risk_register r ON r.id = a.register_id
                         WHERE a.assessment_id = :assessment AND r.saved IS NOT NULL""")
                .param("assessment", assessmentId)
                .query((rs, n) -> new Scheduled(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getInt("saved_edition"),
                        rs.getString("anchor") == null ? null : json.readValue(rs.getString("anchor"), LocalDate.class),
                        rs.getString("risk") == null ? null : json.readValue(rs.getString("risk"), RegisterRisk.class),
                        json.readValue(rs.getString("schedules"), RegisterReadModelProjection.SCHEDULES)))
                .optional();
        Optional<MonitoringRow> monitoring = jdbc.sql(
                        "SELECT plan_id, finalised_on, version FROM register_monitoring WHERE assessment_id = ?")
                .params(assessmentId)
                .query((rs, n) -> new MonitoringRow(rs.getObject("plan_id", UUID.class),
                        rs.getObject("finalised_on", LocalDate.class), rs.getLong("version")))
                .optional();
        if (scheduled.isEmpty() && monitoring.isEmpty()) {
            return Optional.empty();
        }
        List<MeasureView> measures = List.of();
        if (scheduled.isPresent() && scheduled.get().risk() != null) {
            Scheduled s = scheduled.get();
            int index = s.risk().assessmentIds().indexOf(assessmentId);
            Monitored monitored = monitored(s.registerId(), Set.of(assessmentId));
            measures = measures(assessmentId, s.risk().assessments().get(index), schedules(s.schedules()), s.anchor(),
                    monitored, today);
        }
        UUID planId = scheduled.map(Scheduled::planId).orElseGet(() -> monitoring.get().planId());
        return Optional.of(new MonitoringView(assessmentId, planId, monitoring.map(MonitoringRow::version).orElse(0L),
                scheduled.map(Scheduled::edition).orElse(null), monitoring.map(MonitoringRow::finalisedOn).orElse(null),
                measures));
    }

    /** The monitoring's version as the read model shows it (0 when unknown), for read-your-writes. */
    public long monitoringVersion(UUID assessmentId) {
        return jdbc.sql("SELECT version FROM register_monitoring WHERE assessment_id = ?").params(assessmentId)
                .query(Long.class).optional().orElse(0L);
    }

    // ------------------------------------------------------------------ assembling the views

    private RegisterView view(Row row, LocalDate today) {
        RegisterEdition saved = row.saved();
        boolean draft = row.draftEdition() != null;
        List<RegisterRisk> risks = draft ? row.draftRisks() : saved == null ? List.of() : saved.risks();
        List<MissingAssessment> missing = draft ? row.draftMissing() : saved == null ? List.of() : saved.missing();
        Map<MeasureKey, MeasureSchedule> schedules = schedules(draft ? row.draftSchedules()
                : saved == null ? List.of() : saved.schedules());
        LocalDate anchor = saved == null ? null : saved.measuresStageStart();
        Set<UUID> assessmentIds = new HashSet<>();
        risks.forEach(r -> assessmentIds.addAll(r.assessmentIds()));
        Monitored monitored = monitored(row.id(), assessmentIds);
        List<RiskView> riskViews = new ArrayList<>();
        int measureCount = 0;
        int overdue = 0;
        for (RegisterRisk risk : risks) {
            List<AssessmentLine> lines = new ArrayList<>();
            List<MeasureView> measures = new ArrayList<>();
            for (int i = 0; i < risk.assessments().size(); i++) {
                AssessmentEdition e = risk.assessments().get(i);
                UUID assessmentId = risk.assessmentIds().get(i);
                lines.add(new AssessmentLine(assessmentId, e.edition(), e.memberUserId(), e.memberName(), e.workUnitId(),
                        e.workUnitName(), e.evaluation()));
                measures.addAll(measures(assessmentId, e, schedules, anchor, monitored, today));
            }
            measureCount += measures.size();
            overdue += (int) measures.stream().filter(MeasureView::overdue).count();
            riskViews.add(new RiskView(risk.riskId(), risk.riskName(), risk.activityId(), risk.activityName(),
                    risk.domainName(), risk.highestAssessmentId(), risk.highest(), List.copyOf(lines),
                    List.copyOf(measures)));
        }
        return new RegisterView(row.id(), row.planId(), row.planPurpose(), row.orgUnitId(), row.orgUnitName(),
                row.county(), row.version(), draft ? RegisterContent.DRAFT : RegisterContent.SAVED, row.draftEdition(),
                row.generatedOn(), row.savedEdition(), saved == null ? null : saved.savedOn(),
                saved == null ? null : saved.savedByName(), saved == null ? null : saved.registrationNumber(),
                saved == null ? null : saved.approverName(), anchor, saved == null ? null : saved.planLastDay(),
                List.copyOf(riskViews), missing, saved == null ? List.of() : saved.members(), measureCount, overdue);
    }

    /** One assessment's measures in the edition's order, with their schedule and monitoring. */
    private static List<MeasureView> measures(UUID assessmentId, AssessmentEdition edition,
                                              Map<MeasureKey, MeasureSchedule> schedules, LocalDate anchor,
                                              Monitored monitored, LocalDate today) {
        List<MeasureView> views = new ArrayList<>();
        for (Measure measure : edition.measures()) {
            MeasureKey key = new MeasureKey(assessmentId, measure.measureId());
            MeasureSchedule schedule = schedules.get(key);
            LocalDate deadline = schedule == null ? null : schedule.deadline();
            MeasurePeriodicity periodicity = schedule == null ? null
                    : schedule.periodicity() == null ? MeasurePeriodicity.ONCE : schedule.periodicity();
            List<LocalDate> dueDates = deadline == null ? List.of() : periodicity.dueDates(anchor, deadline);
            MeasureState state = monitored.states().get(key);
            boolean done = state != null && state.doneOn() != null;
            MeasureEffectiveness effectiveness = edition.effectiveness().get(measure.measureId());
            List<IndicatorView> indicators = new ArrayList<>();
            for (Indicator indicator : measure.indicators()) {
                List<PeriodValue> values = monitored.values().getOrDefault(key, List.of()).stream()
                        .filter(v -> v.indicatorId().equals(indicator.indicatorId()))
                        .map(ValueRow::value).toList();
                List<EvaluationEntry> evaluations = monitored.evaluations().stream()
                        .filter(e -> e.measureId().equals(measure.measureId())
                                && e.indicatorId().equals(indicator.indicatorId())
                                && (e.assessmentId() == null || e.assessmentId().equals(assessmentId)))
                        .map(EvaluationRow::entry).toList();
                indicators.add(new IndicatorView(indicator.indicatorId(), indicator.name(), indicator.kind(),
                        indicator.allowedValues(), values, evaluations));
            }
            views.add(new MeasureView(assessmentId, measure.measureId(), measure.kind(), measure.description(),
                    measure.responsible(), effectiveness == null ? null : effectiveness.level(), MeasurePeriodicity.oneOff(measure),
                    deadline, periodicity, dueDates, done, state == null ? null : state.doneOn(),
                    state == null ? null : state.doneByName(), deadline != null && deadline.isBefore(today) && !done,
                    state != null && state.keptAsExisting(), List.copyOf(indicators)));
        }
        return views;
    }

    private static Map<MeasureKey, MeasureSchedule> schedules(List<MeasureSchedule> schedules) {
        Map<MeasureKey, MeasureSchedule> byKey = new HashMap<>();
        schedules.forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    /** The monitoring of the given assessments' measures and the register's evaluations. */
    private Monitored monitored(UUID registerId, Set<UUID> assessmentIds) {
        UUID[] ids = assessmentIds.toArray(UUID[]::new);
        Map<MeasureKey, MeasureState> states = new HashMap<>();
        jdbc.sql("""
                        SELECT assessment_id, measure_id, done_on, done_by_name, kept_as_existing
                          FROM register_monitoring_measure WHERE assessment_id = ANY(?)""")
                .params((Object) ids)
                .query(rs -> {
                    states.put(new MeasureKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            new MeasureState(rs.getObject(3, LocalDate.class), rs.getString(4), rs.getBoolean(5)));
                });
        Map<MeasureKey, List<ValueRow>> values = new HashMap<>();
        jdbc.sql("""
                        SELECT assessment_id, measure_id, indicator_id, period_due, value, by_name, recorded_on
                          FROM register_monitoring_value WHERE assessment_id = ANY(?)
                         ORDER BY period_due, indicator_id""")
                .params((Object) ids)
                .query(rs -> {
                    values.computeIfAbsent(new MeasureKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                                    k -> new ArrayList<>())
                            .add(new ValueRow(rs.getObject(3, UUID.class), new PeriodValue(rs.getObject(4, LocalDate.class),
                                    rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class))));
                });
        List<EvaluationRow> evaluations = jdbc.sql("""
                        SELECT assessment_id, measure_id, indicator_id, value, person_name, source, recorded_on
                          FROM risk_register_evaluation
                         WHERE register_id = ? AND (assessment_id IS NULL OR assessment_id = ANY(?))
                         ORDER BY event_seq, position""")
                .params(registerId, ids)
                .query((rs, n) -> new EvaluationRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), new EvaluationEntry(rs.getString(4), rs.getString(5),
                        EvaluationSource.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class))))
                .list();
        return new Monitored(states, values, evaluations);
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String saved = rs.getString("saved");
        String draftRisks = rs.getString("draft_risks");
        String draftMissing = rs.getString("draft_missing");
        String draftSchedules = rs.getString("draft_schedules");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("org_unit_id", UUID.class), rs.getString("plan_purpose"), rs.getString("org_unit_name"),
                county(rs.getString("county")), (Integer) rs.getObject("draft_edition"),
                rs.getObject("generated_on", LocalDate.class),
                draftRisks == null ? List.of() : json.readValue(draftRisks, RegisterReadModelProjection.RISKS),
                draftMissing == null ? List.of() : json.readValue(draftMissing, RegisterReadModelProjection.MISSING),
                draftSchedules == null ? List.of() : json.readValue(draftSchedules, RegisterReadModelProjection.SCHEDULES),
                (Integer) rs.getObject("saved_edition"),
                saved == null ? null : json.readValue(saved, RegisterEdition.class), rs.getLong("version"));
    }

    private static County county(String code) {
        return code == null ? null : County.valueOf(code);
    }

    /** Today in Romania by the clock Axon stamps events with (tests move it). */
    static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ROMANIA);
    }

    private record Row(UUID id, UUID planId, UUID orgUnitId, String planPurpose, String orgUnitName, County county,
                       Integer draftEdition, LocalDate generatedOn, List<RegisterRisk> draftRisks,
                       List<MissingAssessment> draftMissing, List<MeasureSchedule> draftSchedules, Integer savedEdition,
                       RegisterEdition saved, long version) {
    }

    private record Scheduled(UUID registerId, UUID planId, int edition, LocalDate anchor, RegisterRisk risk,
                             List<MeasureSchedule> schedules) {
    }

    private record MonitoringRow(UUID planId, LocalDate finalisedOn, long version) {
    }

    private record MeasureState(LocalDate doneOn, String doneByName, boolean keptAsExisting) {
    }

    private record ValueRow(UUID indicatorId, PeriodValue value) {
    }

    private record EvaluationRow(UUID assessmentId, UUID measureId, UUID indicatorId, EvaluationEntry entry) {
    }

    private record Monitored(Map<MeasureKey, MeasureState> states, Map<MeasureKey, List<ValueRow>> values,
                             List<EvaluationRow> evaluations) {
    }
}
