package ro.marc.command.nomenclature;

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
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.command.DeactivateReferenceEntry;
import ro.marc.events.nomenclature.command.DefineReferenceEntry;
import ro.marc.events.nomenclature.command.RenameReferenceEntry;
import ro.marc.events.nomenclature.event.ReferenceEntryDeactivated;
import ro.marc.events.nomenclature.event.ReferenceEntryDefined;
import ro.marc.events.nomenclature.event.ReferenceEntryRenamed;
import ro.marc.events.text.RomanianText;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One entry of a reference list (act issuers, types and statuses, impact dimensions, ...). Names are
 * unique within the list, deactivated entries included (their names stay taken): decided from the
 * {@link NomenclatureCatalogue}, two at once settled by its unique index.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class ReferenceEntry {

    @AggregateIdentifier
    private UUID entryId;
    private ReferenceList list;
    private String name;
    private boolean active;
    private ReferenceEntryDefined created;

    protected ReferenceEntry() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineReferenceEntry command, NomenclatureCatalogue catalogue) {
        if (created != null) {
            return Creations.repeated(created, new ReferenceEntryDefined(command.entryId(), command.list(),
                    Names.require("name", command.name())), "entryId", command.entryId(), "Reference entry", 1);
        }
        Creations.requireUnused("entryId", command.entryId(), "Reference entry");
        if (command.list() == null) {
            throw CommandRejected.invalid("list", "REQUIRED", "Name the reference list the entry belongs to");
        }
        String tidy = Names.require("name", command.name());
        requireUniqueName(catalogue, command.list(), tidy, null);
        apply(new ReferenceEntryDefined(command.entryId(), command.list(), tidy));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameReferenceEntry command, NomenclatureCatalogue catalogue) {
        requireExists(command.entryId());
        Versions.require("Reference entry", entryId, command.expectedVersion());
        String tidy = Names.require("name", command.name());
        if (tidy.equals(name)) {
            return Versions.current();
        }
        requireUniqueName(catalogue, list, tidy, entryId);
        apply(new ReferenceEntryRenamed(entryId, list, tidy, name));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateReferenceEntry command) {
        requireExists(command.entryId());
        Versions.require("Reference entry", entryId, command.expectedVersion());
        if (!active) {
            throw CommandRejected.invalid("entryId", "ALREADY_INACTIVE", "'" + name + "' is already deactivated");
        }
        apply(new ReferenceEntryDeactivated(entryId, list));
        return Versions.current();
    }

    private void requireExists(UUID id) {
        if (created == null) {
            throw CommandRejected.notFound("entryId", id, "Reference entry");
        }
    }

    private static void requireUniqueName(NomenclatureCatalogue catalogue, ReferenceList list, String name, UUID except) {
        Entry other = catalogue.named(EntryKind.REFERENCE, null, list, RomanianText.nameKey(name)).orElse(null);
        if (other != null && !other.id().equals(except)) {
            throw CommandRejected.invalid("name", "DUPLICATE_NAME",
                    "List " + list + " already has an entry named '" + other.name() + "'");
        }
    }

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds nothing here). Existence is the creation event.
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        entryId = UUID.fromString(sourceId);
    }

    @EventSourcingHandler
    void on(ReferenceEntryDefined event) {
        entryId = event.entryId();
        list = event.list();
        name = event.name();
        active = true;
        created = event;
    }

    @EventSourcingHandler
    void on(ReferenceEntryRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ReferenceEntryDeactivated event) {
        active = false;
    }
}
