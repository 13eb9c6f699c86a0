package ro.marc.command.org;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.org.OrgFacts.WorkUnitFact;
import ro.marc.events.text.RomanianText;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link OrgTree} over the organisation's command-side lookup ({@link OrgLookup}), in the command's
 * transaction. Names are compared by {@link RomanianText#nameKey}, as the lookup's unique indexes do.
 */
@Component
public class JdbcOrgTree implements OrgTree {

    /** pg_advisory_xact_lock key of the org tree: 'MARCORGT' as a number, shared by every node. */
    static final long TREE_LOCK = 0x4D4152434F524754L;

    private final JdbcClient jdbc;
    private final JdbcOrgFacts facts;

    public JdbcOrgTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.facts = new JdbcOrgFacts(jdbc);
    }

    @Override
    public void lock() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(TREE_LOCK).query(Integer.class).single();
    }

    @Override
    public Optional<UUID> rootId() {
        return jdbc.sql("SELECT id FROM org_unit_lookup WHERE parent_id IS NULL").query(UUID.class).optional();
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        return facts.orgUnit(id);
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, retired FROM work_unit_lookup WHERE id = ? FOR SHARE").param(id)
                .query((rs, n) -> JdbcOrgFacts.workUnit(rs)).optional();
    }

    @Override
    public Optional<String> childNamed(UUID parentId, String name, UUID except) {
        String key = RomanianText.nameKey(name);
        return jdbc.sql("""
                        SELECT name FROM org_unit_lookup
                        WHERE parent_id = :parent AND md5(name_key) = md5(:key) AND name_key = :key AND id IS DISTINCT FROM CAST(:except AS uuid)""")
                .param("parent", parentId).param("key", key).param("except", except)
                .query(String.class).optional();
    }

    @Override
    public List<String> activeChildNames(UUID id) {
        return jdbc.sql("SELECT name FROM org_unit_lookup WHERE parent_id = ? AND active").param(id)
                .query(String.class).list().stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
    }

    @Override
    public List<Named> descendantsHolding(UUID id, UUID workUnitId) {
        record Found(UUID id, String name, int level) {
        }
        return jdbc.sql("""
                        SELECT d.id, d.name, d.level
                        FROM org_unit_lookup u
                        JOIN org_unit_lookup d ON d.path LIKE u.path || '%' AND d.id <> u.id
                        JOIN org_unit_work_unit_lookup a ON a.org_unit_id = d.id AND a.work_unit_id = :workUnit
                        WHERE u.id = :id""")
                .param("id", id).param("workUnit", workUnitId)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list().stream()
                .sorted(Comparator.comparingInt(Found::level).thenComparing(Found::name, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(f -> new Named(f.id(), f.name())).toList();
    }

    @Override
    public Optional<String> workUnitNamed(String name, UUID except) {
        String key = RomanianText.nameKey(name);
        return jdbc.sql("""
                        SELECT name FROM work_unit_lookup
                        WHERE md5(name_key) = md5(:key) AND name_key = :key AND id IS DISTINCT FROM CAST(:except AS uuid)""")
                .param("key", key).param("except", except).query(String.class).optional();
    }
}
