package ro.marc.query.org;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.ReadSnapshot;
import ro.marc.query.common.Sql;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.events.text.RomanianText;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/** Reads of the organisation read model. Lists are keyset-paginated so deep pages stay cheap. */
@Component
@ReadSnapshot
public class OrgQueries {

    private static final String ORG_UNIT_COLUMNS =
            "o.id, o.parent_id, o.name, o.level, o.county, o.active, o.path, o.version, o.created_at, o.updated_at";

    private final JdbcClient jdbc;

    public OrgQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnitView> orgUnit(UUID id) {
        return jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit o WHERE o.id = ?").param(id)
                .query(ORG_UNIT).optional();
    }

    /** The root of the tree (level 0); a list because the read model may be empty before first start. */
    public List<OrgUnitView> roots() {
        return jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit o WHERE o.parent_id IS NULL").query(ORG_UNIT).list();
    }

    public List<OrgUnitView> orgUnits(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit o WHERE o.id IN (:ids)").param("ids", ids)
                .query(ORG_UNIT).list();
    }

    /** Direct children within the scope, by name. */
    public Page<OrgUnitView> children(UUID parentId, OrgScope scope, int first, String after) {
        Map<String, Object> params = new HashMap<>();
        return byName("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit o WHERE o.parent_id = :anchor AND "
                + scope.sql("o", params), params, parentId, first, after);
    }

    /**
     * Every unit below {@code rootId} (not itself) within the scope, depth-first in path order: one
     * prefix scan of the path index.
     */
    public Page<OrgUnitView> subtree(UUID rootId, OrgScope scope, int first, String after) {
        String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(rootId).query(String.class)
                .optional().orElse(null);
        if (path == null) {
            return new Page<>(List.of(), List.of(), false);
        }
        String afterPath = after == null ? path : Cursor.decode(after, 1)[0];
        Map<String, Object> params = new HashMap<>();
        String inScope = scope.sql("o", params);
        List<OrgUnitView> rows = jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + """
                         FROM org_unit o
                        WHERE o.path LIKE :prefix AND o.path > :after AND """ + " " + inScope + """
                        
                        ORDER BY o.path LIMIT :limit""")
                .params(params)
                .param("prefix", Sql.likePrefix(path)).param("after", afterPath)
                .param("limit", first + 1).query(ORG_UNIT).list();
        return Page.of(rows, first, u -> Cursor.encode(u.path()));
    }

    /** Org units within the scope holding a work unit, by name. */
    public Page<OrgUnitView> orgUnitsByWorkUnit(UUID workUnitId, OrgScope scope, int first, String after) {
        Map<String, Object> params = new HashMap<>();
        return byName("SELECT " + ORG_UNIT_COLUMNS + """
                 FROM org_unit o JOIN org_unit_work_unit a ON a.org_unit_id = o.id
                WHERE a.work_unit_id = :anchor AND """ + " " + scope.sql("o", params), params, workUnitId, first, after);
    }

    /**
     * The topmost org units of the scope, by path (a unit whose ancestor is also in scope is left
     * out): where a caller's view of the tree starts.
     */
    public List<OrgUnitView> scopeRoots(OrgScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        String inScope = scope.sql("o", params);
        String parentInScope = scope.sql("p", new HashMap<>(params));
        return jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit o WHERE " + inScope
                        + " AND NOT EXISTS (SELECT 1 FROM org_unit p WHERE o.path LIKE p.path || '%' AND p.id <> o.id AND "
                        + parentInScope + ") ORDER BY o.path LIMIT :limit")
                .params(params).param("limit", limit).query(ORG_UNIT).list();
    }

    public List<WorkUnitView> workUnits(boolean includeRetired) {
        return jdbc.sql("SELECT * FROM work_unit WHERE :all OR NOT retired ORDER BY name_folded, id")
                .param("all", includeRetired).query(WORK_UNIT).list();
    }

    public Optional<WorkUnitView> workUnit(UUID id) {
        return jdbc.sql("SELECT * FROM work_unit WHERE id = ?").param(id).query(WORK_UNIT).optional();
    }

    /** Work units of many org units in one query (for GraphQL batch loading). */
    public Map<UUID, List<WorkUnitView>> workUnitsOf(Collection<UUID> orgUnitIds) {
        Map<UUID, List<WorkUnitView>> result = new HashMap<>();
        orgUnitIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (orgUnitIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT a.org_unit_id, w.* FROM org_unit_work_unit a JOIN work_unit w ON w.id = a.work_unit_id
                WHERE a.org_unit_id IN (:ids) ORDER BY w.name_folded, w.id""")
                .param("ids", orgUnitIds)
                .query((rs, n) -> Map.entry(rs.getObject("org_unit_id", UUID.class), WORK_UNIT.mapRow(rs, n)))
                .list().forEach(e -> result.get(e.getKey()).add(e.getValue()));
        return result;
    }

    private Page<OrgUnitView> byName(String select, Map<String, Object> params, UUID anchor, int first, String after) {
        String[] key = after == null ? new String[]{"", ""} : Cursor.decode(after, 2);
        String sql = select + (after == null ? "" : " AND (o.name_folded, o.id) > (:afterName, CAST(:afterId AS uuid))")
                + " ORDER BY o.name_folded, o.id LIMIT :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).params(params).param("anchor", anchor).param("limit", first + 1);
        if (after != null) {
            statement = statement.param("afterName", key[0]).param("afterId", Cursor.uuid(after, key[1]).toString());
        }
        List<OrgUnitView> rows = statement.query(ORG_UNIT).list();
        // the key is (folded name, id), folded exactly as the projection stored it
        return Page.of(rows, first, u -> Cursor.encode(RomanianText.fold(u.name()), u.id().toString()));
    }

    private static final RowMapper<OrgUnitView> ORG_UNIT = OrgQueries::orgUnitRow;

    private static OrgUnitView orgUnitRow(ResultSet rs, int n) throws SQLException {
        return new OrgUnitView(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                rs.getString("name"), rs.getInt("level"), rs.getString("county"), rs.getBoolean("active"),
                rs.getString("path"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static final RowMapper<WorkUnitView> WORK_UNIT = (rs, n) -> new WorkUnitView(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("retired"), rs.getLong("version"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
}
