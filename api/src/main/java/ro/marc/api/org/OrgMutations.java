package ro.marc.api.org;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.org.WorkUnitView;

import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Organisation mutations: one command each, authorised first ({@link AccessPolicy}): central
 * administrators change any org unit and the work-unit catalogue; territorial administrators
 * change the org units of their counties (and create units under them); only central
 * administrators assign work units (UCA 2).
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class OrgMutations {

    public record OrgUnitPayload(UUID id, long version) {
    }

    public record WorkUnitPayload(UUID id, long version) {
    }

    public record CreateOrgUnitInput(String id, String parentId, String name, County county) {
    }

    public record RenameInput(String id, String name, long expectedVersion) {
    }

    public record MoveOrgUnitInput(String id, String newParentId, long expectedVersion) {
    }

    public record VersionInput(String id, long expectedVersion) {
    }

    public record AssignWorkUnitsInput(String orgUnitId, List<String> workUnitIds, long expectedVersion) {
    }

    public record UnassignWorkUnitInput(String orgUnitId, String workUnitId, long expectedVersion) {
    }

    public record DefineWorkUnitInput(String id, String name) {
    }

    private final CommandSender commands;
    private final OrgQueries queries;
    private final AccessPolicy access;

    public OrgMutations(CommandSender commands, OrgQueries queries, AccessPolicy access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @MutationMapping
    public OrgUnitPayload createOrgUnit(@Argument CreateOrgUnitInput input) {
        access.requireOrgUnit(Permission.ORG_EDIT, "createOrgUnit", id("parentId", input.parentId()));
        UUID id = Inputs.idOrNew("id", input.id());
        return new OrgUnitPayload(id, commands.send(new CreateOrgUnit(id, id("parentId", input.parentId()), input.name(), input.county())));
    }

    @MutationMapping
    public OrgUnitPayload renameOrgUnit(@Argument RenameInput input) {
        access.requireOrgUnit(Permission.ORG_EDIT, "renameOrgUnit", id("id", input.id()));
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new RenameOrgUnit(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload moveOrgUnit(@Argument MoveOrgUnitInput input) {
        access.requireOrgUnit(Permission.ORG_EDIT, "moveOrgUnit", id("id", input.id()));
        access.requireOrgUnit(Permission.ORG_EDIT, "moveOrgUnit", id("newParentId", input.newParentId()));
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new MoveOrgUnit(id, id("newParentId", input.newParentId()), input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload deactivateOrgUnit(@Argument VersionInput input) {
        access.requireOrgUnit(Permission.ORG_EDIT, "deactivateOrgUnit", id("id", input.id()));
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new DeactivateOrgUnit(id, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload reactivateOrgUnit(@Argument VersionInput input) {
        access.requireOrgUnit(Permission.ORG_EDIT, "reactivateOrgUnit", id("id", input.id()));
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new ReactivateOrgUnit(id, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload assignWorkUnits(@Argument AssignWorkUnitsInput input) {
        access.requireOrgUnit(Permission.WORK_UNIT_ASSIGN, "assignWorkUnits", id("orgUnitId", input.orgUnitId()));
        UUID id = id("orgUnitId", input.orgUnitId());
        List<UUID> workUnits = input.workUnitIds().stream().map(w -> id("workUnitIds", w)).toList();
        return new OrgUnitPayload(id, commands.send(new AssignWorkUnits(id, workUnits, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload unassignWorkUnit(@Argument UnassignWorkUnitInput input) {
        access.requireOrgUnit(Permission.WORK_UNIT_ASSIGN, "unassignWorkUnit", id("orgUnitId", input.orgUnitId()));
        UUID id = id("orgUnitId", input.orgUnitId());
        return new OrgUnitPayload(id, commands.send(new UnassignWorkUnit(id, id("workUnitId", input.workUnitId()), input.expectedVersion())));
    }

    @MutationMapping
    public WorkUnitPayload defineWorkUnit(@Argument DefineWorkUnitInput input) {
        access.require(Permission.WORK_UNIT_CATALOGUE_EDIT, "defineWorkUnit");
        UUID id = Inputs.idOrNew("id", input.id());
        return new WorkUnitPayload(id, commands.send(new DefineWorkUnit(id, input.name())));
    }

    @MutationMapping
    public WorkUnitPayload renameWorkUnit(@Argument RenameInput input) {
        access.require(Permission.WORK_UNIT_CATALOGUE_EDIT, "renameWorkUnit");
        UUID id = id("id", input.id());
        return new WorkUnitPayload(id, commands.send(new RenameWorkUnit(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public WorkUnitPayload retireWorkUnit(@Argument VersionInput input) {
        access.require(Permission.WORK_UNIT_CATALOGUE_EDIT, "retireWorkUnit");
        UUID id = id("id", input.id());
        return new WorkUnitPayload(id, commands.send(new RetireWorkUnit(id, input.expectedVersion())));
    }

    @SchemaMapping(typeName = "OrgUnitPayload")
    public OrgUnitView orgUnit(OrgUnitPayload payload) {
        return ReadYourWrites.awaitVersion(() -> queries.orgUnit(payload.id()), OrgUnitView::version, payload.version());
    }

    @SchemaMapping(typeName = "WorkUnitPayload")
    public WorkUnitView workUnit(WorkUnitPayload payload) {
        return ReadYourWrites.awaitVersion(() -> queries.workUnit(payload.id()), WorkUnitView::version, payload.version());
    }
}
