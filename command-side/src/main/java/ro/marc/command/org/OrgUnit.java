package ro.marc.command.org;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Names;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.org.OrgFacts.WorkUnitFact;
import ro.marc.events.org.County;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;

import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One org unit of the organisation tree (level 0 "MARC", 1 the ministry, 2 central structures, n
 * county structures): its name, place, county, whether it is active and the work units it holds.
 *
 * <p>Rules about the unit itself are decided from its own events; rules that span org units (names
 * unique among siblings, no cycles, a parent that is active and holds the work units, no active
 * children left under a deactivated unit, a single root) from the organisation's command-side lookup
 * through {@link OrgTree}. Structural commands take the tree's lock ({@link OrgTree#lock()}) before
 * reading it; unique names are also kept by the lookup's unique indexes (a race is answered as CONFLICT).
 *
 * <p>The version a client sees is the aggregate's sequence number + 1 ({@link Versions}): 1 after the
 * creation, +1 per event about the unit (each assigned work unit is one).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class OrgUnit {

    private static final String WHAT = "Org unit";

    @AggregateIdentifier
    private String id;
    private UUID orgUnitId;
    private UUID parentId;
    private String name;
    private County county;
    private boolean active;
    private final Set<UUID> workUnits = new LinkedHashSet<>();
    /** What the creating command asked for: a retried create with the same content changes nothing. */
    private Creation creation;

    private record Creation(UUID parentId, String name, County county) {
    }

    protected OrgUnit() {
        // for Axon: rebuilt from its events, or created by the first command
    }

    // ---------------------------------------------------------------- creation

    /** The root "MARC" (level 0): only one may ever exist. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(InitialiseOrganisation command, OrgTree tree) {
        String rootName = Names.require("rootName", command.rootName());
        if (exists()) {
            return Creations.repeated(creation, new Creation(null, rootName, null), "rootOrgUnitId", orgUnitId, WHAT, 1);
        }
        Creations.requireUnused("rootOrgUnitId", command.rootOrgUnitId(), WHAT);
        tree.lock();
        Optional<UUID> root = tree.rootId();
        if (root.isPresent()) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "rootOrgUnitId", "ROOT_EXISTS",
                    "The organisation already has a root (" + root.get() + ")", Map.of("rootOrgUnitId", root.get().toString()));
        }
        apply(new OrgUnitCreated(command.rootOrgUnitId(), null, rootName, 0, null));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreateOrgUnit command, OrgTree tree) {
        if (exists()) {
            return Creations.repeated(creation, new Creation(command.parentId(), Names.require("name", command.name()),
                    inheritedCounty(tree, command.county())), "id", orgUnitId, WHAT, 1);
        }
        Creations.requireUnused("id", command.orgUnitId(), WHAT);
        tree.lock();
        OrgUnitFact parent = requireOrgUnit(tree, "parentId", command.parentId());
        if (!parent.active()) {
            throw CommandRejected.invalid("parentId", "PARENT_INACTIVE",
                    "'" + parent.name() + "' is deactivated: no new org unit can be created under it");
        }
        String newName = Names.require("name", command.name());
        requireUniqueAmongChildren(tree, parent, newName, null);
        County newCounty = command.county();
        if (parent.county() != null) {
            if (newCounty != null && newCounty != parent.county()) {
                throw CommandRejected.invalid("county", "COUNTY_MISMATCH", "'" + parent.name() + "' belongs to county "
                        + parent.county().displayName() + "; a structure under it cannot belong to " + newCounty.displayName());
            }
            newCounty = parent.county();
        }
        apply(new OrgUnitCreated(command.orgUnitId(), parent.id(), newName, parent.level() + 1, newCounty));
        return Versions.current();
    }

    /** The county a create asking for {@code asked} gave this unit: below a county structure, the parent's. */
    private County inheritedCounty(OrgTree tree, County asked) {
        if (asked == null && county != null && creation.parentId() != null) {
            return tree.orgUnit(creation.parentId()).map(OrgUnitFact::county).orElse(null);
        }
        return asked;
    }

    // ---------------------------------------------------------------- changes

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameOrgUnit command, OrgTree tree) {
        requireExists("id", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        String newName = Names.require("name", command.name());
        if (newName.equals(name)) {
            return Versions.current();
        }
        if (!isRoot()) {
            requireUniqueAmongChildren(tree, tree.orgUnit(parentId).orElseThrow(), newName, orgUnitId);
        }
        apply(new OrgUnitRenamed(orgUnitId, newName, name));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(MoveOrgUnit command, OrgTree tree) {
        requireExists("id", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        if (isRoot()) {
            throw CommandRejected.invalid("id", "ROOT_IMMOVABLE", "The root of the organisation cannot be moved");
        }
        tree.lock();
        OrgUnitFact target = requireOrgUnit(tree, "newParentId", command.newParentId());
        if (target.id().equals(parentId)) {
            throw CommandRejected.invalid("newParentId", "SAME_PARENT", "'" + name + "' is already under '" + target.name() + "'");
        }
        if (target.id().equals(orgUnitId) || target.ancestorIds().contains(orgUnitId)) {
            throw CommandRejected.invalid("newParentId", "CYCLE",
                    "'" + name + "' cannot be moved under itself or under one of its own sub-structures ('" + target.name() + "')");
        }
        if (!target.active()) {
            throw CommandRejected.invalid("newParentId", "PARENT_INACTIVE", "'" + target.name() + "' is deactivated");
        }
        if (target.county() != null && target.county() != county) {
            throw CommandRejected.invalid("newParentId", "COUNTY_MISMATCH", "'" + target.name() + "' belongs to county "
                    + target.county().displayName() + "; '" + name + "' does not");
        }
        requireUniqueAmongChildren(tree, target, name, orgUnitId);
        List<String> missing = workUnits.stream().filter(wu -> !target.holds(wu))
                .map(wu -> tree.workUnit(wu).map(WorkUnitFact::name).orElse(wu.toString())).sorted().toList();
        if (!missing.isEmpty()) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "newParentId", "WORK_UNITS_NOT_HELD_BY_PARENT",
                    "'" + target.name() + "' does not hold these work units of '" + name + "': " + String.join(", ", missing),
                    Map.of("missingWorkUnits", missing));
        }
        int level = tree.orgUnit(orgUnitId).orElseThrow().level();
        apply(new OrgUnitMoved(orgUnitId, parentId, target.id(), level, target.level() + 1));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateOrgUnit command, OrgTree tree) {
        requireExists("id", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        if (isRoot()) {
            throw CommandRejected.invalid("id", "ROOT_PERMANENT", "The root of the organisation cannot be deactivated");
        }
        if (!active) {
            throw CommandRejected.invalid("id", "ALREADY_INACTIVE", "'" + name + "' is already deactivated");
        }
        tree.lock();
        List<String> activeChildren = tree.activeChildNames(orgUnitId);
        if (!activeChildren.isEmpty()) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "id", "HAS_ACTIVE_CHILDREN",
                    "'" + name + "' still has active sub-structures: " + String.join(", ", activeChildren)
                            + ". Deactivate or move them first.", Map.of("activeChildren", activeChildren));
        }
        apply(new OrgUnitDeactivated(orgUnitId));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReactivateOrgUnit command, OrgTree tree) {
        requireExists("id", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        if (active) {
            throw CommandRejected.invalid("id", "ALREADY_ACTIVE", "'" + name + "' is already active");
        }
        tree.lock();
        OrgUnitFact parent = tree.orgUnit(parentId).orElseThrow();
        if (!parent.active()) {
            throw CommandRejected.invalid("id", "PARENT_INACTIVE",
                    "'" + name + "' cannot be reactivated while '" + parent.name() + "' is deactivated");
        }
        apply(new OrgUnitReactivated(orgUnitId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- work units

    /** All or none; each newly assigned work unit is one event (one version). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AssignWorkUnits command, OrgTree tree) {
        requireExists("orgUnitId", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        if (isRoot()) {
            throw CommandRejected.invalid("orgUnitId", "ROOT_HOLDS_CATALOGUE",
                    "The root holds the whole catalogue; assign work units to the ministry and below");
        }
        if (command.workUnitIds() == null || command.workUnitIds().isEmpty()) {
            throw CommandRejected.invalid("workUnitIds", "REQUIRED", "Name at least one work unit to assign");
        }
        tree.lock();
        OrgUnitFact parent = tree.orgUnit(parentId).orElseThrow();
        List<UUID> toAssign = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(command.workUnitIds())) {
            WorkUnitFact entry = requireWorkUnit(tree, "workUnitIds", id);
            if (workUnits.contains(id)) {
                continue; // already held: assigning again changes nothing
            }
            if (entry.retired()) {
                throw CommandRejected.invalid("workUnitIds", "WORK_UNIT_RETIRED",
                        "Work unit '" + entry.name() + "' is retired and cannot be newly assigned");
            }
            if (!parent.holds(id)) {
                throw CommandRejected.invalid("workUnitIds", "NOT_HELD_BY_PARENT", "Work unit '" + entry.name()
                        + "' is not assigned to the parent structure '" + parent.name() + "'; assign it there first");
            }
            toAssign.add(id);
        }
        toAssign.forEach(id -> apply(new WorkUnitAssigned(orgUnitId, id)));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(UnassignWorkUnit command, OrgTree tree) {
        requireExists("orgUnitId", command.orgUnitId());
        Versions.require(WHAT, orgUnitId, command.expectedVersion());
        tree.lock();
        WorkUnitFact entry = requireWorkUnit(tree, "workUnitId", command.workUnitId());
        if (!workUnits.contains(entry.id())) {
            throw CommandRejected.invalid("workUnitId", "NOT_ASSIGNED",
                    "Work unit '" + entry.name() + "' is not assigned to '" + name + "'");
        }
        List<OrgTree.Named> users = tree.descendantsHolding(orgUnitId, entry.id());
        if (!users.isEmpty()) {
            List<String> names = users.stream().map(OrgTree.Named::name).toList();
            throw new CommandRejected(CommandRejected.Reason.INVALID, "workUnitId", "USED_BY_DESCENDANTS",
                    "Work unit '" + entry.name() + "' is still used by sub-structures of '" + name + "': "
                            + String.join(", ", names) + ". Unassign it from them first.",
                    Map.of("usedBy", users.stream().map(u -> Map.of("id", u.id().toString(), "name", String.valueOf(u.name()))).toList()));
        }
        apply(new WorkUnitUnassigned(orgUnitId, entry.id()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private boolean exists() {
        return orgUnitId != null;
    }

    private boolean isRoot() {
        return parentId == null;
    }

    /** NOT_FOUND when no org unit has this id (the command reached a stream without an org unit). */
    private void requireExists(String field, UUID id) {
        if (!exists()) {
            throw CommandRejected.notFound(field, id, WHAT);
        }
    }

    private static OrgUnitFact requireOrgUnit(OrgTree tree, String field, UUID id) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "An org unit id is required");
        }
        return tree.orgUnit(id).orElseThrow(() -> CommandRejected.notFound(field, id, WHAT));
    }

    private static WorkUnitFact requireWorkUnit(OrgTree tree, String field, UUID id) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "A work unit id is required");
        }
        return tree.workUnit(id).orElseThrow(() -> CommandRejected.notFound(field, id, "Work unit"));
    }

    private static void requireUniqueAmongChildren(OrgTree tree, OrgUnitFact parent, String name, UUID except) {
        tree.childNamed(parent.id(), name, except).ifPresent(sibling -> {
            throw CommandRejected.invalid("name", "NAME_NOT_UNIQUE",
                    "'" + parent.name() + "' already has a sub-structure named '" + sibling + "'");
        });
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(OrgUnitCreated event) {
        id = event.orgUnitId().toString();
        orgUnitId = event.orgUnitId();
        parentId = event.parentId();
        name = event.name();
        county = event.county();
        active = true;
        creation = new Creation(event.parentId(), event.name(), event.county());
    }

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds no org unit).
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(OrgUnitRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrgUnitMoved event) {
        parentId = event.toParentId();
    }

    @EventSourcingHandler
    void on(OrgUnitDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(OrgUnitReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(WorkUnitAssigned event) {
        workUnits.add(event.workUnitId());
    }

    @EventSourcingHandler
    void on(WorkUnitUnassigned event) {
        workUnits.remove(event.workUnitId());
    }
}
