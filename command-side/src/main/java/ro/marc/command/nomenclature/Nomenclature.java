package ro.marc.command.nomenclature;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Entities;
import ro.marc.command.common.Names;
import ro.marc.command.common.Texts;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.text.Excerpt;
import ro.marc.events.text.RomanianText;

import java.time.Year;
import java.time.ZoneId;
import java.util.*;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The shared nomenclatures: domains of activity (one level of subdomains), the vulnerable
 * activities with their tasks, documents and risks (proposed by members, decided by central
 * administrators), the reference lists and the regulatory causes (Anexa 5).
 *
 * <p>One aggregate on purpose (see {@link NomenclatureIds}): names unique under their parent,
 * "associate activities only to a domain without subdomains" (G02) and "decide only on a live
 * parent" span many entries. Concurrent edits are detected per entry: every domain, item,
 * reference entry and cause has its own version (1 when created, +1 per event about it), checked
 * against {@code expectedVersion}; a decision names the version of the proposal it was prepared
 * on ({@code decidedVersion}) and is refused as stale when the proposal changed since. The
 * aggregate is cached so commands do not replay the stream; every handler returns the entry's
 * version after the command (applied events update the state at once).
 *
 * <p>There is no initialising command: every handler is {@code CREATE_IF_MISSING}, so the first
 * {@link DefineDomain} or {@link DefineReferenceEntry} starts the stream, and any other command
 * on an empty stream is refused with a typed {@code NOT_FOUND}. A refused command applies
 * nothing, so nothing is stored.
 *
 * <p>Not checked here (other aggregates, checked by the API layer): that work units exist, are
 * not retired and are held by the proposer's org unit; that users and org units exist.
 *
 * <p>Deactivating an item leaves its children as they are; they can no longer be decided on or
 * receive new children, because every such step checks the whole chain of parents is live.
 */
@Aggregate(cache = "nomenclatureCache", commandTargetResolver = "nomenclatureTargetResolver")
public class Nomenclature {

    static final int MAX_TEXT_LENGTH = 4000;
    static final int MAX_REASON_LENGTH = 1000;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ATTACHMENT_REFERENCE_LENGTH = 1000;
    static final int MAX_USER_ID_LENGTH = 255;
    static final int MAX_DIGITS = 10;
    static final int FIRST_YEAR_IN_FORCE = 1864;
    private static final ZoneId ROMANIA = ZoneId.of("Europe/Bucharest");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    @AggregateIdentifier
    private String nomenclatureId;
    private final Map<UUID, DomainEntry> domains = new HashMap<>();
    /** name key → top-level domain id (subdomains are indexed by their parent). */
    private final Map<String, UUID> topDomainsByKey = new HashMap<>();
    private final Map<UUID, ItemEntry> items = new HashMap<>();
    /** name key → activity id, rejected activities left out (tasks, documents, risks are indexed by their parent). */
    private final Map<String, UUID> activitiesByKey = new HashMap<>();
    private final Map<UUID, ReferenceListEntry> referenceEntries = new HashMap<>();
    /** list → name key → entry id, inactive entries included (their names stay taken). */
    private final Map<ReferenceList, Map<String, UUID>> referenceEntriesByKey = new EnumMap<>(ReferenceList.class);
    private final Map<UUID, RegulatoryCauseEntry> causes = new HashMap<>();

    protected Nomenclature() {
        // for Axon: rebuilt from its events, or created empty by the first command
    }

