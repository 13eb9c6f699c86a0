package ro.marc.query.access;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.ReadSnapshot;
import ro.marc.query.common.Sql;
import ro.marc.events.access.Role;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;

/**
 * Reads of the access read model: accounts (with roles and transfer history) and working groups
 * (with members). Lists are keyset-paginated and filtered by the caller's {@link OrgScope} inside
 * the database, so pages never hold what the caller may not see.
 */
@Component
@ReadSnapshot
public class AccessQueries {

    /**
     * The account's columns and its roles, aggregated into one text array (one
     * {@code ROLE:CJ,BH:true} element per role) so that an account is read with one index lookup.
     */
    private static final String USER_COLUMNS = """
            u.id, u.issuer, u.subject, u.display_name, u.display_name_folded, u.email, u.org_unit_id, u.active,
            u.version, u.created_at, u.updated_at,
            ARRAY(SELECT r.role || ':' || array_to_string(r.counties, ',') || ':' || r.follows_member_workflow::text
                    FROM app_user_role r WHERE r.user_id = u.id) AS roles""";

    private static final String GROUP_COLUMNS =
            "g.id, g.org_unit_id, g.name, g.leader_id, g.version, g.created_at, g.updated_at";

    private final JdbcClient jdbc;

    public AccessQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ accounts

