package ro.marc.query.plan;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.*;

/**
 * Reads of the plans' read model (Anexa 1). Lists are filtered by the caller's {@link OrgScope} inside the
 * database (joining the org tree's materialised paths at query time), so pages never hold what the caller may
 * not see.
 */
@Component
@ReadSnapshot
public class PlanQueries {

    private static final String COLUMNS = """
            p.id, p.org_unit_id, p.org_unit_name, p.status, p.purpose, p.start_date, p.identification_deadline,
            p.evaluation_deadline, p.measures_deadline, p.edition, p.version, p.created_at, p.updated_at""";

    private final JdbcClient jdbc;

    public PlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanView> plan(UUID id) {
        return withMembers(jdbc.sql("SELECT " + COLUMNS + " FROM plan p WHERE p.id = ?").param(id).query(PLAN_ROW).list())
                .stream().findFirst();
    }

    /** The org unit's active plan (at most one: the command side guarantees it). */
    public Optional<PlanView> activePlanOf(UUID orgUnitId) {
        return withMembers(jdbc.sql("SELECT " + COLUMNS + " FROM plan p WHERE p.org_unit_id = ? AND p.status = 'ACTIVE' "
                        + "ORDER BY p.updated_at DESC LIMIT 1")
                .param(orgUnitId).query(PLAN_ROW).list()).stream().findFirst();
    }

    /**
     * Plans of org units inside {@code scope}, narrowed by {@code filter}: newest start first (plans without a
     * start date last), or in the search's order when {@code filter.matchingIds} is given. Offset cursors.
     */
    public Page<PlanView> plans(PlanFilter filter, OrgScope scope, int first, String after) {
        int offset = after == null ? 0 : Cursor.offset(after, Cursor.decode(after, 1)[0]);
        if (filter.matchingIds() != null && filter.matchingIds().isEmpty()) {
            return new Page<>(List.of(), List.of(), false);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM plan p JOIN org_unit o ON o.id = p.org_unit_id WHERE ");
        sql.append(scope.sql("o", params));
        if (filter.orgUnitId() != null) {
            sql.append(" AND p.org_unit_id = ?");
            params.add(filter.orgUnitId());
        }
        if (filter.status() != null) {
            sql.append(" AND p.status = ?");
            params.add(filter.status().name());
        }
        if (filter.matchingIds() != null) {
            UUID[] ids = filter.matchingIds().toArray(UUID[]::new);
            sql.append(" AND p.id = ANY(?) ORDER BY array_position(?, p.id), p.id");
            params.add(ids);
            params.add(ids);
        } else {
            sql.append(" ORDER BY p.start_date DESC NULLS LAST, p.purpose_folded, p.id");
        }
        sql.append(" OFFSET ? LIMIT ?");
        params.add(offset);
        params.add(first + 1);
        List<PlanView> rows = withMembers(jdbc.sql(sql.toString()).params(params).query(PLAN_ROW).list());
        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            cursors.add(Cursor.encode(String.valueOf(offset + i + 1)));
        }
        boolean more = rows.size() > first;
        List<PlanView> kept = more ? rows.subList(0, first) : rows;
        return new Page<>(kept, cursors.subList(0, kept.size()), more);
    }

    /** The plan's published editions, newest first. */
    public List<PlanEditionView> editions(UUID planId) {
        return jdbc.sql("""
                SELECT edition, published_at, published_by, published_by_name FROM plan_edition
                WHERE plan_id = ? ORDER BY edition DESC""")
                .param(planId)
                .query((rs, n) -> new PlanEditionView(rs.getInt("edition"), rs.getTimestamp("published_at").toInstant(),
                        rs.getObject("published_by", UUID.class), rs.getString("published_by_name")))
                .list();
    }

    /** The plan's events, oldest first. */
    public List<PlanHistoryView> history(UUID planId) {
        return jdbc.sql("SELECT seq, type, at, by_user_id, edition FROM plan_history WHERE plan_id = ? ORDER BY seq")
                .param(planId)
                .query((rs, n) -> new PlanHistoryView(rs.getLong("seq"), rs.getString("type"), rs.getTimestamp("at").toInstant(),
                        rs.getString("by_user_id"), (Integer) rs.getObject("edition")))
                .list();
    }

    // ------------------------------------------------------------------ rows

    private List<PlanView> withMembers(List<PlanView> plans) {
        if (plans.isEmpty()) {
            return plans;
        }
        Map<UUID, List<PlanMemberView>> members = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, user_id, display_name, role, active, questionnaire_required, follows_member_workflow,
                       work_unit_ids, work_unit_names
                FROM plan_member WHERE plan_id = ANY(?) ORDER BY plan_id, position""")
                .param(plans.stream().map(PlanView::id).toArray(UUID[]::new))
                .query(rs -> {
                    UUID[] ids = uuids(rs.getArray("work_unit_ids"));
                    String[] names = strings(rs.getArray("work_unit_names"));
                    List<PlanMemberView.WorkUnitRefView> units = new ArrayList<>();
                    for (int i = 0; i < ids.length; i++) {
                        units.add(new PlanMemberView.WorkUnitRefView(ids[i], names != null && i < names.length ? names[i] : null));
                    }
                    members.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new PlanMemberView(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                                    rs.getString("role"), (Boolean) rs.getObject("active"), units,
                                    rs.getBoolean("questionnaire_required"), rs.getBoolean("follows_member_workflow")));
                });
        return plans.stream().map(p -> new PlanView(p.id(), p.orgUnitId(), p.orgUnitName(), p.status(), p.purpose(),
                p.startDate(), p.deadlines(), p.edition(), p.version(), p.createdAt(), p.updatedAt(),
                members.getOrDefault(p.id(), List.of()))).toList();
    }

    private static final RowMapper<PlanView> PLAN_ROW = (rs, n) -> new PlanView(rs.getObject("id", UUID.class),
            rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"), PlanStatus.valueOf(rs.getString("status")),
            rs.getString("purpose"), localDate(rs, "start_date"),
            new StageDeadlines(localDate(rs, "identification_deadline"), localDate(rs, "evaluation_deadline"),
                    localDate(rs, "measures_deadline")),
            (Integer) rs.getObject("edition"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), List.of());

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
