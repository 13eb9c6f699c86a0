package ro.marc.query.analysis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.analysis.AnalysisView.NamedRef;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.*;

/**
 * Reads the activity analyses' read model ({@link AnalysisReadModelProjection}). Lists are filtered by the
 * caller's reach inside the query (the org tree's paths, {@link OrgScope#sql}); a text filter is answered
 * by {@link AnalysisSearch} first (the ids whose activity or task names match), then narrowed here.
 */
@Component
@ReadSnapshot
public class AnalysisQueries {

    /** At most this many of one's own analyses (one per work unit and plan). */
    public static final int MAX_LIST = 500;
    /** The order of {@link #analyses}, its keyset (every part NOT NULL). */
    private static final String SORT_KEY = "a.org_unit_name, a.work_unit_name, a.member_name, a.id";

    private static final String COLUMNS = """
            a.id, a.plan_id, a.plan_purpose, a.org_unit_id, a.org_unit_name, a.county, a.work_unit_id, a.work_unit_name,
            a.member_user_id, a.member_name, a.status, a.edition, a.finalised_edition, a.finalised_on, a.stage_deadline,
            a.late, a.content, a.version, a.created_at, a.updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AnalysisQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<AnalysisView> analysis(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_analysis a WHERE a.id = ?").params(id)
                .query(this::view).optional();
    }

    /**
     * One page of the analyses matching {@code filter} within {@code scope}; {@code textMatches}: the ids the
     * text search found (null: no text filter). Ordered by structure, work unit, member and id: a keyset cursor
     * on those.
     *
     * @throws InvalidCursor when {@code after} is not a cursor of this list
     */
    public Page<AnalysisView> analyses(AnalysisFilter filter, OrgScope scope, Collection<UUID> textMatches, int first,
                                       String after) {
        String[] key = after == null ? null : Cursor.decode(after, 4);
        UUID afterId = key == null ? null : Cursor.uuid(after, key[3]);
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, scope, textMatches, params);
        if (where == null) {
            return new Page<>(List.of(), List.of(), false);
        }
        if (key != null) {
            where.add("(" + SORT_KEY + ") > (:afterOrgUnit, :afterWorkUnit, :afterMember, :afterId)");
            params.put("afterOrgUnit", key[0]);
            params.put("afterWorkUnit", key[1]);
            params.put("afterMember", key[2]);
            params.put("afterId", afterId);
        }
        params.put("limit", first + 1);
        List<AnalysisView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM activity_analysis a LEFT JOIN org_unit o ON o.id = a.org_unit_id WHERE "
                        + String.join(" AND ", where) + " ORDER BY " + SORT_KEY + " LIMIT :limit")
                .params(params).query(this::view).list();
        return Page.of(rows, first, v -> Cursor.encode(v.orgUnitName(), v.workUnitName(), v.memberName(), v.id().toString()));
    }

    /** How many analyses {@link #analyses} pages through (the same arguments). */
    public int count(AnalysisFilter filter, OrgScope scope, Collection<UUID> textMatches) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, scope, textMatches, params);
        if (where == null) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM activity_analysis a LEFT JOIN org_unit o ON o.id = a.org_unit_id WHERE "
                + String.join(" AND ", where)).params(params).query(Integer.class).single();
    }

    /** The list's conditions (null: nothing can match). */
    private static List<String> where(AnalysisFilter filter, OrgScope scope, Collection<UUID> textMatches,
                                      Map<String, Object> params) {
        if (textMatches != null && textMatches.isEmpty()) {
            return null;
        }
        List<String> where = new ArrayList<>();
        where.add(scope.sql("o", params));
        if (filter.planId() != null) {
            where.add("a.plan_id = :plan");
            params.put("plan", filter.planId());
        }
        if (filter.orgUnitId() != null) {
            where.add("a.org_unit_id = :orgUnit");
            params.put("orgUnit", filter.orgUnitId());
        }
        if (filter.workUnitId() != null) {
            where.add("a.work_unit_id = :workUnit");
            params.put("workUnit", filter.workUnitId());
        }
        if (filter.memberUserId() != null) {
            where.add("a.member_user_id = :member");
            params.put("member", filter.memberUserId());
        }
        if (filter.status() != null) {
            where.add("a.status = :status");
            params.put("status", filter.status());
        }
        if (textMatches != null) {
            where.add("a.id = ANY(:ids)");
            params.put("ids", textMatches.toArray(UUID[]::new));
        }
        return where;
    }

    /** The caller's own analyses, newest plan first. */
    public List<AnalysisView> analysesOf(UUID memberUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_analysis a WHERE a.member_user_id = ? "
                        + "ORDER BY a.created_at DESC, a.work_unit_name LIMIT " + MAX_LIST)
                .params(memberUserId).query(this::view).list();
    }

    /**
     * Anexa 4: the activities the member selected in the last finalised edition of their analysis of the work
     * unit under the plan (empty before a finalisation).
     */
    public List<NamedRef> selectedActivities(UUID planId, UUID memberUserId, UUID workUnitId) {
        return jdbc.sql("""
                        SELECT s.activity_id, s.name FROM activity_analysis_selected s
                          JOIN activity_analysis a ON a.id = s.analysis_id
                         WHERE a.plan_id = ? AND a.member_user_id = ? AND a.work_unit_id = ?
                         ORDER BY s.position""")
                .params(planId, memberUserId, workUnitId)
                .query((rs, n) -> new NamedRef(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private AnalysisView view(ResultSet rs, int row) throws SQLException {
        return new AnalysisView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("plan_purpose"), rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                rs.getString("county"), rs.getObject("work_unit_id", UUID.class), rs.getString("work_unit_name"),
                rs.getObject("member_user_id", UUID.class), rs.getString("member_name"), rs.getString("status"),
                rs.getInt("edition"), (Integer) rs.getObject("finalised_edition"),
                rs.getObject("finalised_on", java.time.LocalDate.class), rs.getObject("stage_deadline", java.time.LocalDate.class),
                rs.getBoolean("late"), json.readValue(rs.getString("content"), AnalysisReadModelProjection.CONTENT),
                rs.getLong("version"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