    /**
     * The account linked to an identity of the identity provider (the token's {@code iss} and
     * {@code sub}), active or not. Called on every request, so it is a single query over the unique
     * (issuer, subject) index with the roles aggregated into the row; its {@link UserView#transfers()}
     * is therefore always EMPTY — read {@link #user(UUID)} for the transfer history.
     */
    public Optional<UserView> userByIdentity(String issuer, String subject) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.issuer = ? AND u.subject = ?")
                .params(issuer, subject).query(USER_ROW).optional().map(UserRow::view);
    }

    /** An account with its roles and transfer history (oldest first). */
    public Optional<UserView> user(UUID id) {
        return users(List.of(id)).stream().findFirst();
    }

    /** Accounts with roles and transfer histories, by folded display name; unknown ids are left out. */
    public List<UserView> users(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UserRow> rows = jdbc.sql("SELECT " + USER_COLUMNS + """
                         FROM app_user u WHERE u.id = ANY(?)
                        ORDER BY u.display_name_folded, u.id""")
                .param(ids.toArray(UUID[]::new)).query(USER_ROW).list();
        return withTransfers(rows.stream().map(UserRow::view).toList());
    }

    /**
     * Accounts whose org unit is inside {@code scope}, narrowed by {@code filter}, by folded display
     * name (keyset pagination on (display_name_folded, id)); with roles and transfer histories.
     * With national scope an account whose org unit is not (yet) in the org read model is listed too.
     *
     * @param after the cursor of the last account of the previous page, or null for the first page
     */
    public Page<UserView> users(UserFilter filter, OrgScope scope, int first, String after) {
        UserFilter f = filter == null ? UserFilter.none() : filter;
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(USER_COLUMNS)
                .append(" FROM app_user u LEFT JOIN org_unit o ON o.id = u.org_unit_id WHERE ")
                .append(scope.sql("o", params));
        if (f.text() != null) {
            for (String word : RomanianText.fold(f.text()).strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    sql.append(" AND (u.display_name_folded ILIKE ? OR lower(u.email) ILIKE ?)");
                    String pattern = "%" + Sql.escapeLike(word) + "%";
                    params.add(pattern);
                    params.add(pattern);
                }
            }
        }
        if (f.role() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = ?)");
            params.add(f.role().name());
        }
        if (f.orgUnitId() != null) {
            String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(f.orgUnitId())
                    .query(String.class).optional().orElse(null);
            if (path == null) {
                return new Page<>(List.of(), List.of(), false);
            }
            sql.append(" AND o.path LIKE ?");
            params.add(Sql.escapeLike(path) + "%");
        }
        if (f.active() != null) {
            sql.append(" AND u.active = ?");
            params.add(f.active());
        }
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            sql.append(" AND (u.display_name_folded, u.id) > (?, CAST(? AS uuid))");
            params.add(key[0]);
            params.add(Cursor.uuid(after, key[1]).toString());
        }
        sql.append(" ORDER BY u.display_name_folded, u.id LIMIT ?");
        params.add(first + 1);
        List<UserRow> rows = jdbc.sql(sql.toString()).params(params).query(USER_ROW).list();
        Page<UserRow> page = Page.of(rows, first, r -> Cursor.encode(r.folded(), r.view().id().toString()));
        return new Page<>(withTransfers(page.items().stream().map(UserRow::view).toList()), page.cursors(),
                page.hasNextPage());
    }

    /** Active accounts holding {@link Role#CENTRAL_ADMIN}. */
    public long activeCentralAdminCount() {
        return jdbc.sql("""
                SELECT count(*) FROM app_user_role r JOIN app_user u ON u.id = r.user_id
                WHERE r.role = ? AND u.active""")
                .param(Role.CENTRAL_ADMIN.name()).query(Long.class).single();
    }

    // ------------------------------------------------------------------ working groups

    public Optional<WorkingGroupView> workingGroup(UUID id) {
        return groups("SELECT " + GROUP_COLUMNS + " FROM working_group g WHERE g.id = ?", id).stream().findFirst();
    }

    public Optional<WorkingGroupView> workingGroupOfOrgUnit(UUID orgUnitId) {
        return groups("SELECT " + GROUP_COLUMNS + " FROM working_group g WHERE g.org_unit_id = ?", orgUnitId)
                .stream().findFirst();
    }

    /** The working groups the account is a member of, by name. */
    public List<WorkingGroupView> workingGroupsOf(UUID userId) {
        return groups("SELECT " + GROUP_COLUMNS + """
                 FROM working_group g JOIN working_group_member m ON m.working_group_id = g.id
                WHERE m.user_id = ? ORDER BY g.name, g.id""", userId);
    }

    /**
     * Working groups whose org unit is inside {@code scope}, in org unit path order (depth first;
     * keyset on the path, unique since an org unit has at most one group), with their members.
     * A group whose org unit is not (yet) in the org read model is not listed.
     */
    public Page<WorkingGroupView> workingGroups(OrgScope scope, int first, String after) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(GROUP_COLUMNS).append(", o.path")
                .append(" FROM working_group g JOIN org_unit o ON o.id = g.org_unit_id WHERE ")
                .append(scope.sql("o", params));
        if (after != null) {
            sql.append(" AND o.path > ?");
            params.add(Cursor.decode(after, 1)[0]);
        }
        sql.append(" ORDER BY o.path LIMIT ?");
        params.add(first + 1);
        List<Map.Entry<String, WorkingGroupView>> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> Map.entry(rs.getString("path"), groupRow(rs, List.of()))).list();
        Page<Map.Entry<String, WorkingGroupView>> page = Page.of(rows, first, e -> Cursor.encode(e.getKey()));
        return new Page<>(withMembers(page.items().stream().map(Map.Entry::getValue).toList()), page.cursors(),
                page.hasNextPage());
    }

    // ------------------------------------------------------------------ helpers

    private List<WorkingGroupView> groups(String sql, Object param) {
        return withMembers(jdbc.sql(sql).param(param).query((rs, n) -> groupRow(rs, List.of())).list());
    }

    /** Fills in the members of the groups (by date joined), with one query. */
    private List<WorkingGroupView> withMembers(List<WorkingGroupView> groups) {
        if (groups.isEmpty()) {
            return groups;
        }
        Map<UUID, List<WorkingGroupMemberView>> members = new HashMap<>();
        jdbc.sql("""
                SELECT m.working_group_id, m.user_id, m.since,
                       ARRAY(SELECT w.work_unit_id FROM working_group_member_work_unit w
                              WHERE w.working_group_id = m.working_group_id AND w.user_id = m.user_id
                              ORDER BY w.work_unit_id) AS work_units
                  FROM working_group_member m WHERE m.working_group_id = ANY(?)
                 ORDER BY m.since, m.user_id""")
                .param(groups.stream().map(WorkingGroupView::id).toArray(UUID[]::new))
                .query(rs -> {
                    members.computeIfAbsent(rs.getObject("working_group_id", UUID.class), k -> new ArrayList<>())
                            .add(new WorkingGroupMemberView(rs.getObject("user_id", UUID.class),
                                    rs.getTimestamp("since").toInstant(), uuids(rs.getArray("work_units"))));
                });
        return groups.stream().map(g -> new WorkingGroupView(g.id(), g.orgUnitId(), g.name(), g.leaderId(),
                g.version(), List.copyOf(members.getOrDefault(g.id(), List.of())), g.createdAt(), g.updatedAt()))
                .toList();
    }

    /** Fills in the transfer histories (oldest first), with one query. */
    private List<UserView> withTransfers(List<UserView> users) {
        if (users.isEmpty()) {
            return users;
        }
        Map<UUID, List<TransferView>> transfers = new HashMap<>();
        jdbc.sql("SELECT * FROM app_user_transfer WHERE user_id = ANY(?) ORDER BY seq")
                .param(users.stream().map(UserView::id).toArray(UUID[]::new))
                .query(rs -> {
                    transfers.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> new ArrayList<>())
                            .add(new TransferView(rs.getTimestamp("at").toInstant(), rs.getString("previous_issuer"),
                                    rs.getString("previous_subject"), rs.getString("previous_display_name"),
                                    rs.getString("previous_email"), rs.getString("issuer"), rs.getString("subject"),
                                    rs.getString("display_name"), rs.getString("email"), rs.getString("details"),
                                    rs.getString("by_user_id")));
                });
        return users.stream().map(u -> new UserView(u.id(), u.issuer(), u.subject(), u.displayName(), u.email(),
                u.orgUnitId(), u.active(), u.version(), u.roles(),
                List.copyOf(transfers.getOrDefault(u.id(), List.of())), u.createdAt(), u.updatedAt())).toList();
    }

    /** An account row with its sort key, folded exactly as the projection stored it. */
    private record UserRow(UserView view, String folded) {
    }

    private static final RowMapper<UserRow> USER_ROW = AccessQueries::userRow;

    private static UserRow userRow(ResultSet rs, int n) throws SQLException {
        List<RoleView> roles = new ArrayList<>();
        Array array = rs.getArray("roles");
        for (Object element : (Object[]) array.getArray()) {
            // ROLE:CODE,CODE:true|false
            String[] parts = ((String) element).split(":", -1);
            List<String> counties = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","));
            roles.add(new RoleView(Role.valueOf(parts[0]), counties, Boolean.parseBoolean(parts[2])));
        }
        roles.sort(Comparator.comparing(RoleView::role));
        UserView view = new UserView(rs.getObject("id", UUID.class), rs.getString("issuer"), rs.getString("subject"),
                rs.getString("display_name"), rs.getString("email"), rs.getObject("org_unit_id", UUID.class),
                rs.getBoolean("active"), rs.getLong("version"), List.copyOf(roles), List.of(),
                instant(rs, "created_at"), instant(rs, "updated_at"));
        return new UserRow(view, rs.getString("display_name_folded"));
    }

    private static WorkingGroupView groupRow(ResultSet rs, List<WorkingGroupMemberView> members) throws SQLException {
        return new WorkingGroupView(rs.getObject("id", UUID.class), rs.getObject("org_unit_id", UUID.class),
                rs.getString("name"), rs.getObject("leader_id", UUID.class), rs.getLong("version"), members,
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            ids.add((UUID) element);
        }
        return List.copyOf(ids);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
