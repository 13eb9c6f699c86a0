package ro.marc.api.nomenclature;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.org.County;
import ro.marc.query.common.OrgScope;
import ro.marc.query.nomenclature.ProposalVisibility;
import ro.marc.query.nomenclature.ItemView;
import ro.marc.query.nomenclature.NomenclatureQueries;
import ro.marc.query.nomenclature.RegulatoryCauseView;

import java.util.*;
import java.util.stream.Collectors;

import static ro.marc.api.common.Inputs.id;

/**
 * Nomenclature mutations, one command each, authorised first (the caller's role holds the permission).
 * The rules about the entities themselves are the commands': members, heads (and counsellors following
 * the member workflow) propose only under work units their structure holds and only under parents they
 * can see and use, only a proposer revises a proposal, only its author or a central administrator edits
 * a cause. Territorial administrators propose and add causes for a structure of their counties
 * ({@code forOrgUnitId}), under its work units, and edit the causes of their counties' structures.
 * Central administrators decide, correct approved entries, keep domains and reference lists,
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
                                       List<String> workUnitIds, List<AttachmentInput> attachments, String forOrgUnitId) {
    }

    public record ProposeTaskInput(String id, String activityId, String name, String description, String forOrgUnitId) {
    }

    /** {@code content}: what the document holds (§3.1 c), kept as the item's description. */
    public record ProposeDocumentInput(String id, String taskId, String name, String content, Periodicity periodicity,
                                       String forOrgUnitId) {
    }

    public record ProposeRiskInput(String id, String activityId, String name, String description, String forOrgUnitId) {
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

    public record CorrectApprovedItemInput(String id, String name, String description, List<String> workUnitIds,
                                           Periodicity periodicity, long expectedVersion) {
    }

    public record DefineReferenceEntryInput(String id, ReferenceList list, String name) {
    }

    public record RegulatoryCauseInput(String id, String workUnitId, String activityId, String issuerId, String actTypeId,
                                       String actNumber, int yearInForce, String actStatusId, String actTitle,
                                       String articleNumber, String additionalInfo, String extract,
                                       String corruptionFactors, String corruptionThreats, String recommendations,
                                       String proposedText, String forOrgUnitId) {
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
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, "proposeActivity");
        Actor proposer = actingFor(Permission.NOMENCLATURE_PROPOSE, "proposeActivity", scope, input.forOrgUnitId());
        List<UUID> workUnits = ids("workUnitIds", input.workUnitIds());
        UUID id = Inputs.idOrNew("id", input.id());
        List<Attachment> attachments = input.attachments() == null ? List.of()
                : input.attachments().stream().map(a -> new Attachment(a.name(), a.reference())).toList();
        return send("proposeActivity", id, new ProposeActivity(id, input.name(), input.description(),
                id("domainId", input.domainId()), workUnits, attachments, proposer, scope.national()));
    }

    @MutationMapping
    public NomenclaturePayload proposeTask(@Argument ProposeTaskInput input) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, "proposeTask");
        Actor proposer = actingFor(Permission.NOMENCLATURE_PROPOSE, "proposeTask", scope, input.forOrgUnitId());
        UUID activityId = id("activityId", input.activityId());
        access.trail().touched(activityId);
        UUID id = Inputs.idOrNew("id", input.id());
        return send("proposeTask", id, new ProposeTask(id, activityId, input.name(), input.description(), proposer,
                scope.national()));
    }

    @MutationMapping
    public NomenclaturePayload proposeDocument(@Argument ProposeDocumentInput input) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, "proposeDocument");
        Actor proposer = actingFor(Permission.NOMENCLATURE_PROPOSE, "proposeDocument", scope, input.forOrgUnitId());
        UUID taskId = id("taskId", input.taskId());
        access.trail().touched(taskId);
        UUID id = Inputs.idOrNew("id", input.id());
        return send("proposeDocument", id, new ProposeDocument(id, taskId, input.name(), input.content(), input.periodicity(),
                proposer, scope.national()));
    }

    @MutationMapping
    public NomenclaturePayload proposeRisk(@Argument ProposeRiskInput input) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, "proposeRisk");
        Actor proposer = actingFor(Permission.NOMENCLATURE_PROPOSE, "proposeRisk", scope, input.forOrgUnitId());
        UUID activityId = id("activityId", input.activityId());
        access.trail().touched(activityId);
        UUID id = Inputs.idOrNew("id", input.id());
        return send("proposeRisk", id, new ProposeRisk(id, activityId, input.name(), input.description(),
                proposer, scope.national()));
    }

    /** Only the proposer revises their proposal (administrators use acceptProposalWithChanges): decided by the command. */
    @MutationMapping
    public NomenclaturePayload reviseProposal(@Argument ReviseProposalInput input) {
        OrgScope scope = access.require(Permission.NOMENCLATURE_PROPOSE, "reviseProposal");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        List<UUID> workUnits = input.workUnitIds() == null ? null : ids("workUnitIds", input.workUnitIds());
        return send("reviseProposal", id, new ReviseProposal(id, input.name(), input.description(), workUnits,
                input.periodicity(), input.expectedVersion(), actor(scope)));
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

    /** UCA 8, 14: a central administrator corrects an approved entry (name, description, work units, periodicity). */
    @MutationMapping
    public NomenclaturePayload correctApprovedItem(@Argument CorrectApprovedItemInput input) {
        access.require(Permission.NOMENCLATURE_ADMIN, "correctApprovedItem");
        UUID id = id("id", input.id());
        access.trail().touched(id);
        List<UUID> workUnits = input.workUnitIds() == null ? null : ids("workUnitIds", input.workUnitIds());
        return done(id, commands.send(new CorrectApprovedItem(id, input.name(), input.description(), workUnits,
                input.periodicity(), input.expectedVersion())));
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
        OrgScope scope = access.require(Permission.REGULATORY_CAUSE_WRITE, "addRegulatoryCause");
        Actor author = actingFor(Permission.REGULATORY_CAUSE_WRITE, "addRegulatoryCause", scope,
                input == null ? null : input.forOrgUnitId());
        RegulatoryCauseDetails details = details(input, "details.");
        UUID id = Inputs.idOrNew("id", input.id());
        return send("addRegulatoryCause", id, new AddRegulatoryCause(id, details, author));
    }

    /**
     * Only its author, a territorial administrator of its structure's county (who edits with that structure's
     * work units) or a central administrator edits a cause: decided by the command. {@code details.forOrgUnitId}
     * is ignored: a cause stays with its structure.
     */
    @MutationMapping
    public NomenclaturePayload editRegulatoryCause(@Argument EditRegulatoryCauseInput input) {
        OrgScope scope = access.require(Permission.REGULATORY_CAUSE_WRITE, "editRegulatoryCause");
        UUID id = id("id", input.id());
        RegulatoryCauseDetails details = details(input.details(), "details.");
        access.trail().touched(id);
        return send("editRegulatoryCause", id, new EditRegulatoryCause(id, details, input.expectedVersion(), actor(scope)));
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

    // ---------------------------------------------------------------- who acts

    /**
     * The caller as the command's rules need them: their account and org unit, national reach for the
     * operation's permission ({@code scope}), and which proposals they see (PROPOSAL_READ).
     */
    private Actor actor(OrgScope scope) {
        Caller caller = access.caller();
        ProposalVisibility visibility = access.proposalVisibility();
        Set<County> counties = visibility.proposerCounties().stream().map(County::valueOf).collect(Collectors.toSet());
        return new Actor(caller.userId().toString(), caller.orgUnitId(), scope.national(), visibility.allProposals(),
                counties);
    }

    /**
     * Who a proposal or a new cause is for. A territorial administrator (the permission's reach is their
     * counties) acts for a structure of their counties, named by {@code forOrgUnitId} (BAD_REQUEST REQUIRED
     * without it, unless they also hold the permission for their own structure), authorised here like any
     * org unit target; the command then checks the structure's county and uses its work units. Everyone else
     * acts for their own structure, or nationally, as before: {@code forOrgUnitId} is ignored.
     */
    private Actor actingFor(Permission permission, String operation, OrgScope scope, String forOrgUnitId) {
        if (scope.national() || scope.counties().isEmpty()) {
            return actor(scope);
        }
        if (forOrgUnitId == null) {
            if (!scope.units().isEmpty() || !scope.subtreePaths().isEmpty()) {
                return actor(scope);
            }
            throw new InvalidInput(FOR_ORG_UNIT, "REQUIRED",
                    "Name the structure of your counties you act for ('" + FOR_ORG_UNIT + "')");
        }
        UUID structure = id(FOR_ORG_UNIT, forOrgUnitId);
        access.requireOrgUnit(permission, operation, structure);
        Set<County> counties = scope.counties().stream().map(County::valueOf).collect(Collectors.toSet());
        return Actor.territorialAdministrator(access.caller().userId().toString(), structure, counties);
    }

    private static final String FOR_ORG_UNIT = "input.forOrgUnitId";

    /**
     * Sends a command whose rules judge who acts. A refusal of that kind (the command decided it: a work
     * unit not held, a parent the caller may not use, someone else's proposal or cause) is answered and
     * recorded like every other refusal of access (security log, access trail: FORBIDDEN).
     */
    private NomenclaturePayload send(String operation, UUID id, Object command) {
        try {
            return done(id, commands.send(command));
        } catch (CommandRejected rejected) {
            if (rejected.reason() != CommandRejected.Reason.FORBIDDEN) {
                throw rejected;
            }
            Object object = rejected.details().get("id");
            throw access.deny(operation, object == null ? id : UUID.fromString(object.toString()), rejected.getMessage());
        }
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
            throw new InvalidInput("details", "REQUIRED", "The cause's details are required");
        }
        return new RegulatoryCauseDetails(id(prefix + "workUnitId", in.workUnitId()), id(prefix + "activityId", in.activityId()),
                id(prefix + "issuerId", in.issuerId()), id(prefix + "actTypeId", in.actTypeId()), in.actNumber(),
                in.yearInForce(), id(prefix + "actStatusId", in.actStatusId()), in.actTitle(), in.articleNumber(),
                in.additionalInfo(), in.extract(), in.corruptionFactors(), in.corruptionThreats(), in.recommendations(),
                in.proposedText());
    }
}
