package ro.marc.command.org;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Entities;
import ro.marc.command.common.Names;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;
import ro.marc.events.text.RomanianText;

import java.util.*;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation: the tree of org units (level 0 "MARC", 1 the ministry, 2 central
 * structures, n county structures) and the standard catalogue of work units.
 *
 * <p>One aggregate on purpose: its rules (names unique among siblings, no cycles, an org unit's
 * work units ⊆ its parent's, retired work units not assignable) span many org units, and the
 * tree changes rarely. Concurrent edits of the same org unit or work unit are detected per
 * entity through {@code expectedVersion}; the aggregate is cached so commands do not replay
 * the stream. Every handler returns the entity's version after the command (applied events
 * update the state at once, so {@code unit.version} is already the new one).
 */
@Aggregate(cache = "organisationCache", commandTargetResolver = "organisationTargetResolver")
public class Organisation {

    @AggregateIdentifier
    private String organisationId;
    private final Map<UUID, OrgUnitNode> orgUnits = new HashMap<>();
    private final Map<UUID, WorkUnitEntry> workUnits = new HashMap<>();

    protected Organisation() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Organisation(InitialiseOrganisation command) {
        String name = Names.require("rootName", command.rootName());
        apply(new OrganisationInitialised(OrganisationIds.ORGANISATION_ID, command.rootOrgUnitId()));
        apply(new OrgUnitCreated(command.rootOrgUnitId(), null, name, 0, null, 1));
    }

    // ---------------------------------------------------------------- org units

    @CommandHandler
    public long handle(CreateOrgUnit command) {
        Entities.requireNew(orgUnits, "id", command.orgUnitId(), "An org unit id is required", "Org unit");
        OrgUnitNode parent = requireOrgUnit("parentId", command.parentId());
        if (!parent.active) {
            throw CommandRejected.invalid("parentId", "PARENT_INACTIVE",
                    "'" + parent.name + "' is deactivated: no new org unit can be created under it");
        }
        String name = Names.require("name", command.name());
        requireUniqueAmongChildren(parent, name, null);
        County county = command.county();
        if (parent.county != null) {
            if (county != null && county != parent.county) {
                throw CommandRejected.invalid("county", "COUNTY_MISMATCH", "'" + parent.name + "' belongs to county "
                        + parent.county.displayName() + "; a structure under it cannot belong to " + county.displayName());
            }
            county = parent.county;
        }
        apply(new OrgUnitCreated(command.orgUnitId(), parent.id, name, parent.level + 1, county, 1));
        return 1;
    }

    @CommandHandler
    public long handle(RenameOrgUnit command) {
        OrgUnitNode unit = requireOrgUnit("id", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        String name = Names.require("name", command.name());
        if (name.equals(unit.name)) {
            return unit.version;
        }
        if (!unit.isRoot()) {
            requireUniqueAmongChildren(orgUnits.get(unit.parentId), name, unit.id);
        }
        apply(new OrgUnitRenamed(unit.id, name, unit.name, unit.version + 1));
        return unit.version;
    }

    @CommandHandler
    public long handle(MoveOrgUnit command) {
        OrgUnitNode unit = requireOrgUnit("id", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        if (unit.isRoot()) {
            throw CommandRejected.invalid("id", "ROOT_IMMOVABLE", "The root of the organisation cannot be moved");
        }
        OrgUnitNode target = requireOrgUnit("newParentId", command.newParentId());
        if (target.id.equals(unit.parentId)) {
            throw CommandRejected.invalid("newParentId", "SAME_PARENT", "'" + unit.name + "' is already under '" + target.name + "'");
        }
        if (target.id.equals(unit.id) || isInSubtreeOf(target.id, unit.id)) {
            throw CommandRejected.invalid("newParentId", "CYCLE",
                    "'" + unit.name + "' cannot be moved under itself or under one of its own sub-structures ('" + target.name + "')");
        }
        if (!target.active) {
            throw CommandRejected.invalid("newParentId", "PARENT_INACTIVE", "'" + target.name + "' is deactivated");
        }
        if (target.county != null && target.county != unit.county) {
            throw CommandRejected.invalid("newParentId", "COUNTY_MISMATCH", "'" + target.name + "' belongs to county "
                    + target.county.displayName() + "; '" + unit.name + "' does not");
        }
        requireUniqueAmongChildren(target, unit.name, unit.id);
        List<String> missing = unit.workUnits.stream().filter(wu -> !holds(target, wu))
                .map(wu -> workUnits.get(wu).name).sorted().toList();
        if (!missing.isEmpty()) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "newParentId", "WORK_UNITS_NOT_HELD_BY_PARENT",
                    "'" + target.name + "' does not hold these work units of '" + unit.name + "': " + String.join(", ", missing),
                    Map.of("missingWorkUnits", missing));
        }
        apply(new OrgUnitMoved(unit.id, unit.parentId, target.id, unit.level, target.level + 1, unit.version + 1));
        return unit.version;
    }

