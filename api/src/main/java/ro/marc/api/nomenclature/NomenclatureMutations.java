package ro.marc.api.nomenclature;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.access.AccessPolicy;
import ro.marc.api.access.Caller;
import ro.marc.api.access.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.query.common.OrgScope;
import ro.marc.query.nomenclature.ItemView;
import ro.marc.query.nomenclature.NomenclatureQueries;
import ro.marc.query.nomenclature.RegulatoryCauseView;

import java.util.*;

import static ro.marc.api.common.Inputs.id;

/**
 * Nomenclature mutations, one command each, authorised first. Members, heads (and counsellors
 * following the member workflow) propose only under work units their structure holds and only
 * under parents they can see; central administrators decide, keep domains and reference lists,
 * and their own additions are approved at once. Every change returns once the read model shows it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class NomenclatureMutations {

    public record NomenclaturePayload(UUID id, long version) {
    }

    public record DefineDomainInput(String id, String parentDomainId, String name) {
    }

    public record RenameInput(String id, String name, long expectedVersion) {
    }

    public record VersionInput(String id, long expectedVersion) {
    }

    public record AttachmentInput(String name, String reference) {
    }

    public record ProposeActivityInput(String id, String name, String description, String domainId,
                                       List<String> workUnitIds, List<AttachmentInput> attachments) {
    }

    public record ProposeTaskInput(String id, String activityId, String name) {
    }

    public record ProposeDocumentInput(String id, String taskId, String name, Periodicity periodicity) {
    }

    public record ProposeRiskInput(String id, String activityId, String name, String description) {
    }

    public record ReviseProposalInput(String id, String name, String description, List<String> workUnitIds,
                                      Periodicity periodicity, long expectedVersion) {
    }

    public record DecisionInput(String id, long decidedVersion) {
    }

    public record AcceptWithChangesInput(String id, long decidedVersion, String name, String description,
                                         List<String> workUnitIds, Periodicity periodicity) {
    }

    public record RejectProposalInput(String id, long decidedVersion, String reason) {
    }

    public record DefineReferenceEntryInput(String id, ReferenceList list, String name) {
    }

    public record RegulatoryCauseInput(String id, String workUnitId, String activityId, String issuerId, String actTypeId,
                                       String actNumber, int yearInForce, String actStatusId, String actTitle,
                                       String articleNumber, String additionalInfo, String extract,
                                       String corruptionFactors, String corruptionThreats, String recommendations,
                                       String proposedText) {
    }

    public record EditRegulatoryCauseInput(String id, RegulatoryCauseInput details, long expectedVersion) {
    }

    private final CommandSender commands;
    private final NomenclatureQueries nomenclature;
    private final AccessPolicy access;

    public NomenclatureMutations(CommandSender commands, NomenclatureQueries nomenclature, AccessPolicy access) {
        this.commands = commands;
        this.nomenclature = nomenclature;
        this.access = access;
    }

    // ---------------------------------------------------------------- domains and reference lists

    @MutationMapping
    public NomenclaturePayload defineDomain(@Argument DefineDomainInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "defineDomain");
        UUID id = Inputs.idOrNew("id", input.id());
        return done(id, commands.send(new DefineDomain(id, id("parentDomainId", input.parentDomainId()), input.name())));
    }

    @MutationMapping
    public NomenclaturePayload renameDomain(@Argument RenameInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "renameDomain");
        UUID id = id("id", input.id());
        return done(id, commands.send(new RenameDomain(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public NomenclaturePayload defineReferenceEntry(@Argument DefineReferenceEntryInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "defineReferenceEntry");
        UUID id = Inputs.idOrNew("id", input.id());
        return done(id, commands.send(new DefineReferenceEntry(id, input.list(), input.name())));
    }

    @MutationMapping
    public NomenclaturePayload renameReferenceEntry(@Argument RenameInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "renameReferenceEntry");
        UUID id = id("id", input.id());
        return done(id, commands.send(new RenameReferenceEntry(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public NomenclaturePayload deactivateReferenceEntry(@Argument VersionInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "deactivateReferenceEntry");
        UUID id = id("id", input.id());
        return done(id, commands.send(new DeactivateReferenceEntry(id, input.expectedVersion())));
    }

    // ---------------------------------------------------------------- proposals

    @MutationMapping
    public NomenclaturePayload proposeActivity(@Argument ProposeActivityInput input) {
        List<UUID> workUnits = ids("workUnitIds", input.workUnitIds());
        boolean national = requireWorkUnitsHeld("proposeActivity", workUnits);
        UUID id = Inputs.idOrNew("id", input.id());
        List<Attachment> attachments = input.attachments() == null ? List.of()
                : input.attachments().stream().map(a -> new Attachment(a.name(), a.reference())).toList();
        Caller caller = access.caller();
        return done(id, commands.send(new ProposeActivity(id, input.name(), input.description(), id("domainId", input.domainId()),
                workUnits, attachments, caller.userId().toString(), caller.orgUnitId(), national)));
    }

    @MutationMapping
    public NomenclaturePayload proposeTask(@Argument ProposeTaskInput input) {
        UUID activityId = id("activityId", input.activityId());
        boolean national = requireParentUsable("proposeTask", "activityId", activityId);
        UUID id = Inputs.idOrNew("id", input.id());
        Caller caller = access.caller();
        return done(id, commands.send(new ProposeTask(id, activityId, input.name(), caller.userId().toString(),
                caller.orgUnitId(), national)));
    }

    @MutationMapping
    public NomenclaturePayload proposeDocument(@Argument ProposeDocumentInput input) {
        UUID taskId = id("taskId", input.taskId());
        boolean national = requireParentUsable("proposeDocument", "taskId", taskId);
        UUID id = Inputs.idOrNew("id", input.id());
        Caller caller = access.caller();
        return done(id, commands.send(new ProposeDocument(id, taskId, input.name(), input.periodicity(),
                caller.userId().toString(), caller.orgUnitId(), national)));
    }

    @MutationMapping
    public NomenclaturePayload proposeRisk(@Argument ProposeRiskInput input) {
        UUID activityId = id("activityId", input.activityId());
        boolean national = requireParentUsable("proposeRisk", "activityId", activityId);
        UUID id = Inputs.idOrNew("id", input.id());
        Caller caller = access.caller();
        return done(id, commands.send(new ProposeRisk(id, activityId, input.name(), input.description(),
                caller.userId().toString(), caller.orgUnitId(), national)));
    }

    /** Only the proposer revises their proposal (administrators use acceptProposalWithChanges). */
    @MutationMapping
    public NomenclaturePayload reviseProposal(@Argument ReviseProposalInput input) {
        UUID id = id("id", input.id());
        access.require(Permission.NOMENCLATURE_PROPOSE, "reviseProposal");
        ItemView item = visibleItem("reviseProposal", "id", id);
        if (item != null && !access.caller().userId().toString().equals(item.proposerUserId())) {
            throw access.deny("reviseProposal", id, "only its proposer revises a proposal");
        }
        List<UUID> workUnits = input.workUnitIds() == null ? null : ids("workUnitIds", input.workUnitIds());
        if (workUnits != null) {
            requireWorkUnitsHeld("reviseProposal", workUnits);
        }
        return done(id, commands.send(new ReviseProposal(id, input.name(), input.description(), workUnits,
                input.periodicity(), input.expectedVersion())));
    }

    @MutationMapping
    public NomenclaturePayload acceptProposal(@Argument DecisionInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "acceptProposal");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new AcceptProposal(id, input.decidedVersion())));
    }

    @MutationMapping
    public NomenclaturePayload acceptProposalWithChanges(@Argument AcceptWithChangesInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "acceptProposalWithChanges");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        List<UUID> workUnits = input.workUnitIds() == null ? null : ids("workUnitIds", input.workUnitIds());
        return done(id, commands.send(new AcceptProposalWithChanges(id, input.decidedVersion(), input.name(),
                input.description(), workUnits, input.periodicity())));
    }

    @MutationMapping
    public NomenclaturePayload rejectProposal(@Argument RejectProposalInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "rejectProposal");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new RejectProposal(id, input.decidedVersion(), input.reason())));
    }

    @MutationMapping
    public NomenclaturePayload deactivateNomenclatureItem(@Argument VersionInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "deactivateNomenclatureItem");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new DeactivateItem(id, input.expectedVersion())));
    }

    // ---------------------------------------------------------------- regulatory causes (Anexa 5)

    @MutationMapping
    public NomenclaturePayload addRegulatoryCause(@Argument RegulatoryCauseInput input) {
        RegulatoryCauseDetails details = details(input, "details.");
        requireCauseWorkUnit("addRegulatoryCause", details);
        UUID id = Inputs.idOrNew("id", input.id());
        Caller caller = access.caller();
        return done(id, commands.send(new AddRegulatoryCause(id, details, caller.userId().toString(), caller.orgUnitId())));
    }

    @MutationMapping
    public NomenclaturePayload editRegulatoryCause(@Argument EditRegulatoryCauseInput input) {
        UUID id = id("id", input.id());
        RegulatoryCauseDetails details = details(input.details(), "details.");
        boolean national = requireCauseWorkUnit("editRegulatoryCause", details);
        access.trail().touched(id);
        Optional<RegulatoryCauseView> cause = nomenclature.cause(id);
        if (!national && cause.isPresent() && !access.caller().userId().toString().equals(cause.get().authorUserId())) {
            throw access.deny("editRegulatoryCause", id, "only its author or a central administrator edits a cause");
        }
        return done(id, commands.send(new EditRegulatoryCause(id, details, input.expectedVersion())));
    }

    @MutationMapping
    public NomenclaturePayload deactivateRegulatoryCause(@Argument VersionInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "deactivateRegulatoryCause");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new DeactivateRegulatoryCause(id, input.expectedVersion())));
    }

    // ---------------------------------------------------------------- payload fields

    @SchemaMapping(typeName = "NomenclaturePayload")
    public ItemView item(NomenclaturePayload payload) {
        return nomenclature.item(payload.id()).orElse(null);
    }

    @SchemaMapping(typeName = "NomenclaturePayload")
    public RegulatoryCauseView regulatoryCause(NomenclaturePayload payload) {
        return nomenclature.cause(payload.id()).orElse(null);
    }

    // ---------------------------------------------------------------- authorization of targets

    /**
     * The caller must hold NOMENCLATURE_PROPOSE and, unless national, every work unit must be held
     * by their structure ("only under work units assigned to them"). Returns whether the caller is
     * national (a central administrator: their additions are approved at once).
     */
    private boolean requireWorkUnitsHeld(String operation, Collection<UUID> workUnits) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, operation);
        if (scope.national()) {
            return true;
        }
        Set<UUID> held = new HashSet<>(nomenclature.workUnitsOfOrgUnit(access.caller().orgUnitId()));
        for (UUID workUnit : workUnits) {
            if (!held.contains(workUnit)) {
                throw access.deny(operation, workUnit, "the work unit is not held by the caller's structure");
            }
        }
        return false;
    }

    /** The parent (activity or task) must be visible to the caller and share a work unit with their structure. */
    private boolean requireParentUsable(String operation, String field, UUID parentId) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, operation);
        ItemView parent = visibleItem(operation, field, parentId);
        if (scope.national() || parent == null) {
            return scope.national();
        }
        ItemView activity = parent.kind() == ItemKind.ACTIVITY ? parent : nomenclature.item(parent.activityId()).orElse(parent);
        Set<UUID> held = new HashSet<>(nomenclature.workUnitsOfOrgUnit(access.caller().orgUnitId()));
        if (activity.workUnitIds().stream().noneMatch(held::contains)) {
            throw access.deny(operation, parentId, "none of its work units is held by the caller's structure");
        }
        return false;
    }

    private boolean requireCauseWorkUnit(String operation, RegulatoryCauseDetails details) {
        OrgScope scope = access.require(Permission.REGULATORY_CAUSE_WRITE, operation);
        if (details.activityId() != null) {
            visibleItem(operation, "details.activityId", details.activityId());
        }
        if (scope.national() || details.workUnitId() == null) {
            return scope.national();
        }
        if (!nomenclature.workUnitsOfOrgUnit(access.caller().orgUnitId()).contains(details.workUnitId())) {
            throw access.deny(operation, details.workUnitId(), "the work unit is not held by the caller's structure");
        }
        return false;
    }

    /** The item, if it exists and the caller may see it (a proposal of someone else outside reach is refused). */
    private ItemView visibleItem(String operation, String field, UUID id) {
        access.trail().touched(id);
        Optional<ItemView> item = access.awaitKnown(() -> nomenclature.item(id));
        if (item.isEmpty()) {
            throw CommandRejected.notFound(field, id, "Nomenclature entry");
        }
        ItemView found = item.get();
        if (!found.visibleTo(access.proposalVisibility())) {
            throw access.deny(operation, id, "the proposal is not visible to the caller");
        }
        return found;
    }

    private NomenclaturePayload done(UUID id, long version) {
        ReadYourWrites.awaitVersion(() -> nomenclature.versionOf(id), v -> v, version);
        return new NomenclaturePayload(id, version);
    }

    private static List<UUID> ids(String field, List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> id(field, v)).toList();
    }

    private static RegulatoryCauseDetails details(RegulatoryCauseInput in, String prefix) {
        if (in == null) {
            throw new ro.marc.api.common.InvalidInput("details", "REQUIRED", "The cause's details are required");
        }
        return new RegulatoryCauseDetails(id(prefix + "workUnitId", in.workUnitId()), id(prefix + "activityId", in.activityId()),
                id(prefix + "issuerId", in.issuerId()), id(prefix + "actTypeId", in.actTypeId()), in.actNumber(),
                in.yearInForce(), id(prefix + "actStatusId", in.actStatusId()), in.actTitle(), in.articleNumber(),
                in.additionalInfo(), in.extract(), in.corruptionFactors(), in.corruptionThreats(), in.recommendations(),
                in.proposedText());
    }
}
