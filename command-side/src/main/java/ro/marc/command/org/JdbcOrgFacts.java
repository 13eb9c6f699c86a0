package ro.marc.command.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/**
 * {@link OrgFacts} over the organisation's command-side lookup ({@link OrgLookup}): one indexed query
 * per question, in the caller's transaction (a command handler's), so it sees every committed
 * organisation event and nothing the query side has or has not projected yet.
 */
@Component
public class JdbcOrgFacts implements OrgFacts {

    static final String ORG_UNIT_COLUMNS = """
            u.id, u.name, u.parent_id, u.level, u.county, u.active, u.path,
            ARRAY(SELECT a.work_unit_id FROM org_unit_work_unit_lookup a WHERE a.org_unit_id = u.id) AS work_unit_ids""";

    private final JdbcClient jdbc;

    public JdbcOrgFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + ORG_UNIT_COLUMNS + " FROM org_unit_lookup u WHERE u.id = ?").param(id)
                .query((rs, n) -> orgUnit(rs)).optional();
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, retired FROM work_unit_lookup WHERE id = ?").param(id)
                .query((rs, n) -> workUnit(rs)).optional();
    }

    static OrgUnitFact orgUnit(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<UUID> workUnits = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("work_unit_ids").getArray()));
        return new OrgUnitFact(id, rs.getString("name"), rs.getObject("parent_id", UUID.class), rs.getInt("level"),
                OrgLookup.county(rs.getString("county")), rs.getBoolean("active"), Collections.unmodifiableSet(workUnits),
                ancestors(rs.getString("path"), id));
    }

    static WorkUnitFact workUnit(ResultSet rs) throws SQLException {
        return new WorkUnitFact(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("retired"));
    }

    /** The ids of a materialised path '/root/.../parent/id/', root first, {@code self} excluded. */
    static List<UUID> ancestors(String path, UUID self) {
        List<UUID> ancestors = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                UUID id = UUID.fromString(part);
                if (!id.equals(self)) {
                    ancestors.add(id);
                }
            }
        }
        return List.copyOf(ancestors);
    }
}