    // ---------------------------------------------------------------- domains

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineDomain command) {
        Entities.requireNew(domains, "domainId", command.domainId(), "A domain id is required", "Domain");
        DomainEntry parent = null;
        if (command.parentDomainId() != null) {
            parent = requireDomain("parentDomainId", command.parentDomainId());
            if (!parent.isTopLevel()) {
                throw CommandRejected.invalid("parentDomainId", "SUBDOMAIN_DEPTH",
                        "'" + parent.name + "' is a subdomain: subdomains cannot have subdomains of their own");
            }
            if (!parent.activities.isEmpty()) {
                throw CommandRejected.invalid("parentDomainId", "DOMAIN_IN_USE", "'" + parent.name + "' already has "
                        + parent.activities.size() + " vulnerable activities associated to it: a domain with activities"
                        + " cannot receive subdomains (activities belong only to domains without subdomains)");
            }
        }
        String name = Names.require("name", command.name());
        requireUniqueDomainName(parent, name, null);
        apply(new DomainDefined(command.domainId(), command.parentDomainId(), name, 1));
        return 1;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameDomain command) {
        DomainEntry domain = requireDomain("domainId", command.domainId());
        Entities.requireVersion("Domain", domain.id, command.expectedVersion(), domain.version);
        String name = Names.require("name", command.name());
        if (name.equals(domain.name)) {
            return domain.version;
        }
        requireUniqueDomainName(domain.parentId == null ? null : domains.get(domain.parentId), name, domain.id);
        apply(new DomainRenamed(domain.id, name, domain.name, domain.version + 1));
        return domain.version;
    }

    // ---------------------------------------------------------------- proposals

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeActivity command) {
        requireNewItemId("activityId", command.activityId(), "Activity");
        String name = Names.require("name", command.name());
        String description = Texts.optional("description", command.description(), MAX_TEXT_LENGTH);
        DomainEntry domain = requireDomain("domainId", command.domainId());
        if (domain.hasSubdomains()) {
            throw CommandRejected.invalid("domainId", "DOMAIN_HAS_SUBDOMAINS", "'" + domain.name
                    + "' has subdomains: associate the activity to one of its subdomains");
        }
        List<UUID> workUnitIds = requireWorkUnits(command.workUnitIds());
        List<Attachment> attachments = requireAttachments(command.attachments());
        String proposer = requireUserId("proposerUserId", command.proposerUserId());
        requireOrgUnitId("proposerOrgUnitId", command.proposerOrgUnitId());
        requireUniqueItemName(ItemKind.ACTIVITY, null, name, null);
        apply(new ActivityProposed(command.activityId(), name, description, domain.id, workUnitIds, attachments,
                proposer, command.proposerOrgUnitId(), 1));
        return acceptAtOnce(command.approvedAtOnce(), command.activityId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeTask command) {
        requireNewItemId("taskId", command.taskId(), "Task");
        String name = Names.require("name", command.name());
        ItemEntry activity = requireLiveParent("activityId", command.activityId(), ItemKind.ACTIVITY);
        String proposer = requireUserId("proposerUserId", command.proposerUserId());
        requireOrgUnitId("proposerOrgUnitId", command.proposerOrgUnitId());
        requireUniqueItemName(ItemKind.TASK, activity.id, name, null);
        apply(new TaskProposed(command.taskId(), activity.id, name, proposer, command.proposerOrgUnitId(), 1));
        return acceptAtOnce(command.approvedAtOnce(), command.taskId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeDocument command) {
        requireNewItemId("documentId", command.documentId(), "Document");
        String name = Names.require("name", command.name());
        ItemEntry task = requireLiveParent("taskId", command.taskId(), ItemKind.TASK);
        if (command.periodicity() == null) {
            throw CommandRejected.invalid("periodicity", "REQUIRED", "Say how often the document is produced");
        }
        String proposer = requireUserId("proposerUserId", command.proposerUserId());
        requireOrgUnitId("proposerOrgUnitId", command.proposerOrgUnitId());
        requireUniqueItemName(ItemKind.DOCUMENT, task.id, name, null);
        apply(new DocumentProposed(command.documentId(), task.id, name, command.periodicity(), proposer,
                command.proposerOrgUnitId(), 1));
        return acceptAtOnce(command.approvedAtOnce(), command.documentId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeRisk command) {
        requireNewItemId("riskId", command.riskId(), "Risk");
        String name = Names.require("name", command.name());
        String description = Texts.optional("description", command.description(), MAX_TEXT_LENGTH);
        ItemEntry activity = requireLiveParent("activityId", command.activityId(), ItemKind.ACTIVITY);
        String proposer = requireUserId("proposerUserId", command.proposerUserId());
        requireOrgUnitId("proposerOrgUnitId", command.proposerOrgUnitId());
        requireUniqueItemName(ItemKind.RISK, activity.id, name, null);
        apply(new RiskProposed(command.riskId(), activity.id, name, description, proposer,
                command.proposerOrgUnitId(), 1));
        return acceptAtOnce(command.approvedAtOnce(), command.riskId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReviseProposal command) {
        ItemEntry item = requireItem(command.itemId());
        if (item.status != ItemStatus.PROPOSED) {
            throw CommandRejected.invalid("itemId", "NOT_PROPOSED", label(item) + " was already "
                    + decidedAs(item) + ": only a proposal awaiting its decision can be revised");
        }
        Entities.requireVersion(kindName(item.kind), item.id, command.expectedVersion(), item.version);
        Revision revision = revise(item, command.name(), command.description(), command.workUnitIds(),
                command.periodicity());
        if (revision == null) {
            throw CommandRejected.invalid("itemId", "NO_CHANGE", "The revision changes nothing in " + label(item));
        }
        apply(revision.event(item, false));
        return item.version;
    }

    // ---------------------------------------------------------------- decisions

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AcceptProposal command) {
        ItemEntry item = requireUndecided(command.itemId(), command.decidedVersion());
        requireLiveAncestors(item);
        apply(new ProposalAccepted(item.id, item.kind, command.decidedVersion(), item.proposerUserId, item.version + 1));
        return item.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AcceptProposalWithChanges command) {
        ItemEntry item = requireUndecided(command.itemId(), command.decidedVersion());
        requireLiveAncestors(item);
        Revision revision = revise(item, command.name(), command.description(), command.workUnitIds(),
                command.periodicity());
        if (revision != null) {
            apply(revision.event(item, true));
        }
        apply(new ProposalAccepted(item.id, item.kind, command.decidedVersion(), item.proposerUserId, item.version + 1));
        return item.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RejectProposal command) {
        ItemEntry item = requireUndecided(command.itemId(), command.decidedVersion());
        String reason = Texts.optional("reason", command.reason(), MAX_REASON_LENGTH);
        if (reason == null) {
            throw CommandRejected.invalid("reason", "REQUIRED", "Say why the proposal is rejected");
        }
        apply(new ProposalRejected(item.id, item.kind, reason, command.decidedVersion(), item.proposerUserId,
                item.version + 1));
        return item.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateItem command) {
        ItemEntry item = requireItem(command.itemId());
        if (item.status != ItemStatus.APPROVED) {
            String why = switch (item.status) {
                case PROPOSED -> "is still a proposal: reject it instead";
                case REJECTED -> "was rejected";
                case INACTIVE -> "is already deactivated";
                case APPROVED -> throw new IllegalStateException();
            };
            throw CommandRejected.invalid("itemId", "NOT_APPROVED", label(item) + " " + why
                    + "; only an approved entry can be deactivated");
        }
        Entities.requireVersion(kindName(item.kind), item.id, command.expectedVersion(), item.version);
        apply(new ItemDeactivated(item.id, item.kind, item.version + 1));
        return item.version;
    }

    // ---------------------------------------------------------------- reference lists

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineReferenceEntry command) {
        Entities.requireNew(referenceEntries, "entryId", command.entryId(), "An entry id is required", "Reference entry");
        if (command.list() == null) {
            throw CommandRejected.invalid("list", "REQUIRED", "Name the reference list the entry belongs to");
        }
        String name = Names.require("name", command.name());
        requireUniqueEntryName(command.list(), name, null);
        apply(new ReferenceEntryDefined(command.entryId(), command.list(), name, 1));
        return 1;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RenameReferenceEntry command) {
        ReferenceListEntry entry = requireReferenceEntry(command.entryId());
        Entities.requireVersion("Reference entry", entry.id, command.expectedVersion(), entry.version);
        String name = Names.require("name", command.name());
        if (name.equals(entry.name)) {
            return entry.version;
        }
        requireUniqueEntryName(entry.list, name, entry.id);
        apply(new ReferenceEntryRenamed(entry.id, entry.list, name, entry.name, entry.version + 1));
        return entry.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateReferenceEntry command) {
        ReferenceListEntry entry = requireReferenceEntry(command.entryId());
        Entities.requireVersion("Reference entry", entry.id, command.expectedVersion(), entry.version);
        if (!entry.active) {
            throw CommandRejected.invalid("entryId", "ALREADY_INACTIVE", "'" + entry.name + "' is already deactivated");
        }
        apply(new ReferenceEntryDeactivated(entry.id, entry.list, entry.version + 1));
        return entry.version;
    }

    // ---------------------------------------------------------------- regulatory causes

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddRegulatoryCause command) {
        Entities.requireNew(causes, "causeId", command.causeId(), "A cause id is required", "Regulatory cause");
        RegulatoryCauseDetails details = requireDetails(command.details(), null);
        String author = requireUserId("authorUserId", command.authorUserId());
        requireOrgUnitId("authorOrgUnitId", command.authorOrgUnitId());
        apply(new RegulatoryCauseAdded(command.causeId(), details, author, command.authorOrgUnitId(), 1));
        return 1;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EditRegulatoryCause command) {
        RegulatoryCauseEntry cause = requireCause(command.causeId());
        if (!cause.active) {
            throw CommandRejected.invalid("causeId", "INACTIVE",
                    "Regulatory cause " + cause.id + " is deactivated and can no longer be edited");
        }
        Entities.requireVersion("Regulatory cause", cause.id, command.expectedVersion(), cause.version);
        RegulatoryCauseDetails details = requireDetails(command.details(), cause.details);
        if (details.equals(cause.details)) {
            return cause.version;
        }
        apply(new RegulatoryCauseEdited(cause.id, details, cause.details, cause.version + 1));
        return cause.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateRegulatoryCause command) {
        RegulatoryCauseEntry cause = requireCause(command.causeId());
        Entities.requireVersion("Regulatory cause", cause.id, command.expectedVersion(), cause.version);
        if (!cause.active) {
            throw CommandRejected.invalid("causeId", "ALREADY_INACTIVE",
                    "Regulatory cause " + cause.id + " is already deactivated");
        }
        apply(new RegulatoryCauseDeactivated(cause.id, cause.version + 1));
        return cause.version;
    }

    // ---------------------------------------------------------------- rules: domains

    private DomainEntry requireDomain(String field, UUID id) {
        return Entities.requireKnown(domains, field, id, "A domain id is required", "Domain");
    }

    /** Among the top-level domains when {@code parent} is null, else among its subdomains. */
    private void requireUniqueDomainName(DomainEntry parent, String name, UUID except) {
        Map<String, UUID> siblings = parent == null ? topDomainsByKey : parent.subdomainsByKey;
        UUID other = siblings.get(RomanianText.nameKey(name));
        if (other != null && !other.equals(except)) {
            throw CommandRejected.invalid("name", "DUPLICATE_NAME", (parent == null ? "There is already a domain"
                    : "'" + parent.name + "' already has a subdomain") + " named '" + domains.get(other).name + "'");
        }
    }

    // ---------------------------------------------------------------- rules: items

    private void requireNewItemId(String field, UUID id, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "An id is required");
        }
        ItemEntry existing = items.get(id);
        if (existing != null) {
            throw CommandRejected.invalid(field, "DUPLICATE_ID", what + " " + id + " already exists ("
                    + kindName(existing.kind).toLowerCase(Locale.ROOT) + " '" + existing.name + "')");
        }
    }

    private ItemEntry requireItem(UUID id) {
        return Entities.requireKnown(items, "itemId", id, "An item id is required", "Nomenclature item");
    }

    /** The parent a new child goes under: of the expected kind, and it and its own parent live. */
    private ItemEntry requireLiveParent(String field, UUID id, ItemKind kind) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "The " + kindName(kind).toLowerCase(Locale.ROOT) + " is required");
        }
        ItemEntry parent = items.get(id);
        if (parent == null || parent.kind != kind) {
            throw CommandRejected.notFound(field, id, kindName(kind));
        }
        requireLiveChain(field, parent);
        return parent;
    }

    /** Accepting: the item's parent (and the parent's parent) must still be proposed or approved. */
    private void requireLiveAncestors(ItemEntry item) {
        if (item.parentId != null) {
            requireLiveChain("itemId", items.get(item.parentId));
        }
    }

    private void requireLiveChain(String field, ItemEntry parent) {
        for (ItemEntry cursor = parent; cursor != null; cursor = cursor.parentId == null ? null : items.get(cursor.parentId)) {
            if (!cursor.isLive()) {
                throw new CommandRejected(CommandRejected.Reason.INVALID, field, "PARENT_NOT_LIVE", label(cursor)
                        + " is " + cursor.status.name().toLowerCase(Locale.ROOT) + ": nothing new can be proposed"
                        + " or accepted under it", Map.of("parentId", cursor.id.toString(), "status", cursor.status.name()));
            }
        }
    }

    /** Exists, still a proposal (else CONFLICT ALREADY_DECIDED), and unchanged since the decision was prepared. */
    private ItemEntry requireUndecided(UUID id, long decidedVersion) {
        ItemEntry item = requireItem(id);
        if (item.status != ItemStatus.PROPOSED) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "itemId", "ALREADY_DECIDED",
                    label(item) + " was already " + decidedAs(item), Map.of("status", item.status.name()));
        }
        if (decidedVersion != item.version) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "decidedVersion", "STALE_DECISION",
                    label(item) + " was revised after the decision was prepared: you decided on version "
                            + decidedVersion + ", the current version is " + item.version + ". Review it again.",
                    Map.of("decidedVersion", decidedVersion, "currentVersion", item.version));
        }
        return item;
    }

    private void requireUniqueItemName(ItemKind kind, UUID parentId, String name, UUID except) {
        UUID other = siblingsOf(kind, parentId).get(RomanianText.nameKey(name));
        if (other != null && !other.equals(except)) {
            ItemEntry clash = items.get(other);
            String where = parentId == null ? "" : " under '" + items.get(parentId).name + "'";
            throw new CommandRejected(CommandRejected.Reason.INVALID, "name", "DUPLICATE_NAME", "There is already a "
                    + kindName(kind).toLowerCase(Locale.ROOT) + where + " named '" + clash.name + "' ("
                    + clash.status.name().toLowerCase(Locale.ROOT) + ")", Map.of("id", other.toString()));
        }
    }

    /** Read-only: the name index the item's siblings share (rejected items are not in it). */
    private Map<String, UUID> siblingsOf(ItemKind kind, UUID parentId) {
        return kind == ItemKind.ACTIVITY ? activitiesByKey
                : items.get(parentId).childrenByKey.getOrDefault(kind, Map.of());
    }

    /** Required, not empty, no repeats. */
    private static List<UUID> requireWorkUnits(List<UUID> workUnitIds) {
        if (workUnitIds == null || workUnitIds.isEmpty()) {
            throw CommandRejected.invalid("workUnitIds", "REQUIRED", "Name at least one work unit the activity belongs to");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : workUnitIds) {
            if (id == null) {
                throw CommandRejected.invalid("workUnitIds", "REQUIRED", "A work unit id is missing");
            }
            if (!seen.add(id)) {
                throw CommandRejected.invalid("workUnitIds", "DUPLICATE_WORK_UNIT", "Work unit " + id + " is named twice");
            }
        }
        return List.copyOf(workUnitIds);
    }

    private static List<Attachment> requireAttachments(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw CommandRejected.invalid("attachments", "TOO_MANY",
                    attachments.size() + " attachments; at most " + MAX_ATTACHMENTS + " are allowed");
        }
        List<Attachment> tidy = new ArrayList<>();
        for (Attachment attachment : attachments) {
            if (attachment == null) {
                throw CommandRejected.invalid("attachments", "REQUIRED", "An attachment is empty");
            }
            String name = Names.require("attachments", attachment.name());
            String reference = Texts.optionalLine("attachments", attachment.reference(), MAX_ATTACHMENT_REFERENCE_LENGTH);
            if (reference == null) {
                throw CommandRejected.invalid("attachments", "REQUIRED", "Say where attachment '" + name + "' is kept");
            }
            tidy.add(new Attachment(name, reference));
        }
        return List.copyOf(tidy);
    }

    /** The proposal as the given changes (null = unchanged) leave it; null when nothing changes. */
    private Revision revise(ItemEntry item, String name, String description, List<UUID> workUnitIds,
                            Periodicity periodicity) {
        String newName = item.name;
        if (name != null) {
            newName = Names.require("name", name);
            requireUniqueItemName(item.kind, item.parentId, newName, item.id);
        }
        String newDescription = item.description;
        if (description != null) {
            if (item.kind == ItemKind.TASK || item.kind == ItemKind.DOCUMENT) {
                if (!description.isBlank()) {
                    throw CommandRejected.invalid("description", "NOT_APPLICABLE",
                            "A " + kindName(item.kind).toLowerCase(Locale.ROOT) + " has no description");
                }
            } else {
                newDescription = Texts.optional("description", description, MAX_TEXT_LENGTH);
            }
        }
        List<UUID> newWorkUnits = item.workUnitIds;
        if (workUnitIds != null) {
            if (item.kind == ItemKind.ACTIVITY) {
                newWorkUnits = requireWorkUnits(workUnitIds);
            } else if (!workUnitIds.isEmpty()) {
                throw CommandRejected.invalid("workUnitIds", "NOT_APPLICABLE", "Only an activity has work units");
            }
        }
        Periodicity newPeriodicity = item.periodicity;
        if (periodicity != null) {
            if (item.kind != ItemKind.DOCUMENT) {
                throw CommandRejected.invalid("periodicity", "NOT_APPLICABLE", "Only a document has a periodicity");
            }
            newPeriodicity = periodicity;
        }
        Revision revision = new Revision(newName, newDescription, newWorkUnits, newPeriodicity);
        return revision.equals(new Revision(item.name, item.description, item.workUnitIds, item.periodicity))
                ? null : revision;
    }

    private record Revision(String name, String description, List<UUID> workUnitIds, Periodicity periodicity) {

        ProposalRevised event(ItemEntry item, boolean byAdministrator) {
            return new ProposalRevised(item.id, item.kind, name, description, workUnitIds, periodicity,
                    byAdministrator, item.version + 1);
        }
    }

    private long acceptAtOnce(boolean approvedAtOnce, UUID itemId) {
        ItemEntry item = items.get(itemId);
        if (approvedAtOnce) {
            apply(new ProposalAccepted(item.id, item.kind, item.version, item.proposerUserId, item.version + 1));
        }
        return item.version;
    }

    private static String kindName(ItemKind kind) {
        return switch (kind) {
            case ACTIVITY -> "Activity";
            case TASK -> "Task";
            case DOCUMENT -> "Document";
            case RISK -> "Risk";
        };
    }

    private static String label(ItemEntry item) {
        return kindName(item.kind) + " '" + item.name + "'";
    }

    private static String decidedAs(ItemEntry item) {
        return switch (item.status) {
            case APPROVED -> "accepted";
            case REJECTED -> "rejected";
            case INACTIVE -> "accepted (and has since been deactivated)";
            case PROPOSED -> "proposed";
        };
    }

    // ---------------------------------------------------------------- rules: reference lists

    private ReferenceListEntry requireReferenceEntry(UUID id) {
        return Entities.requireKnown(referenceEntries, "entryId", id, "An entry id is required", "Reference entry");
    }

    private void requireUniqueEntryName(ReferenceList list, String name, UUID except) {
        UUID other = referenceEntriesByKey.getOrDefault(list, Map.of()).get(RomanianText.nameKey(name));
        if (other != null && !other.equals(except)) {
            throw CommandRejected.invalid("name", "DUPLICATE_NAME",
                    "List " + list + " already has an entry named '" + referenceEntries.get(other).name + "'");
        }
    }

    // ---------------------------------------------------------------- rules: regulatory causes

    private RegulatoryCauseEntry requireCause(UUID id) {
        return Entities.requireKnown(causes, "causeId", id, "A cause id is required", "Regulatory cause");
    }

    /**
     * The Anexa 5 fields, checked in the form's order and returned tidied. References must be
     * live when newly used: an activity, work unit or reference entry the cause already named
     * ({@code previous}) stays acceptable after it was deactivated ("kept where already used").
     */
    private RegulatoryCauseDetails requireDetails(RegulatoryCauseDetails details, RegulatoryCauseDetails previous) {
        if (details == null) {
            throw CommandRejected.invalid("details", "REQUIRED", "The details of the regulatory cause are required");
        }
        requireId("details.workUnitId", details.workUnitId(), "The work unit");
        requireId("details.activityId", details.activityId(), "The vulnerable activity");
        requireId("details.issuerId", details.issuerId(), "The issuer of the act");
        requireId("details.actTypeId", details.actTypeId(), "The type of the act");
        String actNumber = requireDigits("details.actNumber", details.actNumber(), "The number of the act");
        int thisYear = Year.now(ROMANIA).getValue();
        if (details.yearInForce() < FIRST_YEAR_IN_FORCE || details.yearInForce() > thisYear + 1) {
            throw CommandRejected.invalid("details.yearInForce", "OUT_OF_RANGE", "The year " + details.yearInForce()
                    + " is not between " + FIRST_YEAR_IN_FORCE + " and " + (thisYear + 1));
        }
        requireId("details.actStatusId", details.actStatusId(), "The status of the act");
        String actTitle = requiredText("details.actTitle", details.actTitle());
        String articleNumber = requireDigits("details.articleNumber", details.articleNumber(), "The article number");
        String additionalInfo = Texts.optional("details.additionalInfo", details.additionalInfo(), MAX_TEXT_LENGTH);
        String extract = requiredText("details.extract", details.extract());
        String corruptionFactors = requiredText("details.corruptionFactors", details.corruptionFactors());
        String corruptionThreats = requiredText("details.corruptionThreats", details.corruptionThreats());
        String recommendations = requiredText("details.recommendations", details.recommendations());
        String proposedText = Texts.optional("details.proposedText", details.proposedText(), MAX_TEXT_LENGTH);

        ItemEntry activity = items.get(details.activityId());
        if (activity == null || activity.kind != ItemKind.ACTIVITY) {
            throw CommandRejected.notFound("details.activityId", details.activityId(), "Activity");
        }
        boolean sameActivity = previous != null && previous.activityId().equals(activity.id)
                && previous.workUnitId().equals(details.workUnitId());
        if (!sameActivity && !activity.isLive()) {
            throw CommandRejected.invalid("details.activityId", "ACTIVITY_NOT_LIVE", label(activity) + " is "
                    + activity.status.name().toLowerCase(Locale.ROOT) + " and cannot be chosen for a regulatory cause");
        }
        if (!sameActivity && !activity.workUnitIds.contains(details.workUnitId())) {
            throw CommandRejected.invalid("details.workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY",
                    label(activity) + " does not belong to work unit " + details.workUnitId());
        }
        requireListEntry("details.issuerId", details.issuerId(), ReferenceList.ACT_ISSUER,
                previous == null ? null : previous.issuerId());
        requireListEntry("details.actTypeId", details.actTypeId(), ReferenceList.ACT_TYPE,
                previous == null ? null : previous.actTypeId());
        requireListEntry("details.actStatusId", details.actStatusId(), ReferenceList.ACT_STATUS,
                previous == null ? null : previous.actStatusId());
        return new RegulatoryCauseDetails(details.workUnitId(), activity.id, details.issuerId(), details.actTypeId(),
                actNumber, details.yearInForce(), details.actStatusId(), actTitle, articleNumber, additionalInfo,
                extract, corruptionFactors, corruptionThreats, recommendations, proposedText);
    }

    private void requireListEntry(String field, UUID id, ReferenceList list, UUID previousId) {
        ReferenceListEntry entry = referenceEntries.get(id);
        if (entry == null) {
            throw CommandRejected.notFound(field, id, "Reference entry");
        }
        if (entry.list != list) {
            throw CommandRejected.invalid(field, "WRONG_LIST",
                    "'" + entry.name + "' is an entry of " + entry.list + ", not of " + list);
        }
        if (!entry.active && !id.equals(previousId)) {
            throw CommandRejected.invalid(field, "INACTIVE_ENTRY",
                    "'" + entry.name + "' is deactivated and cannot be newly chosen");
        }
    }

    private static void requireId(String field, UUID id, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
    }

    /** Required, digits only, at most ten of them; surrounding white space dropped. */
    private static String requireDigits(String field, String value, String what) {
        String tidy = value == null ? "" : value.strip();
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
        if (!DIGITS.matcher(tidy).matches()) {
            throw CommandRejected.invalid(field, "DIGITS_ONLY", what + " must contain digits only, not " + Excerpt.quoted(tidy));
        }
        if (tidy.length() > MAX_DIGITS) {
            throw CommandRejected.invalid(field, "TOO_LONG",
                    what + " has " + tidy.length() + " digits; at most " + MAX_DIGITS + " are allowed");
        }
        return tidy;
    }

    // ---------------------------------------------------------------- rules: shared

    private static String requireUserId(String field, String value) {
        String tidy = value == null ? "" : Texts.identifier(field, value);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "A user id is required");
        }
        if (tidy.length() > MAX_USER_ID_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The user id has " + tidy.length()
                    + " characters; at most " + MAX_USER_ID_LENGTH + " are allowed");
        }
        return tidy;
    }

    private static void requireOrgUnitId(String field, UUID id) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "An org unit id is required");
        }
    }

    private static String requiredText(String field, String value) {
        String tidy = Texts.optional(field, value, MAX_TEXT_LENGTH);
        if (tidy == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "This text is required");
        }
        return tidy;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(DomainDefined event) {
        nomenclatureId = NomenclatureIds.NOMENCLATURE_ID; // a domain or a reference entry starts the stream
        DomainEntry domain = new DomainEntry(event.domainId(), event.parentDomainId(), event.name(), event.version());
        domains.put(domain.id, domain);
        domainSiblings(domain).put(domain.nameKey, domain.id);
    }

    @EventSourcingHandler
    void on(DomainRenamed event) {
        DomainEntry domain = domains.get(event.domainId());
        Map<String, UUID> siblings = domainSiblings(domain);
        siblings.remove(domain.nameKey, domain.id);
        domain.rename(event.name());
        siblings.put(domain.nameKey, domain.id);
        domain.version = event.version();
    }

    @EventSourcingHandler
    void on(ActivityProposed event) {
        ItemEntry item = new ItemEntry(event.activityId(), ItemKind.ACTIVITY, null, event.domainId(), event.name(),
                event.description(), event.workUnitIds(), null, event.proposerUserId(), event.version());
        items.put(item.id, item);
        activitiesByKey.put(item.nameKey, item.id);
        domains.get(item.domainId).activities.add(item.id);
    }

    @EventSourcingHandler
    void on(TaskProposed event) {
        addChild(new ItemEntry(event.taskId(), ItemKind.TASK, event.activityId(), null, event.name(), null, List.of(),
                null, event.proposerUserId(), event.version()));
    }

    @EventSourcingHandler
    void on(DocumentProposed event) {
        addChild(new ItemEntry(event.documentId(), ItemKind.DOCUMENT, event.taskId(), null, event.name(), null,
                List.of(), event.periodicity(), event.proposerUserId(), event.version()));
    }

    @EventSourcingHandler
    void on(RiskProposed event) {
        addChild(new ItemEntry(event.riskId(), ItemKind.RISK, event.activityId(), null, event.name(),
                event.description(), List.of(), null, event.proposerUserId(), event.version()));
    }

    @EventSourcingHandler
    void on(ProposalRevised event) {
        ItemEntry item = items.get(event.itemId());
        Map<String, UUID> siblings = itemSiblings(item);
        siblings.remove(item.nameKey, item.id);
        item.rename(event.name());
        siblings.put(item.nameKey, item.id);
        item.description = event.description();
        item.workUnitIds = event.workUnitIds() == null ? List.of() : List.copyOf(event.workUnitIds());
        item.periodicity = event.periodicity();
        item.version = event.version();
    }

    @EventSourcingHandler
    void on(ProposalAccepted event) {
        ItemEntry item = items.get(event.itemId());
        item.status = ItemStatus.APPROVED;
        item.version = event.version();
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        ItemEntry item = items.get(event.itemId());
        item.status = ItemStatus.REJECTED;
        item.version = event.version();
        itemSiblings(item).remove(item.nameKey, item.id);
        if (item.kind == ItemKind.ACTIVITY) {
            domains.get(item.domainId).activities.remove(item.id);
        }
    }

    @EventSourcingHandler
    void on(ItemDeactivated event) {
        ItemEntry item = items.get(event.itemId());
        item.status = ItemStatus.INACTIVE;
        item.version = event.version();
    }

    @EventSourcingHandler
    void on(ReferenceEntryDefined event) {
        nomenclatureId = NomenclatureIds.NOMENCLATURE_ID; // a domain or a reference entry starts the stream
        ReferenceListEntry entry = new ReferenceListEntry(event.entryId(), event.list(), event.name(), event.version());
        referenceEntries.put(entry.id, entry);
        referenceEntriesByKey.computeIfAbsent(entry.list, l -> new HashMap<>()).put(entry.nameKey, entry.id);
    }

    @EventSourcingHandler
    void on(ReferenceEntryRenamed event) {
        ReferenceListEntry entry = referenceEntries.get(event.entryId());
        Map<String, UUID> siblings = referenceEntriesByKey.get(entry.list);
        siblings.remove(entry.nameKey, entry.id);
        entry.rename(event.name());
        siblings.put(entry.nameKey, entry.id);
        entry.version = event.version();
    }

    @EventSourcingHandler
    void on(ReferenceEntryDeactivated event) {
        ReferenceListEntry entry = referenceEntries.get(event.entryId());
        entry.active = false;
        entry.version = event.version();
    }

    @EventSourcingHandler
    void on(RegulatoryCauseAdded event) {
        causes.put(event.causeId(), new RegulatoryCauseEntry(event.causeId(), event.details(), event.version()));
    }

    @EventSourcingHandler
    void on(RegulatoryCauseEdited event) {
        RegulatoryCauseEntry cause = causes.get(event.causeId());
        cause.details = event.details();
        cause.version = event.version();
    }

    @EventSourcingHandler
    void on(RegulatoryCauseDeactivated event) {
        RegulatoryCauseEntry cause = causes.get(event.causeId());
        cause.active = false;
        cause.version = event.version();
    }

    private Map<String, UUID> domainSiblings(DomainEntry domain) {
        return domain.parentId == null ? topDomainsByKey : domains.get(domain.parentId).subdomainsByKey;
    }

    private void addChild(ItemEntry item) {
        items.put(item.id, item);
        items.get(item.parentId).children(item.kind).put(item.nameKey, item.id);
    }

    /** Writable: the name index the item's siblings share. */
    private Map<String, UUID> itemSiblings(ItemEntry item) {
        return item.kind == ItemKind.ACTIVITY ? activitiesByKey : items.get(item.parentId).children(item.kind);
    }
}
