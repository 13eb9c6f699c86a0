package ro.marc.api.access;

import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.authorization.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessTable;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.org.County;
import ro.marc.query.access.AccessQueries;
import ro.marc.query.access.RoleView;
import ro.marc.query.access.UserView;
import ro.marc.query.access.WorkingGroupView;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Account and working-group mutations: one command each, authorised first; every rule (the org
 * unit exists, one identity per account, the last central administrator, one working group per
 * org unit, who may be a member or lead) is decided by the command's handler. Central
 * administrators manage every account and group; territorial administrators those of their
 * counties, and only for the working roles ({@link AccessRules#TERRITORIALLY_MANAGED_ROLES}).
 * An account change holds when its command returns: the command side's access record
 * ({@code account_access}) is written in the command's transaction, and every request is
 * authorised on it, so the account's very next request is decided on what was just written.
 * The mutation then waits briefly for the read model, so that the administrator's next read shows
 * the change too; if it does not catch up, {@code user} says so (READ_MODEL_BEHIND) instead of
 * showing the old state.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AccessMutations {

    public record UserPayload(UUID id, long version) {
    }

    public record WorkingGroupPayload(UUID id, long version) {
    }

    public record RegisterUserInput(String id, String issuer, String subject, String displayName, String email,
                                    String orgUnitId) {
    }

    public record UpdateUserDetailsInput(String id, String displayName, String email, long expectedVersion) {
    }

    public record GrantRoleInput(String userId, Role role, List<County> counties, Boolean followsMemberWorkflow,
                                 long expectedVersion) {
    }

    public record RevokeRoleInput(String userId, Role role, long expectedVersion) {
    }

    public record DeactivateUserInput(String id, String reason, long expectedVersion) {
    }

    public record UserVersionInput(String id, long expectedVersion) {
    }

    public record TransferUserInput(String id, String issuer, String subject, String displayName, String email,
                                    String transferDetails, long expectedVersion) {
    }

    public record DefineWorkingGroupInput(String id, String orgUnitId, String name) {
    }

    public record WorkingGroupMemberInput(String workingGroupId, String userId, long expectedVersion) {
    }

    private final CommandSender commands;
    private final AccessQueries accounts;
    private final AccessPolicy access;
    private final AccountAccessTable accountAccess;

    public AccessMutations(CommandSender commands, AccessQueries accounts, AccessPolicy access,
                           AccountAccessTable accountAccess) {
        this.commands = commands;
        this.accounts = accounts;
        this.access = access;
        this.accountAccess = accountAccess;
    }

    // ---------------------------------------------------------------- accounts

    @MutationMapping
    public UserPayload registerUser(@Argument RegisterUserInput input) {
        UUID orgUnitId = id("orgUnitId", input.orgUnitId());
        access.requireOrgUnit(Permission.USER_ADMIN, "registerUser", orgUnitId);
        UUID id = Inputs.idOrNew("id", input.id());
        access.trail().touched(id);
        return awaited(id, commands.send(new RegisterUser(id, input.issuer(), input.subject(),
                input.displayName(), input.email(), orgUnitId)));
    }

    @MutationMapping
    public UserPayload updateUserDetails(@Argument UpdateUserDetailsInput input) {
        UUID id = manageableUser("updateUserDetails", "id", input.id());
        return awaited(id, commands.send(new UpdateUserDetails(id, input.displayName(), input.email(),
                input.expectedVersion())));
    }

    @MutationMapping
    public UserPayload grantRole(@Argument GrantRoleInput input) {
        UUID id = manageableUser("grantRole", "userId", input.userId());
        access.requireManageableRole("grantRole", id, input.role());
        Set<County> counties = input.counties() == null ? Set.of() : Set.copyOf(input.counties());
        return awaited(id, commands.send(new GrantRole(id, input.role(), counties,
                Boolean.TRUE.equals(input.followsMemberWorkflow()), input.expectedVersion())));
    }

    @MutationMapping
    public UserPayload revokeRole(@Argument RevokeRoleInput input) {
        UUID id = manageableUser("revokeRole", "userId", input.userId());
        access.requireManageableRole("revokeRole", id, input.role());
        return awaited(id, commands.send(new RevokeRole(id, input.role(), input.expectedVersion())));
    }

    @MutationMapping
    public UserPayload deactivateUser(@Argument DeactivateUserInput input) {
        UUID id = manageableUser("deactivateUser", "id", input.id());
        return awaited(id, commands.send(new DeactivateUser(id, input.reason(), input.expectedVersion())));
    }

    @MutationMapping
    public UserPayload reactivateUser(@Argument UserVersionInput input) {
        UUID id = manageableUser("reactivateUser", "id", input.id());
        return awaited(id, commands.send(new ReactivateUser(id, input.expectedVersion())));
    }

    @MutationMapping
    public UserPayload transferUser(@Argument TransferUserInput input) {
        UUID id = manageableUser("transferUser", "id", input.id());
        return awaited(id, commands.send(new TransferUser(id, input.issuer(), input.subject(), input.displayName(),
                input.email(), input.transferDetails(), input.expectedVersion())));
    }

    /**
     * The account as the read model shows it, once it has reached the version the command wrote.
     * If it has not (the accounts projection lags or is stalled) the field is null with a
     * READ_MODEL_BEHIND error, rather than an older state presented as the result (an
     * {@code active: true} after a deactivation). What holds is in {@code active} and {@code roles}.
     */
    @SchemaMapping(typeName = "UserPayload")
    public DataFetcherResult<UserView> user(UserPayload payload, DataFetchingEnvironment env) {
        UserView user = ReadYourWrites.awaitVersion(() -> accounts.user(payload.id()), UserView::version, payload.version());
        if (user != null && user.version() >= payload.version()) {
            return DataFetcherResult.<UserView>newResult().data(user).build();
        }
        return DataFetcherResult.<UserView>newResult().error(GraphqlErrorBuilder.newError(env)
                .errorType(ErrorClassification.errorClassification("UNAVAILABLE"))
                .message("The change is made and in force (see active and roles), but the accounts read model has not"
                        + " shown it yet; read the account again shortly")
                .extensions(java.util.Map.of("code", "READ_MODEL_BEHIND", "version", payload.version())).build()).build();
    }

    /** Whether the account may act now: the command side's record, in force when the mutation answers. */
    @SchemaMapping(typeName = "UserPayload")
    public boolean active(UserPayload payload) {
        return access(payload).map(AccountAccess::active).orElse(false);
    }

    /** The roles in force now (none for a deactivated account), from the same record as {@code active}. */
    @SchemaMapping(typeName = "UserPayload")
    public List<RoleView> roles(UserPayload payload) {
        return access(payload).map(a -> new Caller(a.issuer(), a.subject(), a).roles()).orElse(List.of());
    }

    private java.util.Optional<AccountAccess> access(UserPayload payload) {
        return accountAccess.byUser(payload.id());
    }

    // ---------------------------------------------------------------- working groups

    @MutationMapping
    public WorkingGroupPayload defineWorkingGroup(@Argument DefineWorkingGroupInput input) {
        UUID orgUnitId = id("orgUnitId", input.orgUnitId());
        access.requireOrgUnit(Permission.WORKING_GROUP_ADMIN, "defineWorkingGroup", orgUnitId);
        UUID id = Inputs.idOrNew("id", input.id());
        access.trail().touched(id);
        return awaitedGroup(id, commands.send(new DefineWorkingGroup(id, orgUnitId, input.name())));
    }

    @MutationMapping
    public WorkingGroupPayload addWorkingGroupMember(@Argument WorkingGroupMemberInput input) {
        UUID group = manageableGroup("addWorkingGroupMember", input.workingGroupId());
        UUID user = id("userId", input.userId());
        access.trail().touched(user);
        return awaitedGroup(group, commands.send(new AddWorkingGroupMember(group, user, input.expectedVersion())));
    }

    @MutationMapping
    public WorkingGroupPayload removeWorkingGroupMember(@Argument WorkingGroupMemberInput input) {
        UUID group = manageableGroup("removeWorkingGroupMember", input.workingGroupId());
        UUID user = id("userId", input.userId());
        access.trail().touched(user);
        return awaitedGroup(group, commands.send(new RemoveWorkingGroupMember(group, user, input.expectedVersion())));
    }

    @MutationMapping
    public WorkingGroupPayload appointWorkingGroupLeader(@Argument WorkingGroupMemberInput input) {
        UUID group = manageableGroup("appointWorkingGroupLeader", input.workingGroupId());
        UUID user = id("userId", input.userId());
        access.trail().touched(user);
        return awaitedGroup(group, commands.send(new AppointWorkingGroupLeader(group, user, input.expectedVersion())));
    }

    @SchemaMapping(typeName = "WorkingGroupPayload")
    public WorkingGroupView workingGroup(WorkingGroupPayload payload) {
        return ReadYourWrites.awaitVersion(() -> accounts.workingGroup(payload.id()), WorkingGroupView::version,
                payload.version());
    }

    // ---------------------------------------------------------------- authorization of targets

    /**
     * The account must be within the caller's reach; a territorial administrator may manage only
     * accounts whose every role is one they may grant (never a central administrator or a peer).
     */
    private UUID manageableUser(String operation, String field, String rawId) {
        UUID id = id(field, rawId);
        access.require(Permission.USER_ADMIN, operation);
        access.trail().touched(id);
        boolean national = access.scope(Permission.USER_ADMIN).national();
        UserView user = (national ? accounts.user(id) : access.awaitKnown(() -> accounts.user(id))).orElse(null);
        if (user == null) {
            if (!national) {
                throw access.deny(operation, id, "the account is not within the caller's reach");
            }
            return id; // the command decides (NOT_FOUND)
        }
        access.requireOrgUnit(Permission.USER_ADMIN, operation, user.orgUnitId());
        for (RoleView role : user.roles()) {
            access.requireManageableRole(operation, id, role.role());
        }
        return id;
    }

    private UUID manageableGroup(String operation, String rawId) {
        UUID id = id("workingGroupId", rawId);
        access.require(Permission.WORKING_GROUP_ADMIN, operation);
        access.trail().touched(id);
        boolean national = access.scope(Permission.WORKING_GROUP_ADMIN).national();
        WorkingGroupView group = (national ? accounts.workingGroup(id) : access.awaitKnown(() -> accounts.workingGroup(id))).orElse(null);
        if (group == null) {
            if (!national) {
                throw access.deny(operation, id, "the working group is not within the caller's reach");
            }
            return id;
        }
        access.requireOrgUnit(Permission.WORKING_GROUP_ADMIN, operation, group.orgUnitId());
        return id;
    }

    /**
     * Returns once the read model shows the change: the account's next request, and the caller's
     * next operation on it, are decided on what was just written (account changes are rare; the
     * wait is the projection's lag, milliseconds).
     */
    private UserPayload awaited(UUID id, long version) {
        ReadYourWrites.awaitVersion(() -> accounts.user(id), UserView::version, version);
        return new UserPayload(id, version);
    }

    private WorkingGroupPayload awaitedGroup(UUID id, long version) {
        ReadYourWrites.awaitVersion(() -> accounts.workingGroup(id), WorkingGroupView::version, version);
        return new WorkingGroupPayload(id, version);
    }
}
