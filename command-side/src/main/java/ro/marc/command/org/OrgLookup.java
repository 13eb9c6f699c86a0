package ro.marc.command.org;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.org.County;
import ro.marc.events.org.event.*;
import ro.marc.events.text.RomanianText;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's command-side lookup: tables {@code org_unit_lookup} (the tree, with a materialised
 * path per unit), {@code org_unit_work_unit_lookup} (assignments) and {@code work_unit_lookup} (the
 * catalogue). {@link ro.marc.command.common.lookup.CommandLookups} applies every organisation event to
 * them in the transaction that appends the event; {@link JdbcOrgTree} and {@link JdbcOrgFacts} read them.
 *
 * <p>Races the handlers' reads cannot see are refused here by unique indexes: two sub-structures with
 * one name under one parent, two work units with one name, a second root. Such a violation happens
 * when the later of two commits writes its row; it is answered as a {@link CommandRejected} CONFLICT
 * (the command is rolled back, nothing is stored).
 *
 * <p>Every write is guarded by the entity's aggregate sequence number ({@code last_seq}): an event
 * applied twice changes nothing. The table takes whatever the event store holds (a rebuild must not
 * stop at an odd old event): an org unit whose parent is unknown gets a path of its own.
 */
@Component
public class OrgLookup implements CommandLookup {

    static final String NAME = "org";

    private static final Set<Class<?>> EVENTS = Set.of(OrgUnitCreated.class, OrgUnitRenamed.class, OrgUnitMoved.class,
            OrgUnitDeactivated.class, OrgUnitReactivated.class, WorkUnitDefined.class, WorkUnitRenamed.class,
            WorkUnitRetired.class, WorkUnitAssigned.class, WorkUnitUnassigned.class);

    private final JdbcClient jdbc;

