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
import ro.marc.events.org.command.DefineWorkUnit;
import ro.marc.events.org.command.RenameWorkUnit;
import ro.marc.events.org.command.RetireWorkUnit;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.events.org.event.WorkUnitRetired;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One work unit of the standard catalogue (e.g. "Resurse umane"). Its name is unique in the catalogue,
 * retired ones included: read from the organisation's command-side lookup ({@link OrgTree}) and kept
 * by the lookup's unique index when two commands race for one name (the later one gets CONFLICT).
 * Which org units hold it is decided by {@link OrgUnit}.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class WorkUnit {

    private static final String WHAT = "Work unit";

    @AggregateIdentifier
    private String id;
    private UUID workUnitId;
    private String name;
    private boolean retired;
    /** The name it was defined with: a retried definition with the same name changes nothing. */
    private String definedName;

    protected WorkUnit() {
        // for Axon: rebuilt from its events, or created by the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineWorkUnit command, OrgTree tree) {
        String newName = Names.require("name", command.name());
        if (workUnitId != null) {
            return Creations.repeated(definedName, newName, "id", workUnitId, WHAT, 1);
        }
        Creations.requireUnused("id", command.workUnitId(), WHAT);
        requireUniqueName(tree, newName, null);
        apply(new WorkUnitDefined(command.workUnitId(), newName));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameWorkUnit command, OrgTree tree) {
        requireExists(command.workUnitId());
        Versions.require(WHAT, workUnitId, command.expectedVersion());
        String newName = Names.require("name", command.name());
        if (newName.equals(name)) {
            return Versions.current();
        }
        requireUniqueName(tree, newName, workUnitId);
        apply(new WorkUnitRenamed(workUnitId, newName, name));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RetireWorkUnit command) {
        requireExists(command.workUnitId());
        Versions.require(WHAT, workUnitId, command.expectedVersion());
        if (retired) {
            throw CommandRejected.invalid("id", "ALREADY_RETIRED", "Work unit '" + name + "' is already retired");
        }
        apply(new WorkUnitRetired(workUnitId));
        return Versions.current();
    }

    private void requireExists(UUID id) {
        if (workUnitId == null) {
            throw CommandRejected.notFound("id", id, WHAT);
        }
    }

    private static void requireUniqueName(OrgTree tree, String name, UUID except) {
        tree.workUnitNamed(name, except).ifPresent(other -> {
            throw CommandRejected.invalid("name", "NAME_NOT_UNIQUE", "The catalogue already has a work unit named '" + other + "'");
        });
    }

    @EventSourcingHandler
    void on(WorkUnitDefined event) {
        id = event.workUnitId().toString();
        workUnitId = event.workUnitId();
        name = event.name();
        definedName = event.name();
    }

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds no work unit).
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(WorkUnitRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(WorkUnitRetired event) {
        retired = true;
    }
}
