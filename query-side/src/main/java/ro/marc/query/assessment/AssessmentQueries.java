package ro.marc.query.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.query.assessment.AssessmentFacets.Bucket;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * Reads of the assessment read model ({@link AssessmentReadModelProjection}, tables {@code risk_assessment...}).
 * Lists and facets filter by the caller's reach ({@link OrgScope} over the assessment's structure) inside the SQL,
 * so pages and counts hold only what the caller may see; a text filter is answered by {@link AssessmentSearch}
 * first (the ids it matched), then narrowed here.
 */
@Component
@ReadSnapshot
public class AssessmentQueries {

    /** The facet key of an assessment not evaluated yet (class and priority). */
    public static final String NOT_EVALUATED = "NONE";

    /** The order of {@link #assessments}: newest change first, then id; its keyset (every part NOT NULL). */
    private static final String SORT_KEY = "a.updated_at DESC, a.id DESC";

    private static final String COLUMNS = """
            a.id, a.plan_id, a.plan_purpose, a.org_unit_id, a.org_unit_name, a.county, a.work_unit_id, a.work_unit_name,
            a.domain_id, a.domain_name, a.activity_id, a.activity_name, a.risk_id, a.risk_name, a.member_user_id,
            a.member_name, a.status, a.active, a.edition, a.finalised_edition, a.finalised_on, a.stage_deadline, a.late,
            a.description, a.evaluation, a.measures, a.effectiveness, a.content_names, a.dimension_names, a.version,
            a.created_at, a.updated_at""";