    public OrgLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return EVENTS.contains(payloadType);
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM org_unit_work_unit_lookup").update();
        jdbc.sql("DELETE FROM org_unit_lookup").update();
        jdbc.sql("DELETE FROM work_unit_lookup").update();
    }

    @Override
    public void apply(DomainEventMessage<?> message) {
        long seq = message.getSequenceNumber();
        switch (message.getPayload()) {
            case OrgUnitCreated e -> created(e, seq);
            case OrgUnitRenamed e -> renamed(e, seq);
            case OrgUnitMoved e -> moved(e, seq);
            case OrgUnitDeactivated e -> setActive(e.orgUnitId(), false, seq);
            case OrgUnitReactivated e -> setActive(e.orgUnitId(), true, seq);
            case WorkUnitDefined e -> workUnitDefined(e, seq);
            case WorkUnitRenamed e -> workUnitRenamed(e, seq);
            case WorkUnitRetired e -> jdbc.sql("UPDATE work_unit_lookup SET retired = TRUE, last_seq = ? WHERE id = ? AND last_seq < ?")
                    .params(seq, e.workUnitId(), seq).update();
            case WorkUnitAssigned e -> {
                if (claim(e.orgUnitId(), seq)) {
                    jdbc.sql("INSERT INTO org_unit_work_unit_lookup (org_unit_id, work_unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(e.orgUnitId(), e.workUnitId()).update();
                }
            }
            case WorkUnitUnassigned e -> {
                if (claim(e.orgUnitId(), seq)) {
                    jdbc.sql("DELETE FROM org_unit_work_unit_lookup WHERE org_unit_id = ? AND work_unit_id = ?")
                            .params(e.orgUnitId(), e.workUnitId()).update();
                }
            }
            default -> {
                // not an event this lookup keeps
            }
        }
    }

    // ---------------------------------------------------------------- org units

    private record Placed(String path, int level, String name) {
    }

    private Optional<Placed> placed(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql("SELECT path, level, name FROM org_unit_lookup WHERE id = ?").param(id)
                .query((rs, n) -> new Placed(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    private void created(OrgUnitCreated e, long seq) {
        Optional<Placed> parent = placed(e.parentId());
        String path = parent.map(Placed::path).orElse(e.parentId() == null ? "/" : "/" + e.parentId() + "/") + e.orgUnitId() + "/";
        int level = parent.map(p -> p.level() + 1).orElse(e.level());
        try {
            jdbc.sql("""
                    INSERT INTO org_unit_lookup (id, parent_id, path, name, name_key, level, county, active, last_seq)
                    VALUES (:id, :parent, :path, :name, :key, :level, :county, TRUE, :seq)
                    ON CONFLICT (id) DO NOTHING""")
                    .param("id", e.orgUnitId()).param("parent", e.parentId()).param("path", path)
                    .param("name", e.name()).param("key", RomanianText.nameKey(e.name())).param("level", level)
                    .param("county", e.county() == null ? null : e.county().name()).param("seq", seq).update();
        } catch (DuplicateKeyException race) {
            throw refused(race, parent.map(Placed::name).orElse(null), e.name());
        }
    }

    private void renamed(OrgUnitRenamed e, long seq) {
        String parentName = jdbc.sql("""
                        SELECT p.name FROM org_unit_lookup u JOIN org_unit_lookup p ON p.id = u.parent_id WHERE u.id = ?""")
                .param(e.orgUnitId()).query(String.class).optional().orElse(null);
        try {
            jdbc.sql("UPDATE org_unit_lookup SET name = ?, name_key = ?, last_seq = ? WHERE id = ? AND last_seq < ?")
                    .params(e.name(), RomanianText.nameKey(e.name()), seq, e.orgUnitId(), seq).update();
        } catch (DuplicateKeyException race) {
            throw refused(race, parentName, e.name());
        }
    }

    /**
     * The moved unit and its whole subtree get the new parent's path as prefix and shift their level;
     * guarded by the moved unit's row: when the move was applied before, its subtree was too.
     * Paths hold only UUIDs and slashes, so they are LIKE patterns without escapes.
     */
    private void moved(OrgUnitMoved e, long seq) {
        Optional<Placed> unit = jdbc.sql("SELECT path, level, name FROM org_unit_lookup WHERE id = ? AND last_seq < ? FOR UPDATE")
                .params(e.orgUnitId(), seq).query((rs, n) -> new Placed(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
        if (unit.isEmpty()) {
            return;
        }
        Optional<Placed> parent = placed(e.toParentId());
        String newPath = parent.map(Placed::path).orElse("/" + e.toParentId() + "/") + e.orgUnitId() + "/";
        int newLevel = parent.map(p -> p.level() + 1).orElse(e.level());
        jdbc.sql("""
                UPDATE org_unit_lookup SET path = :newPath || substring(path FROM :oldLength + 1), level = level + :shift
                WHERE path LIKE :oldPath || '%'""")
                .param("newPath", newPath).param("oldLength", unit.get().path().length())
                .param("shift", newLevel - unit.get().level()).param("oldPath", unit.get().path()).update();
        try {
            jdbc.sql("UPDATE org_unit_lookup SET parent_id = ?, last_seq = ? WHERE id = ?")
                    .params(e.toParentId(), seq, e.orgUnitId()).update();
        } catch (DuplicateKeyException race) {
            throw refused(race, parent.map(Placed::name).orElse(null), unit.get().name());
        }
    }

    private void setActive(UUID id, boolean active, long seq) {
        jdbc.sql("UPDATE org_unit_lookup SET active = ?, last_seq = ? WHERE id = ? AND last_seq < ?")
                .params(active, seq, id, seq).update();
    }

    /** Advances the org unit's guard; false when this event was applied before (or the unit is unknown). */
    private boolean claim(UUID orgUnitId, long seq) {
        return jdbc.sql("UPDATE org_unit_lookup SET last_seq = ? WHERE id = ? AND last_seq < ?")
                .params(seq, orgUnitId, seq).update() == 1;
    }

    // ---------------------------------------------------------------- work units

    private void workUnitDefined(WorkUnitDefined e, long seq) {
        try {
            jdbc.sql("""
                    INSERT INTO work_unit_lookup (id, name, name_key, retired, last_seq) VALUES (?, ?, ?, FALSE, ?)
                    ON CONFLICT (id) DO NOTHING""")
                    .params(e.workUnitId(), e.name(), RomanianText.nameKey(e.name()), seq).update();
        } catch (DuplicateKeyException race) {
            throw refused(race, null, e.name());
        }
    }

    private void workUnitRenamed(WorkUnitRenamed e, long seq) {
        try {
            jdbc.sql("UPDATE work_unit_lookup SET name = ?, name_key = ?, last_seq = ? WHERE id = ? AND last_seq < ?")
                    .params(e.name(), RomanianText.nameKey(e.name()), seq, e.workUnitId(), seq).update();
        } catch (DuplicateKeyException race) {
            throw refused(race, null, e.name());
        }
    }

    // ---------------------------------------------------------------- races

    /**
     * A unique index refused the row: another command took the name (or made a root) and committed
     * between this command's read and its write. The transaction is aborted; the caller may retry.
     */
    private static CommandRejected refused(DuplicateKeyException race, String parentName, String name) {
        String constraint = String.valueOf(race.getMostSpecificCause().getMessage());
        if (constraint.contains("org_unit_lookup_single_root")) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "rootOrgUnitId", "ROOT_EXISTS",
                    "The organisation already has a root", Map.of());
        }
        if (constraint.contains("org_unit_lookup_sibling_name")) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "name", "NAME_NOT_UNIQUE",
                    "'" + parentName + "' already has a sub-structure named '" + name
                            + "' (given at the same moment by another change); reload and try again", Map.of());
        }
        if (constraint.contains("work_unit_lookup_name")) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "name", "NAME_NOT_UNIQUE",
                    "The catalogue already has a work unit named '" + name
                            + "' (given at the same moment by another change); reload and try again", Map.of());
        }
        throw race;
    }

    /** The county column's value as the enum (null when none). */
    static County county(String code) {
        return code == null ? null : County.valueOf(code);
    }
}