    @CommandHandler
    public long handle(DeactivateOrgUnit command) {
        OrgUnitNode unit = requireOrgUnit("id", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        if (unit.isRoot()) {
            throw CommandRejected.invalid("id", "ROOT_PERMANENT", "The root of the organisation cannot be deactivated");
        }
        if (!unit.active) {
            throw CommandRejected.invalid("id", "ALREADY_INACTIVE", "'" + unit.name + "' is already deactivated");
        }
        List<String> activeChildren = unit.children.stream().map(orgUnits::get).filter(c -> c.active)
                .map(c -> c.name).sorted().toList();
        if (!activeChildren.isEmpty()) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "id", "HAS_ACTIVE_CHILDREN",
                    "'" + unit.name + "' still has active sub-structures: " + String.join(", ", activeChildren)
                            + ". Deactivate or move them first.", Map.of("activeChildren", activeChildren));
        }
        apply(new OrgUnitDeactivated(unit.id, unit.version + 1));
        return unit.version;
    }

    @CommandHandler
    public long handle(ReactivateOrgUnit command) {
        OrgUnitNode unit = requireOrgUnit("id", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        if (unit.active) {
            throw CommandRejected.invalid("id", "ALREADY_ACTIVE", "'" + unit.name + "' is already active");
        }
        OrgUnitNode parent = orgUnits.get(unit.parentId);
        if (!parent.active) {
            throw CommandRejected.invalid("id", "PARENT_INACTIVE",
                    "'" + unit.name + "' cannot be reactivated while '" + parent.name + "' is deactivated");
        }
        apply(new OrgUnitReactivated(unit.id, unit.version + 1));
        return unit.version;
    }

    // ---------------------------------------------------------------- work-unit catalogue

    @CommandHandler
    public long handle(DefineWorkUnit command) {
        Entities.requireNew(workUnits, "id", command.workUnitId(), "A work unit id is required", "Work unit");
        String name = Names.require("name", command.name());
        requireUniqueWorkUnitName(name, null);
        apply(new WorkUnitDefined(command.workUnitId(), name, 1));
        return 1;
    }

    @CommandHandler
    public long handle(RenameWorkUnit command) {
        WorkUnitEntry entry = requireWorkUnit("id", command.workUnitId());
        Entities.requireVersion("Work unit", entry.id, command.expectedVersion(), entry.version);
        String name = Names.require("name", command.name());
        if (name.equals(entry.name)) {
            return entry.version;
        }
        requireUniqueWorkUnitName(name, entry.id);
        apply(new WorkUnitRenamed(entry.id, name, entry.name, entry.version + 1));
        return entry.version;
    }

    @CommandHandler
    public long handle(RetireWorkUnit command) {
        WorkUnitEntry entry = requireWorkUnit("id", command.workUnitId());
        Entities.requireVersion("Work unit", entry.id, command.expectedVersion(), entry.version);
        if (entry.retired) {
            throw CommandRejected.invalid("id", "ALREADY_RETIRED", "Work unit '" + entry.name + "' is already retired");
        }
        apply(new WorkUnitRetired(entry.id, entry.version + 1));
        return entry.version;
    }

    @CommandHandler
    public long handle(AssignWorkUnits command) {
        OrgUnitNode unit = requireOrgUnit("orgUnitId", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        if (unit.isRoot()) {
            throw CommandRejected.invalid("orgUnitId", "ROOT_HOLDS_CATALOGUE",
                    "The root holds the whole catalogue; assign work units to the ministry and below");
        }
        if (command.workUnitIds() == null || command.workUnitIds().isEmpty()) {
            throw CommandRejected.invalid("workUnitIds", "REQUIRED", "Name at least one work unit to assign");
        }
        OrgUnitNode parent = orgUnits.get(unit.parentId);
        List<UUID> toAssign = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(command.workUnitIds())) {
            WorkUnitEntry entry = requireWorkUnit("workUnitIds", id);
            if (unit.workUnits.contains(id)) {
                continue; // already held: assigning again changes nothing
            }
            if (entry.retired) {
                throw CommandRejected.invalid("workUnitIds", "WORK_UNIT_RETIRED",
                        "Work unit '" + entry.name + "' is retired and cannot be newly assigned");
            }
            if (!holds(parent, id)) {
                throw CommandRejected.invalid("workUnitIds", "NOT_HELD_BY_PARENT", "Work unit '" + entry.name
                        + "' is not assigned to the parent structure '" + parent.name + "'; assign it there first");
            }
            toAssign.add(id);
        }
        long version = unit.version;
        for (UUID id : toAssign) {
            apply(new WorkUnitAssigned(unit.id, id, ++version));
        }
        return version;
    }

    @CommandHandler
    public long handle(UnassignWorkUnit command) {
        OrgUnitNode unit = requireOrgUnit("orgUnitId", command.orgUnitId());
        Entities.requireVersion("Org unit", unit.id, command.expectedVersion(), unit.version);
        WorkUnitEntry entry = requireWorkUnit("workUnitId", command.workUnitId());
        if (!unit.workUnits.contains(entry.id)) {
            throw CommandRejected.invalid("workUnitId", "NOT_ASSIGNED",
                    "Work unit '" + entry.name + "' is not assigned to '" + unit.name + "'");
        }
        List<OrgUnitNode> users = descendants(unit, d -> d.workUnits.contains(entry.id));
        if (!users.isEmpty()) {
            List<String> names = users.stream().map(u -> u.name).toList();
            throw new CommandRejected(CommandRejected.Reason.INVALID, "workUnitId", "USED_BY_DESCENDANTS",
                    "Work unit '" + entry.name + "' is still used by sub-structures of '" + unit.name + "': "
                            + String.join(", ", names) + ". Unassign it from them first.",
                    Map.of("usedBy", users.stream().map(u -> Map.of("id", u.id.toString(), "name", u.name)).toList()));
        }
        apply(new WorkUnitUnassigned(unit.id, entry.id, unit.version + 1));
        return unit.version;
    }

    // ---------------------------------------------------------------- rules

    private OrgUnitNode requireOrgUnit(String field, UUID id) {
        return Entities.requireKnown(orgUnits, field, id, "An org unit id is required", "Org unit");
    }

    private WorkUnitEntry requireWorkUnit(String field, UUID id) {
        return Entities.requireKnown(workUnits, field, id, "A work unit id is required", "Work unit");
    }

    private void requireUniqueAmongChildren(OrgUnitNode parent, String name, UUID except) {
        String key = RomanianText.nameKey(name);
        for (UUID childId : parent.children) {
            OrgUnitNode sibling = orgUnits.get(childId);
            if (!childId.equals(except) && sibling.nameKey.equals(key)) {
                throw CommandRejected.invalid("name", "NAME_NOT_UNIQUE",
                        "'" + parent.name + "' already has a sub-structure named '" + sibling.name + "'");
            }
        }
    }

    private void requireUniqueWorkUnitName(String name, UUID except) {
        String key = RomanianText.nameKey(name);
        for (WorkUnitEntry other : workUnits.values()) {
            if (!other.id.equals(except) && RomanianText.nameKey(other.name).equals(key)) {
                throw CommandRejected.invalid("name", "NAME_NOT_UNIQUE",
                        "The catalogue already has a work unit named '" + other.name + "'");
            }
        }
    }

    /** The root implicitly holds the whole catalogue; every other unit holds what was assigned to it. */
    private boolean holds(OrgUnitNode unit, UUID workUnitId) {
        return unit.isRoot() ? workUnits.containsKey(workUnitId) : unit.workUnits.contains(workUnitId);
    }

    private boolean isInSubtreeOf(UUID candidate, UUID ancestor) {
        for (UUID cursor = orgUnits.get(candidate).parentId; cursor != null; cursor = orgUnits.get(cursor).parentId) {
            if (cursor.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private List<OrgUnitNode> descendants(OrgUnitNode unit, Predicate<OrgUnitNode> filter) {
        List<OrgUnitNode> found = new ArrayList<>();
        Deque<UUID> pending = new ArrayDeque<>(unit.children);
        while (!pending.isEmpty()) {
            OrgUnitNode node = orgUnits.get(pending.pop());
            if (filter.test(node)) {
                found.add(node);
            }
            pending.addAll(node.children);
        }
        found.sort(Comparator.comparingInt((OrgUnitNode n) -> n.level).thenComparing(n -> n.name));
        return found;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(OrganisationInitialised event) {
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(OrgUnitCreated event) {
        orgUnits.put(event.orgUnitId(), new OrgUnitNode(event.orgUnitId(), event.parentId(), event.name(),
                event.level(), event.county(), event.version()));
        if (event.parentId() != null) {
            orgUnits.get(event.parentId()).children.add(event.orgUnitId());
        }
    }

    @EventSourcingHandler
    void on(OrgUnitRenamed event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        unit.rename(event.name());
        unit.version = event.version();
    }

    @EventSourcingHandler
    void on(OrgUnitMoved event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        orgUnits.get(event.fromParentId()).children.remove(unit.id);
        orgUnits.get(event.toParentId()).children.add(unit.id);
        unit.parentId = event.toParentId();
        int shift = event.level() - event.previousLevel();
        unit.level += shift;
        descendants(unit, d -> true).forEach(d -> d.level += shift);
        unit.version = event.version();
    }

    @EventSourcingHandler
    void on(OrgUnitDeactivated event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        unit.active = false;
        unit.version = event.version();
    }

    @EventSourcingHandler
    void on(OrgUnitReactivated event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        unit.active = true;
        unit.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkUnitDefined event) {
        workUnits.put(event.workUnitId(), new WorkUnitEntry(event.workUnitId(), event.name(), event.version()));
    }

    @EventSourcingHandler
    void on(WorkUnitRenamed event) {
        WorkUnitEntry entry = workUnits.get(event.workUnitId());
        entry.name = event.name();
        entry.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkUnitRetired event) {
        WorkUnitEntry entry = workUnits.get(event.workUnitId());
        entry.retired = true;
        entry.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkUnitAssigned event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        unit.workUnits.add(event.workUnitId());
        unit.version = event.orgUnitVersion();
    }

    @EventSourcingHandler
    void on(WorkUnitUnassigned event) {
        OrgUnitNode unit = orgUnits.get(event.orgUnitId());
        unit.workUnits.remove(event.workUnitId());
        unit.version = event.orgUnitVersion();
    }
}
