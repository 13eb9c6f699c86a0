package ro.marc.command.org;

import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.org.OrgFacts.WorkUnitFact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the organisation's own handlers ({@link OrgUnit}, {@link WorkUnit}) ask about the tree and the
 * catalogue beyond the entity they decide: a named query over the organisation's command-side lookup
 * ({@link OrgLookup}; {@link JdbcOrgTree}), written in the transaction of every organisation event.
 *
 * <p>Structural commands (initialise, create, move, deactivate, reactivate, assign, unassign) call
 * {@link #lock()} before reading anything here: their rules read several org units (no cycles, no
 * active children under a deactivated unit, work units held by the parent), so two of them deciding
 * at once could each be right and together break the tree. Renames and the catalogue's commands need
 * no lock: their only cross-entity rule is a unique name, which the lookup's unique indexes keep.
 */
public interface OrgTree {

    /**
     * Serialises the structural commands of the whole tree until the caller's transaction ends. The
     * org tree changes rarely (a few structures a month), so one lock for all of it costs nothing and
     * keeps every rule simple.
     */
    void lock();

    /** The root org unit's id, when the organisation has been initialised. */
    Optional<UUID> rootId();

    Optional<OrgUnitFact> orgUnit(UUID id);

    /**
     * The work unit of the catalogue; its row stays share-locked until the transaction ends, so a
     * retirement committed concurrently waits for an assignment that read it as not retired.
     */
    Optional<WorkUnitFact> workUnit(UUID id);

    /** The name of the child of {@code parentId}, other than {@code except}, whose name is the same as {@code name}. */
    Optional<String> childNamed(UUID parentId, String name, UUID except);

    /** The names of the active children of the org unit, sorted. */
    List<String> activeChildNames(UUID id);

    /** The descendants of the org unit (not itself) that hold the work unit, by level, then name. */
    List<Named> descendantsHolding(UUID id, UUID workUnitId);

    /** The name of the work unit of the catalogue, other than {@code except}, whose name is the same as {@code name}. */
    Optional<String> workUnitNamed(String name, UUID except);

    record Named(UUID id, String name) {
    }
}
