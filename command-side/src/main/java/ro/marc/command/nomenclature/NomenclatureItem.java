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
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.nomenclature.Actor;
import ro.marc.events.nomenclature.Attachment;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static ro.marc.command.nomenclature.NomenclatureRules.*;

/**
 * One entry of the vulnerable-activity tree — an activity, a task, a document or a risk — with its
 * own proposal lifecycle: proposed (and revised by its proposer), accepted (possibly with the
 * administrator's changes) or rejected, and, once approved, deactivated. The item is the consistency
 * boundary: its version (sequence number + 1) is what {@code expectedVersion} and {@code decidedVersion}
 * are checked against.
 *
 * <p>Rules about other entries are decided from the {@link NomenclatureCatalogue} and {@link OrgFacts}:
 * a parent that exists, that the proposer may see and use (it shares a work unit with their structure)
 * and whose chain of parents is live; names unique among the siblings of the same kind (a unique index
 * settles two at once); G02 (an activity only under a domain without subdomains, under the domain's
 * lock); work units held by the proposer's structure. Deactivating an item leaves its children as they
 * are: nothing new can be proposed or accepted under it, because every such step checks the chain.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class NomenclatureItem {

    @AggregateIdentifier
    private UUID itemId;
    private ItemKind kind;
    /** The activity of a task or risk, the task of a document; null for an activity. */
    private UUID parentId;
    /** The structure the proposal was made for: a revision's work units must be held there. */
    private UUID proposerOrgUnitId;
    private String name;
    /** An activity's or risk's description, a task's description, a document's content (§3.1 b, c). */
    private String description;
    /** Activities only; empty otherwise. */
    private List<UUID> workUnitIds = List.of();
    /** Documents only. */
    private Periodicity periodicity;
    private String proposerUserId;
    private ItemStatus status;
    /**
     * The creation events (the proposal, and {@link ProposalDescribed} when a task or document came with a
     * text), and whether the next event accepted it: what a repeated proposal is compared with.
     */
    private List<Object> created = List.of();
    private boolean acceptedFirst;
    private int events;

    protected NomenclatureItem() {
        // for Axon
    }

    // ---------------------------------------------------------------- proposals

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeActivity command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        Actor proposer = requireActor("proposer", command.proposer());
        requireStructureOfCounties(org, proposer);
        if (!created.isEmpty()) {
            return repeated(List.of(new ActivityProposed(command.activityId(), Names.require("name", command.name()),
                    Texts.optional("description", command.description(), MAX_TEXT_LENGTH), command.domainId(),
                    requireWorkUnits(command.workUnitIds()), requireAttachments(command.attachments()),
                    proposer.userId(), proposer.orgUnitId())), command.approvedAtOnce(), "activityId", command.activityId());
        }
        Creations.requireUnused("activityId", command.activityId(), "Activity");
        if (command.workUnitIds() != null) {
            requireWorkUnitsHeld(org, plans, proposer, "workUnitIds", command.workUnitIds());
        }
        String tidy = Names.require("name", command.name());
        String tidyDescription = Texts.optional("description", command.description(), MAX_TEXT_LENGTH);
        if (command.domainId() == null) {
            throw CommandRejected.invalid("domainId", "REQUIRED", "A domain id is required");
        }
        catalogue.lockExclusive(command.domainId());
        Entry domain = catalogue.entry(command.domainId()).filter(e -> e.kind() == EntryKind.DOMAIN)
                .orElseThrow(() -> CommandRejected.notFound("domainId", command.domainId(), "Domain"));
        if (catalogue.hasSubdomains(domain.id())) {
            throw CommandRejected.invalid("domainId", "DOMAIN_HAS_SUBDOMAINS", "'" + domain.name()
                    + "' has subdomains: associate the activity to one of its subdomains");
        }
        List<UUID> workUnits = requireWorkUnits(command.workUnitIds());
        List<Attachment> attachments = requireAttachments(command.attachments());
        requireUniqueItemName(catalogue, ItemKind.ACTIVITY, null, tidy, null);
        apply(new ActivityProposed(command.activityId(), tidy, tidyDescription, domain.id(), workUnits, attachments,
                proposer.userId(), proposer.orgUnitId()));
        return acceptAtOnce(command.approvedAtOnce());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeTask command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        Actor proposer = requireActor("proposer", command.proposer());
        requireStructureOfCounties(org, proposer);
        if (!created.isEmpty()) {
            return repeated(creation(new TaskProposed(command.taskId(), command.activityId(), Names.require("name", command.name()),
                            proposer.userId(), proposer.orgUnitId()), command.taskId(), ItemKind.TASK,
                            Texts.optional("description", command.description(), MAX_TEXT_LENGTH)),
                    command.approvedAtOnce(), "taskId", command.taskId());
        }
        Creations.requireUnused("taskId", command.taskId(), "Task");
        Entry activity = requireParent(catalogue, "activityId", command.activityId(), ItemKind.ACTIVITY);
        requireUsable(catalogue, org, plans, proposer, "activityId", activity);
        String tidy = Names.require("name", command.name());
        String tidyDescription = Texts.optional("description", command.description(), MAX_TEXT_LENGTH);
        requireLiveChain(catalogue, "activityId", activity);
        requireUniqueItemName(catalogue, ItemKind.TASK, activity, tidy, null);
        creation(new TaskProposed(command.taskId(), activity.id(), tidy, proposer.userId(), proposer.orgUnitId()),
                command.taskId(), ItemKind.TASK, tidyDescription).forEach(e -> apply(e));
        return acceptAtOnce(command.approvedAtOnce());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeDocument command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        Actor proposer = requireActor("proposer", command.proposer());
        requireStructureOfCounties(org, proposer);
        if (!created.isEmpty()) {
            return repeated(creation(new DocumentProposed(command.documentId(), command.taskId(),
                            Names.require("name", command.name()), command.periodicity(), proposer.userId(),
                            proposer.orgUnitId()), command.documentId(), ItemKind.DOCUMENT,
                            Texts.optional("content", command.content(), MAX_TEXT_LENGTH)),
                    command.approvedAtOnce(), "documentId", command.documentId());
        }
        Creations.requireUnused("documentId", command.documentId(), "Document");
        Entry task = requireParent(catalogue, "taskId", command.taskId(), ItemKind.TASK);
        requireUsable(catalogue, org, plans, proposer, "taskId", task);
        String tidy = Names.require("name", command.name());
        String tidyContent = Texts.optional("content", command.content(), MAX_TEXT_LENGTH);
        requireLiveChain(catalogue, "taskId", task);
        if (command.periodicity() == null) {
            throw CommandRejected.invalid("periodicity", "REQUIRED", "Say how often the document is produced");
        }
        requireUniqueItemName(catalogue, ItemKind.DOCUMENT, task, tidy, null);
        creation(new DocumentProposed(command.documentId(), task.id(), tidy, command.periodicity(), proposer.userId(),
                proposer.orgUnitId()), command.documentId(), ItemKind.DOCUMENT, tidyContent).forEach(e -> apply(e));
        return acceptAtOnce(command.approvedAtOnce());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeRisk command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        Actor proposer = requireActor("proposer", command.proposer());
        requireStructureOfCounties(org, proposer);
        if (!created.isEmpty()) {
            return repeated(List.of(new RiskProposed(command.riskId(), command.activityId(), Names.require("name", command.name()),
                    Texts.optional("description", command.description(), MAX_TEXT_LENGTH), proposer.userId(),
                    proposer.orgUnitId())), command.approvedAtOnce(), "riskId", command.riskId());
        }
        Creations.requireUnused("riskId", command.riskId(), "Risk");
        Entry activity = requireParent(catalogue, "activityId", command.activityId(), ItemKind.ACTIVITY);
        requireUsable(catalogue, org, plans, proposer, "activityId", activity);
        String tidy = Names.require("name", command.name());
        String tidyDescription = Texts.optional("description", command.description(), MAX_TEXT_LENGTH);
        requireLiveChain(catalogue, "activityId", activity);
        requireUniqueItemName(catalogue, ItemKind.RISK, activity, tidy, null);
        apply(new RiskProposed(command.riskId(), activity.id(), tidy, tidyDescription, proposer.userId(),
                proposer.orgUnitId()));
        return acceptAtOnce(command.approvedAtOnce());
    }

    /** Only its proposer revises a proposal (administrators use {@link AcceptProposalWithChanges}). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReviseProposal command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        requireExists(command.itemId());
        Actor reviser = requireActor("reviser", command.reviser());
        if (!reviser.userId().equals(proposerUserId)) {
            throw CommandRejected.forbidden("itemId", "NOT_PROPOSER", itemId,
                    label() + " was proposed by someone else: only its proposer revises a proposal");
        }
        if (command.workUnitIds() != null) {
            // held by the structure the proposal was made for (a territorial administrator acts for one of their county)
            Actor forTheProposal = new Actor(reviser.userId(), proposerOrgUnitId == null ? reviser.orgUnitId() : proposerOrgUnitId,
                    reviser.national(), reviser.seesAllProposals(), reviser.counties(), reviser.forCounty());
            requireWorkUnitsHeld(org, plans, forTheProposal, "workUnitIds", command.workUnitIds());
        }
        if (status != ItemStatus.PROPOSED) {
            throw CommandRejected.invalid("itemId", "NOT_PROPOSED", label() + " was already "
                    + decidedAs() + ": only a proposal awaiting its decision can be revised");
        }
        Versions.require(kindName(kind), itemId, command.expectedVersion());
        ProposalRevised revision = revise(catalogue, command.name(), command.description(), command.workUnitIds(),
                command.periodicity(), false);
        if (revision == null) {
            throw CommandRejected.invalid("itemId", "NO_CHANGE", "The revision changes nothing in " + label());
        }
        apply(revision);
        return Versions.current();
    }

    // ---------------------------------------------------------------- decisions

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AcceptProposal command, NomenclatureCatalogue catalogue) {
        requireUndecided(command.itemId(), command.decidedVersion());
        requireLiveAncestors(catalogue);
        apply(new ProposalAccepted(itemId, kind, command.decidedVersion(), proposerUserId));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AcceptProposalWithChanges command, NomenclatureCatalogue catalogue) {
        requireUndecided(command.itemId(), command.decidedVersion());
        requireLiveAncestors(catalogue);
        ProposalRevised revision = revise(catalogue, command.name(), command.description(), command.workUnitIds(),
                command.periodicity(), true);
        if (revision != null) {
            apply(revision);
        }
        apply(new ProposalAccepted(itemId, kind, command.decidedVersion(), proposerUserId));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RejectProposal command, NomenclatureCatalogue catalogue) {
        requireUndecided(command.itemId(), command.decidedVersion());
        String reason = Texts.optional("reason", command.reason(), MAX_REASON_LENGTH);
        if (reason == null) {
            throw CommandRejected.invalid("reason", "REQUIRED", "Say why the proposal is rejected");
        }
        catalogue.lockExclusive(itemId); // no child is proposed or accepted under it while it leaves
        apply(new ProposalRejected(itemId, kind, reason, command.decidedVersion(), proposerUserId));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateItem command, NomenclatureCatalogue catalogue) {
        requireExists(command.itemId());
        if (status != ItemStatus.APPROVED) {
            String why = switch (status) {
                case PROPOSED -> "is still a proposal: reject it instead";
                case REJECTED -> "was rejected";
                case INACTIVE -> "is already deactivated";
                case APPROVED -> throw new IllegalStateException();
            };
            throw CommandRejected.invalid("itemId", "NOT_APPROVED", label() + " " + why
                    + "; only an approved entry can be deactivated");
        }
        Versions.require(kindName(kind), itemId, command.expectedVersion());
        catalogue.lockExclusive(itemId);
        apply(new ItemDeactivated(itemId, kind));
        return Versions.current();
    }

    /**
     * A central administrator corrects an approved entry (UCA 8, 14): the same fields a revision names,
     * names still unique among its siblings; kept in its history and told to its proposer.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectApprovedItem command, NomenclatureCatalogue catalogue) {
        requireExists(command.itemId());
        if (status != ItemStatus.APPROVED) {
            throw CommandRejected.invalid("itemId", "NOT_APPROVED", label() + " is " + status.name().toLowerCase(Locale.ROOT)
                    + ": only an approved entry is corrected (a proposal is revised, or accepted with changes)");
        }
        Versions.require(kindName(kind), itemId, command.expectedVersion());
        ProposalRevised corrected = revise(catalogue, command.name(), command.description(), command.workUnitIds(),
                command.periodicity(), true);
        if (corrected == null) {
            throw CommandRejected.invalid("itemId", "NO_CHANGE", "The correction changes nothing in " + label());
        }
        apply(new ApprovedItemCorrected(itemId, kind, corrected.name(), corrected.description(), corrected.workUnitIds(),
                corrected.periodicity(), name, proposerUserId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private void requireExists(UUID id) {
        if (created.isEmpty()) {
            throw CommandRejected.notFound("itemId", id, "Nomenclature item");
        }
    }

    /** Exists, still a proposal (else CONFLICT ALREADY_DECIDED), and unchanged since the decision was prepared. */
    private void requireUndecided(UUID id, long decidedVersion) {
        requireExists(id);
        if (status != ItemStatus.PROPOSED) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "itemId", "ALREADY_DECIDED",
                    label() + " was already " + decidedAs(), Map.of("status", status.name()));
        }
        long version = Versions.current();
        if (decidedVersion != version) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "decidedVersion", "STALE_DECISION",
                    label() + " was revised after the decision was prepared: you decided on version "
                            + decidedVersion + ", the current version is " + version + ". Review it again.",
                    Map.of("decidedVersion", decidedVersion, "currentVersion", version));
        }
    }

    /** Accepting: the item's parent (and the parent's parent) must still be proposed or approved. */
    private void requireLiveAncestors(NomenclatureCatalogue catalogue) {
        if (parentId != null) {
            catalogue.lockShared(parentId);
            Entry parent = catalogue.entry(parentId).orElse(null);
            if (parent != null) {
                requireLiveChain(catalogue, "itemId", parent);
            }
        }
    }

    /** The proposal as the given changes (null = unchanged) leave it; null when nothing changes. */
    private ProposalRevised revise(NomenclatureCatalogue catalogue, String newName, String newDescription,
                                   List<UUID> newWorkUnitIds, Periodicity newPeriodicity, boolean byAdministrator) {
        String revisedName = name;
        if (newName != null) {
            revisedName = Names.require("name", newName);
            if (!revisedName.equals(name)) {
                Entry parent = parentId == null ? null : catalogue.entry(parentId).orElse(null);
                requireUniqueItemName(catalogue, kind, parent, revisedName, itemId);
            }
        }
        String revisedDescription = description;
        if (newDescription != null) { // a document's content (§3.1 c) is its description; blank clears it
            revisedDescription = Texts.optional("description", newDescription, MAX_TEXT_LENGTH);
        }
        List<UUID> revisedWorkUnits = workUnitIds;
        if (newWorkUnitIds != null) {
            if (kind == ItemKind.ACTIVITY) {
                revisedWorkUnits = requireWorkUnits(newWorkUnitIds);
            } else if (!newWorkUnitIds.isEmpty()) {
                throw CommandRejected.invalid("workUnitIds", "NOT_APPLICABLE", "Only an activity has work units");
            }
        }
        Periodicity revisedPeriodicity = periodicity;
        if (newPeriodicity != null) {
            if (kind != ItemKind.DOCUMENT) {
                throw CommandRejected.invalid("periodicity", "NOT_APPLICABLE", "Only a document has a periodicity");
            }
            revisedPeriodicity = newPeriodicity;
        }
        if (revisedName.equals(name) && java.util.Objects.equals(revisedDescription, description)
                && revisedWorkUnits.equals(workUnitIds) && revisedPeriodicity == periodicity) {
            return null;
        }
        return new ProposalRevised(itemId, kind, revisedName, revisedDescription, revisedWorkUnits, revisedPeriodicity,
                byAdministrator);
    }

    private long acceptAtOnce(boolean approvedAtOnce) {
        if (approvedAtOnce) {
            apply(new ProposalAccepted(itemId, kind, Versions.current(), proposerUserId));
        }
        return Versions.current();
    }

    /** A task's or document's proposal: the proposal, then its text when it has one (the released event keeps its shape). */
    private static List<Object> creation(Object proposed, UUID id, ItemKind itemKind, String text) {
        return text == null ? List.of(proposed) : List.of(proposed, new ProposalDescribed(id, itemKind, text));
    }

    /**
     * A proposal sent again: the first result when it is the same proposal (the version after its creation
     * events, +1 when it was approved at once), else CONFLICT DUPLICATE_ID.
     */
    private long repeated(List<Object> again, boolean approvedAtOnce, String field, UUID id) {
        if (approvedAtOnce && !acceptedFirst) {
            return Creations.repeated(created, "", field, id, kindName(kind) + " '" + name + "' with id", 1);
        }
        return Creations.repeated(created, again, field, id, kindName(kind) + " '" + name + "' with id",
                created.size() + (approvedAtOnce ? 1 : 0));
    }

    private String label() {
        return kindName(kind) + " '" + name + "'";
    }

    private String decidedAs() {
        return switch (status) {
            case APPROVED -> "accepted";
            case REJECTED -> "rejected";
            case INACTIVE -> "accepted (and has since been deactivated)";
            case PROPOSED -> "proposed";
        };
    }

    // ---------------------------------------------------------------- state

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds nothing here). Existence is the creation event.
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        itemId = UUID.fromString(sourceId);
    }

    @EventSourcingHandler
    void on(ActivityProposed event) {
        proposed(event.activityId(), ItemKind.ACTIVITY, null, event.name(), event.proposerUserId(), event);
        proposerOrgUnitId = event.proposerOrgUnitId();
        description = event.description();
        workUnitIds = event.workUnitIds() == null ? List.of() : List.copyOf(event.workUnitIds());
    }

    @EventSourcingHandler
    void on(TaskProposed event) {
        proposed(event.taskId(), ItemKind.TASK, event.activityId(), event.name(), event.proposerUserId(), event);
        proposerOrgUnitId = event.proposerOrgUnitId();
    }

    @EventSourcingHandler
    void on(DocumentProposed event) {
        proposed(event.documentId(), ItemKind.DOCUMENT, event.taskId(), event.name(), event.proposerUserId(), event);
        proposerOrgUnitId = event.proposerOrgUnitId();
        periodicity = event.periodicity();
    }

    @EventSourcingHandler
    void on(RiskProposed event) {
        proposed(event.riskId(), ItemKind.RISK, event.activityId(), event.name(), event.proposerUserId(), event);
        proposerOrgUnitId = event.proposerOrgUnitId();
        description = event.description();
    }

    private void proposed(UUID id, ItemKind itemKind, UUID parent, String itemName, String proposer, Object event) {
        itemId = id;
        kind = itemKind;
        parentId = parent;
        name = itemName;
        proposerUserId = proposer;
        status = ItemStatus.PROPOSED;
        created = List.of(event);
        events++;
    }

    @EventSourcingHandler
    void on(ProposalDescribed event) {
        description = event.description();
        if (events == created.size()) { // still creating: part of what a repeated proposal is compared with
            created = List.of(created.getFirst(), event);
        }
        events++;
    }

    @EventSourcingHandler
    void on(ProposalRevised event) {
        content(event.name(), event.description(), event.workUnitIds(), event.periodicity());
    }

    @EventSourcingHandler
    void on(ApprovedItemCorrected event) {
        content(event.name(), event.description(), event.workUnitIds(), event.periodicity());
    }

    /** A revision and a correction both state the entry as it now stands. */
    private void content(String newName, String newDescription, List<UUID> newWorkUnitIds, Periodicity newPeriodicity) {
        name = newName;
        description = newDescription;
        workUnitIds = newWorkUnitIds == null ? List.of() : List.copyOf(newWorkUnitIds);
        periodicity = newPeriodicity;
        events++;
    }

    @EventSourcingHandler
    void on(ProposalAccepted event) {
        acceptedFirst = events == created.size();
        status = ItemStatus.APPROVED;
        events++;
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        status = ItemStatus.REJECTED;
        events++;
    }

    @EventSourcingHandler
    void on(ItemDeactivated event) {
        status = ItemStatus.INACTIVE;
        events++;
    }
}
