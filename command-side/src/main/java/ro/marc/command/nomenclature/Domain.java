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
import ro.marc.events.nomenclature.command.DefineDomain;
import ro.marc.events.nomenclature.command.RenameDomain;
import ro.marc.events.nomenclature.event.DomainDefined;
import ro.marc.events.nomenclature.event.DomainRenamed;
import ro.marc.events.text.RomanianText;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A domain of activity, or a subdomain (one level only). Its rules that span domains and activities
 * are decided from the {@link NomenclatureCatalogue}: names unique among siblings (a unique index of
 * the lookup settles two at once), and G02 — a domain with activities cannot receive subdomains
 * (checked under the parent's lock, which {@code ProposeActivity} takes too).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class Domain {

    @AggregateIdentifier
    private UUID domainId;
    private UUID parentId;
    private String name;
    private DomainDefined created;

    protected Domain() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineDomain command, NomenclatureCatalogue catalogue) {
        if (created != null) {
            DomainDefined again = new DomainDefined(command.domainId(), command.parentDomainId(),
                    Names.require("name", command.name()));
            return Creations.repeated(created, again, "domainId", command.domainId(), "Domain", 1);
        }
        Creations.requireUnused("domainId", command.domainId(), "Domain");
        Entry parent = null;
        if (command.parentDomainId() != null) {
            catalogue.lockExclusive(command.parentDomainId());
            parent = catalogue.entry(command.parentDomainId()).filter(e -> e.kind() == EntryKind.DOMAIN)
                    .orElseThrow(() -> CommandRejected.notFound("parentDomainId", command.parentDomainId(), "Domain"));
            if (parent.parentId() != null) {
                throw CommandRejected.invalid("parentDomainId", "SUBDOMAIN_DEPTH",
                        "'" + parent.name() + "' is a subdomain: subdomains cannot have subdomains of their own");
            }
            int activities = catalogue.activityCount(parent.id());
            if (activities > 0) {
                throw CommandRejected.invalid("parentDomainId", "DOMAIN_IN_USE", "'" + parent.name() + "' already has "
                        + activities + " vulnerable activities associated to it: a domain with activities"
                        + " cannot receive subdomains (activities belong only to domains without subdomains)");
            }
        }
        String tidy = Names.require("name", command.name());
        requireUniqueName(catalogue, parent, tidy, null);
        apply(new DomainDefined(command.domainId(), command.parentDomainId(), tidy));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameDomain command, NomenclatureCatalogue catalogue) {
        if (created == null) {
            throw CommandRejected.notFound("domainId", command.domainId(), "Domain");
        }
        Versions.require("Domain", domainId, command.expectedVersion());
        String tidy = Names.require("name", command.name());
        if (tidy.equals(name)) {
            return Versions.current();
        }
        Entry parent = parentId == null ? null : catalogue.entry(parentId).orElse(null);
        requireUniqueName(catalogue, parent, tidy, domainId);
        apply(new DomainRenamed(domainId, tidy, name));
        return Versions.current();
    }

    /** Among the top-level domains when {@code parent} is null, else among its subdomains. */
    private static void requireUniqueName(NomenclatureCatalogue catalogue, Entry parent, String name, UUID except) {
        Entry other = catalogue.named(EntryKind.DOMAIN, parent == null ? null : parent.id(), null,
                RomanianText.nameKey(name)).orElse(null);
        if (other != null && !other.id().equals(except)) {
            throw CommandRejected.invalid("name", "DUPLICATE_NAME", (parent == null ? "There is already a domain"
                    : "'" + parent.name() + "' already has a subdomain") + " named '" + other.name() + "'");
        }
    }

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds nothing here). Existence is the creation event.
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        domainId = UUID.fromString(sourceId);
    }

    @EventSourcingHandler
    void on(DomainDefined event) {
        domainId = event.domainId();
        parentId = event.parentDomainId();
        name = event.name();
        created = event;
    }

    @EventSourcingHandler
    void on(DomainRenamed event) {
        name = event.name();
    }
}