    private static final String FROM = " FROM risk_assessment a LEFT JOIN org_unit o ON o.id = a.org_unit_id WHERE ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AssessmentQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<AssessmentView> assessment(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_assessment a WHERE a.id = ?").params(id)
                .query(this::view).optional();
    }

    /**
     * The assessment's structure, without reading its content: what a change is authorised over. The autosave is
     * the campaign's hot path (issue 13, item 8), so it reads one column, not the form.
     */
    public Optional<UUID> orgUnitOf(UUID id) {
        return jdbc.sql("SELECT org_unit_id FROM risk_assessment WHERE id = ?").params(id).query(UUID.class).optional();
    }

    /**
     * The version the read model shows (0 before the assessment is there): what a change waits for before it answers.
     * Waiters re-read it on every projection commit of any node, so it is one indexed column.
     */
    public long version(UUID id) {
        return jdbc.sql("SELECT version FROM risk_assessment WHERE id = ?").params(id).query(Long.class).optional()
                .orElse(0L);
    }

    /**
     * A page of assessments, newest change first (then id). {@code textMatches}: null when the filter has no text,
     * else the ids {@link AssessmentSearch} matched (only those are listed).
     *
     * @throws InvalidCursor when {@code after} is not a cursor of this list
     */
    public Page<AssessmentView> assessments(AssessmentFilter filter, OrgScope scope, Collection<UUID> textMatches,
                                            int first, String after) {
        String[] key = after == null ? null : Cursor.decode(after, 2);
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, scope, textMatches, params);
        if (where == null) {
            return new Page<>(List.of(), List.of(), false);
        }
        if (key != null) {
            where.add("(a.updated_at, a.id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(Cursor.instant(after, key[0])));
            params.put("afterId", Cursor.uuid(after, key[1]));
        }
        params.put("limit", first + 1);
        List<AssessmentView> rows = jdbc.sql("SELECT " + COLUMNS + FROM + String.join(" AND ", where)
                        + " ORDER BY " + SORT_KEY + " LIMIT :limit")
                .params(params).query(this::view).list();
        return Page.of(rows, first, v -> Cursor.encode(v.updatedAt().toString(), v.id().toString()));
    }

    /** The facets of the same selection as {@link #assessments} (all pages). */
    public AssessmentFacets facets(AssessmentFilter filter, OrgScope scope, Collection<UUID> textMatches) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, scope, textMatches, params);
        if (where == null) {
            return new AssessmentFacets(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        String selection = "WITH selected AS (SELECT a.*" + FROM + String.join(" AND ", where) + ") ";
        long total = jdbc.sql(selection + "SELECT count(*) FROM selected").params(params).query(Long.class).single();
        return new AssessmentFacets(total,
                buckets(selection, "COALESCE(risk_class, '" + NOT_EVALUATED + "')", null, params, AssessmentQueries::classLabel),
                buckets(selection, "COALESCE(CAST(priority AS text), '" + NOT_EVALUATED + "')", null, params,
                        AssessmentQueries::priorityLabel),
                buckets(selection, "status", null, params, AssessmentQueries::statusLabel),
                buckets(selection, "CAST(org_unit_id AS text)", "org_unit_name", params, null),
                buckets(selection, "CAST(activity_id AS text)", "activity_name", params, null),
                buckets(selection, "CAST(risk_id AS text)", "risk_name", params, null));
    }

    /** One facet: the count per {@code key} (labelled by the column {@code label}, or by {@code labelOf}), most first. */
    private List<Bucket> buckets(String selection, String key, String label, Map<String, Object> params,
                                 java.util.function.Function<String, String> labelOf) {
        String labelColumn = label == null ? "NULL" : "max(" + label + ")";
        return jdbc.sql(selection + "SELECT " + key + " AS key, " + labelColumn + " AS label, count(*) AS n FROM selected"
                        + " GROUP BY " + key + " ORDER BY n DESC, key")
                .params(params)
                .query((rs, n) -> new Bucket(rs.getString("key"),
                        labelOf == null ? rs.getString("label") : labelOf.apply(rs.getString("key")), rs.getLong("n")))
                .list();
    }

    /** The list's conditions (null: nothing can match). */
    private static List<String> where(AssessmentFilter filter, OrgScope scope, Collection<UUID> textMatches,
                                      Map<String, Object> params) {
        if (textMatches != null && textMatches.isEmpty()) {
            return null;
        }
        List<String> where = new ArrayList<>();
        where.add(scope.sql("o", params));
        any(where, params, "a.plan_id", "plans", filter.planIds());
        any(where, params, "a.org_unit_id", "orgUnits", filter.orgUnitIds());
        any(where, params, "a.work_unit_id", "workUnits", filter.workUnitIds());
        any(where, params, "a.activity_id", "activities", filter.activityIds());
        any(where, params, "a.risk_id", "risks", filter.riskIds());
        any(where, params, "a.member_user_id", "members", filter.memberUserIds());
        any(where, params, "a.status", "statuses", filter.statuses());
        any(where, params, "a.risk_class", "classes", filter.classes().stream().map(Enum::name).toList());
        any(where, params, "a.priority", "priorities", filter.priorities());
        if (!filter.includeInactive()) {
            where.add("a.active");
        }
        if (textMatches != null) {
            where.add("a.id IN (:ids)");
            params.put("ids", List.copyOf(textMatches));
        }
        return where;
    }

    private static void any(List<String> where, Map<String, Object> params, String column, String name,
                            Collection<?> values) {
        if (!values.isEmpty()) {
            where.add(column + " IN (:" + name + ")");
            params.put(name, List.copyOf(values));
        }
    }

    /** UCA 69: every evaluation of the assessment, oldest first, across editions. */
    public List<EvaluationEntry> history(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT assessment_id, edition, evaluation, dimension_names, lowest_allowed_probability, by_user_id,
                               evaluated_at
                          FROM risk_assessment_evaluation WHERE assessment_id = ? ORDER BY event_seq""")
                .params(assessmentId)
                .query((rs, n) -> new EvaluationEntry(rs.getObject(1, UUID.class), rs.getInt(2),
                        json.readValue(rs.getString(3), RiskEvaluation.class),
                        json.readValue(rs.getString(4), AssessmentReadModelProjection.NAMES), rs.getInt(5),
                        rs.getString(6), instant(rs.getTimestamp(7))))
                .list();
    }

    /**
     * The dry run of a candidate methodology over the current (active, evaluated) assessments: each exposure is
     * put in the candidate's band (the exposure itself never depends on the methodology) and compared with the
     * class and priority its evaluation has. Reads only; changes nothing.
     */
    public DryRunResult dryRun(MethodologyContent candidate) {
        List<DryRunResult.Change> changes = new ArrayList<>();
        int[] evaluated = {0};
        jdbc.sql("""
                        SELECT id, org_unit_name, activity_name, risk_name, member_name, exposure, methodology_version,
                               priority, risk_class
                          FROM risk_assessment WHERE active AND exposure IS NOT NULL
                         ORDER BY org_unit_name, activity_name, risk_name, member_name, id""")
                .query(rs -> {
                    evaluated[0]++;
                    BigDecimal exposure = rs.getBigDecimal("exposure");
                    int priority = rs.getInt("priority");
                    RiskClass riskClass = RiskClass.valueOf(rs.getString("risk_class"));
                    PriorityBand band = candidate.band(exposure);
                    if (band.priority() != priority || band.riskClass() != riskClass) {
                        changes.add(new DryRunResult.Change(rs.getObject("id", UUID.class), rs.getString("org_unit_name"),
                                rs.getString("activity_name"), rs.getString("risk_name"), rs.getString("member_name"),
                                exposure, rs.getInt("methodology_version"), priority, riskClass, band.priority(),
                                band.riskClass()));
                    }
                });
        int classChanges = (int) changes.stream().filter(c -> c.candidateClass() != c.riskClass()).count();
        int priorityChanges = (int) changes.stream().filter(c -> c.candidatePriority() != c.priority()).count();
        return new DryRunResult(evaluated[0], changes.size(), classChanges, priorityChanges, List.copyOf(changes));
    }

    private AssessmentView view(ResultSet rs, int row) throws SQLException {
        Map<UUID, String> names = new HashMap<>(json.readValue(rs.getString("content_names"), AssessmentReadModelProjection.NAMES));
        names.putAll(json.readValue(rs.getString("dimension_names"), AssessmentReadModelProjection.NAMES));
        String evaluation = rs.getString("evaluation");
        return new AssessmentView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("plan_purpose"), rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                rs.getString("county"), rs.getObject("work_unit_id", UUID.class), rs.getString("work_unit_name"),
                rs.getObject("domain_id", UUID.class), rs.getString("domain_name"),
                rs.getObject("activity_id", UUID.class), rs.getString("activity_name"),
                rs.getObject("risk_id", UUID.class), rs.getString("risk_name"),
                rs.getObject("member_user_id", UUID.class), rs.getString("member_name"), rs.getString("status"),
                rs.getBoolean("active"), rs.getInt("edition"), (Integer) rs.getObject("finalised_edition"),
                rs.getObject("finalised_on", LocalDate.class), rs.getObject("stage_deadline", LocalDate.class),
                rs.getBoolean("late"), json.readValue(rs.getString("description"), RiskDescription.class),
                evaluation == null ? null : json.readValue(evaluation, RiskEvaluation.class),
                json.readValue(rs.getString("measures"), AssessmentReadModelProjection.MEASURES),
                json.readValue(rs.getString("effectiveness"), AssessmentReadModelProjection.EFFECTIVENESS), names,
                rs.getLong("version"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** The facets' labels, in Romanian as users read them. */
    static String classLabel(String key) {
        return switch (key) {
            case "HIGH" -> "Risc înalt";
            case "MODERATE" -> "Risc moderat";
            case "MINOR" -> "Risc minor";
            default -> "Neevaluat";
        };
    }

    static String priorityLabel(String key) {
        return NOT_EVALUATED.equals(key) ? "Neevaluat" : "Prioritatea " + key;
    }

    static String statusLabel(String key) {
        return "FINALISED".equals(key) ? "Finalizată" : "Ciornă";
    }
}
