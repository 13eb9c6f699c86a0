package ro.marc.command.org;

import ro.marc.events.org.County;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the command handlers of other capabilities may ask about the organisation: a named query over
 * the organisation's command-side lookup ({@code org_unit_lookup}, {@code work_unit_lookup}), which is
 * written in the transaction of every organisation event and so is as fresh as the event store on every
 * node. Handlers take it as a parameter; aggregate tests register an in-memory implementation.
 */
public interface OrgFacts {

    /** The org unit, or empty when no org unit has this id. */
    Optional<OrgUnitFact> orgUnit(UUID id);

    /** The work unit of the catalogue, or empty when none has this id. */
    Optional<WorkUnitFact> workUnit(UUID id);

    /**
     * An org unit as the rules need it. {@code workUnitIds}: what it holds (the root implicitly holds
     * the whole catalogue: {@link #holds} says so, {@code workUnitIds} lists only what was assigned).
     * {@code ancestorIds}: root first, the unit itself excluded.
     */
    record OrgUnitFact(UUID id, String name, UUID parentId, int level, County county, boolean active,
                       Set<UUID> workUnitIds, List<UUID> ancestorIds) {

        public boolean isRoot() {
            return parentId == null;
        }

        public boolean holds(UUID workUnitId) {
            return isRoot() || workUnitIds.contains(workUnitId);
        }
    }

    record WorkUnitFact(UUID id, String name, boolean retired) {
    }
}
