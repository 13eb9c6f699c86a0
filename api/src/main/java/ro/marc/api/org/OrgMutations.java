package ro.marc.api.org;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.events.org.*;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.org.WorkUnitView;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static ro.marc.api.common.Inputs.id;

/** Organisation mutations: one command each. Only central administrators change the organisation. */
@Controller
@PreAuthorize("hasRole('CENTRAL_ADMIN')")
public class OrgMutations {

    /** How long a payload's entity field waits for the read model to catch up with the write. */
    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

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

    public OrgMutations(CommandSender commands, OrgQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public OrgUnitPayload createOrgUnit(@Argument CreateOrgUnitInput input) {
        UUID id = Inputs.idOrNew("id", input.id());
        return new OrgUnitPayload(id, commands.send(new CreateOrgUnit(id, id("parentId", input.parentId()), input.name(), input.county())));
    }

    @MutationMapping
    public OrgUnitPayload renameOrgUnit(@Argument RenameInput input) {
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new RenameOrgUnit(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload moveOrgUnit(@Argument MoveOrgUnitInput input) {
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new MoveOrgUnit(id, id("newParentId", input.newParentId()), input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload deactivateOrgUnit(@Argument VersionInput input) {
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new DeactivateOrgUnit(id, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload reactivateOrgUnit(@Argument VersionInput input) {
        UUID id = id("id", input.id());
        return new OrgUnitPayload(id, commands.send(new ReactivateOrgUnit(id, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload assignWorkUnits(@Argument AssignWorkUnitsInput input) {
        UUID id = id("orgUnitId", input.orgUnitId());
        List<UUID> workUnits = input.workUnitIds().stream().map(w -> id("workUnitIds", w)).toList();
        return new OrgUnitPayload(id, commands.send(new AssignWorkUnits(id, workUnits, input.expectedVersion())));
    }

    @MutationMapping
    public OrgUnitPayload unassignWorkUnit(@Argument UnassignWorkUnitInput input) {
        UUID id = id("orgUnitId", input.orgUnitId());
        return new OrgUnitPayload(id, commands.send(new UnassignWorkUnit(id, id("workUnitId", input.workUnitId()), input.expectedVersion())));
    }

    @MutationMapping
    public WorkUnitPayload defineWorkUnit(@Argument DefineWorkUnitInput input) {
        UUID id = Inputs.idOrNew("id", input.id());
        return new WorkUnitPayload(id, commands.send(new DefineWorkUnit(id, input.name())));
    }

    @MutationMapping
    public WorkUnitPayload renameWorkUnit(@Argument RenameInput input) {
        UUID id = id("id", input.id());
        return new WorkUnitPayload(id, commands.send(new RenameWorkUnit(id, input.name(), input.expectedVersion())));
    }

    @MutationMapping
    public WorkUnitPayload retireWorkUnit(@Argument VersionInput input) {
        UUID id = id("id", input.id());
        return new WorkUnitPayload(id, commands.send(new RetireWorkUnit(id, input.expectedVersion())));
    }

    @SchemaMapping(typeName = "OrgUnitPayload")
    public OrgUnitView orgUnit(OrgUnitPayload payload) {
        return awaitVersion(() -> queries.orgUnit(payload.id()), OrgUnitView::version, payload.version());
    }

    @SchemaMapping(typeName = "WorkUnitPayload")
    public WorkUnitView workUnit(WorkUnitPayload payload) {
        return awaitVersion(() -> queries.workUnit(payload.id()), WorkUnitView::version, payload.version());
    }

    /** Polls the read model until it shows the written version (or the wait ends; then the latest it has). */
    private static <T> T awaitVersion(Supplier<Optional<T>> read, java.util.function.ToLongFunction<T> version, long wanted) {
        long deadline = System.nanoTime() + READ_YOUR_WRITE.toNanos();
        Optional<T> current = read.get();
        while ((current.isEmpty() || version.applyAsLong(current.get()) < wanted) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = read.get();
        }
        return current.orElse(null);
    }
}
