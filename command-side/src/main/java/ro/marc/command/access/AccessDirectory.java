package ro.marc.command.access;

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
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;
import ro.marc.events.text.Excerpt;

import java.util.*;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The access directory: every user account (identity, details, org unit, roles, active or not)
 * and every working group (org unit, members, leader).
 *
 * <p>One aggregate on purpose (see {@link AccessIds}): "an identity is linked to one account",
 * "at least one active central administrator" and "a working group's members are active accounts
 * of its org unit holding a working-group role" span many accounts. Concurrent edits of the same
 * account or working group are detected per entity through {@code expectedVersion}; the
 * aggregate is cached so commands do not replay the stream. Every handler returns the entity's
 * version after the command (applied events update the state at once).
 *
 * <p>There is no initialising command: every handler is {@code CREATE_IF_MISSING}, so the first
 * {@link RegisterUser} or {@link DefineWorkingGroup} starts the stream, and any other command on
 * an empty stream is refused with a typed {@code NOT_FOUND} (instead of Axon's
 * {@code AggregateNotFoundException}). A refused command applies nothing, so nothing is stored.
 *
 * <p>Existence of org units is checked by the API layer, not here (another aggregate).
 */
@Aggregate(cache = "accessDirectoryCache", commandTargetResolver = "accessDirectoryTargetResolver")
public class AccessDirectory {

    static final int MAX_IDENTITY_LENGTH = 255;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_TRANSFER_DETAILS_LENGTH = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Roles that may be members of a working group. */
    private static final Role[] WORKING_GROUP_ROLES =
            {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR, Role.WORKING_GROUP_MEMBER};
    /** Roles that may lead a working group. */
    private static final Role[] LEADER_ROLES = {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR};

    @AggregateIdentifier
    private String directoryId;
    private final Map<UUID, UserAccount> users = new HashMap<>();
    /** identity → account, so "identity already linked" is one look-up. */
    private final Map<Identity, UUID> userByIdentity = new HashMap<>();
    /** Accounts holding {@link Role#CENTRAL_ADMIN}, active or not. */
    private final Set<UUID> centralAdmins = new HashSet<>();
    private final Map<UUID, WorkingGroupEntry> workingGroups = new HashMap<>();
    /** org unit → its (one) working group. */
    private final Map<UUID, UUID> workingGroupByOrgUnit = new HashMap<>();

    protected AccessDirectory() {
        // for Axon: rebuilt from its events, or created empty by the first command
    }

    // ---------------------------------------------------------------- accounts

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterUser command) {
        Entities.requireNew(users, "userId", command.userId(), "A user id is required", "User account");
        String issuer = requireIdentityPart("issuer", command.issuer());
        String subject = requireIdentityPart("subject", command.subject());
        String displayName = Names.require("displayName", command.displayName());
        String email = requireEmail("email", command.email());
        if (command.orgUnitId() == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "An org unit id is required");
        }
        requireIdentityFree(new Identity(issuer, subject), null);
        apply(new UserRegistered(command.userId(), issuer, subject, displayName, email, command.orgUnitId(), 1));
        return 1;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(UpdateUserDetails command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        String displayName = Names.require("displayName", command.displayName());
        String email = requireEmail("email", command.email());
        apply(new UserDetailsUpdated(user.id, displayName, email, user.version + 1));
        return user.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(GrantRole command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        Role role = command.role();
        if (role == null) {
            throw CommandRejected.invalid("role", "REQUIRED", "A role is required");
        }
        if (role == Role.SYSTEM) {
            throw CommandRejected.invalid("role", "ROLE_NOT_GRANTABLE", "The SYSTEM role belongs to MARC itself and cannot be granted");
        }
        List<County> counties = command.counties() == null ? List.of()
                : command.counties().stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (role == Role.TERRITORIAL_ADMIN && counties.isEmpty()) {
            throw CommandRejected.invalid("counties", "COUNTY_REQUIRED",
                    "A territorial administrator administers at least one county: name it");
        }
        if (role != Role.TERRITORIAL_ADMIN && !counties.isEmpty()) {
            throw CommandRejected.invalid("counties", "COUNTIES_NOT_ALLOWED",
                    "Counties are only given with the territorial administrator role, not with " + role);
        }
        if (command.followsMemberWorkflow() && role != Role.INTEGRITY_COUNSELLOR) {
            throw CommandRejected.invalid("followsMemberWorkflow", "FLAG_NOT_ALLOWED",
                    "Only an integrity counsellor can follow the working-group member workflow, not " + role);
        }
        if (!user.active) {
            throw CommandRejected.invalid("userId", "USER_INACTIVE",
                    "The account of '" + user.displayName + "' is deactivated: reactivate it before granting roles");
        }
        UserAccount.RoleTerms terms = new UserAccount.RoleTerms(counties, command.followsMemberWorkflow());
        if (terms.equals(user.roles.get(role))) {
            throw CommandRejected.invalid("role", "NO_CHANGE", "'" + user.displayName + "' already holds " + role + " on these terms");
        }
        apply(new RoleGranted(user.id, role, counties, command.followsMemberWorkflow(), user.version + 1));
        return user.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RevokeRole command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        Role role = command.role();
        if (role == null) {
            throw CommandRejected.invalid("role", "REQUIRED", "A role is required");
        }
        if (!user.holds(role)) {
            throw CommandRejected.invalid("role", "ROLE_NOT_HELD", "'" + user.displayName + "' does not hold " + role);
        }
        if (role == Role.CENTRAL_ADMIN && isLastActiveCentralAdmin(user)) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "role", "LAST_CENTRAL_ADMIN",
                    "'" + user.displayName + "' is the last active central administrator: grant the role to someone else"
                            + " first, or MARC would be left without an administrator", Map.of());
        }
        apply(new RoleRevoked(user.id, role, user.version + 1));
        return user.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateUser command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        if (!user.active) {
            throw CommandRejected.invalid("userId", "ALREADY_INACTIVE", "The account of '" + user.displayName + "' is already deactivated");
        }
        String reason = Texts.optional("reason", command.reason(), MAX_REASON_LENGTH);
        if (isLastActiveCentralAdmin(user)) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "userId", "LAST_CENTRAL_ADMIN",
                    "'" + user.displayName + "' is the last active central administrator: grant the role to someone else"
                            + " first, or MARC would be left without an administrator", Map.of());
        }
        apply(new UserDeactivated(user.id, reason, user.version + 1));
        return user.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReactivateUser command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        if (user.active) {
            throw CommandRejected.invalid("userId", "ALREADY_ACTIVE", "The account of '" + user.displayName + "' is already active");
        }
        apply(new UserReactivated(user.id, user.version + 1));
        return user.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(TransferUser command) {
        UserAccount user = requireUser("userId", command.userId());
        Entities.requireVersion("User account", user.id, command.expectedVersion(), user.version);
        String issuer = requireIdentityPart("issuer", command.issuer());
        String subject = requireIdentityPart("subject", command.subject());
        String displayName = Names.require("displayName", command.displayName());
        String email = requireEmail("email", command.email());
        String transferDetails = Texts.optional("transferDetails", command.transferDetails(), MAX_TRANSFER_DETAILS_LENGTH);
        if (transferDetails == null) {
            throw CommandRejected.invalid("transferDetails", "REQUIRED", "Say why and when the account is handed over");
        }
        Identity identity = new Identity(issuer, subject);
        if (identity.equals(user.identity())) {
            throw CommandRejected.invalid("subject", "SAME_IDENTITY",
                    "The account of '" + user.displayName + "' is already linked to this identity; to correct the name"
                            + " or e-mail of the same person, update the account's details instead");
        }
        requireIdentityFree(identity, user.id);
        apply(new UserTransferred(user.id, user.issuer, user.subject, user.displayName, user.email,
                issuer, subject, displayName, email, transferDetails, user.version + 1));
        return user.version;
    }

    // ---------------------------------------------------------------- working groups

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineWorkingGroup command) {
        Entities.requireNew(workingGroups, "workingGroupId", command.workingGroupId(), "A working group id is required",
                "Working group");
        if (command.orgUnitId() == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "An org unit id is required");
        }
        UUID existing = workingGroupByOrgUnit.get(command.orgUnitId());
        if (existing != null) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "orgUnitId", "WORKING_GROUP_EXISTS",
                    "Org unit " + command.orgUnitId() + " already has a working group: '" + workingGroups.get(existing).name + "'",
                    Map.of("workingGroupId", existing.toString()));
        }
        String name = Names.require("name", command.name());
        apply(new WorkingGroupDefined(command.workingGroupId(), command.orgUnitId(), name, 1));
        return 1;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddWorkingGroupMember command) {
        WorkingGroupEntry group = requireWorkingGroup("workingGroupId", command.workingGroupId());
        Entities.requireVersion("Working group", group.id, command.expectedVersion(), group.version);
        UserAccount user = requireUser("userId", command.userId());
        requireActive(user);
        if (!user.orgUnitId.equals(group.orgUnitId)) {
            throw CommandRejected.invalid("userId", "OTHER_ORG_UNIT",
                    "'" + user.displayName + "' belongs to another org unit than working group '" + group.name + "'");
        }
        if (!user.holdsAny(WORKING_GROUP_ROLES)) {
            throw CommandRejected.invalid("userId", "ROLE_REQUIRED", "'" + user.displayName
                    + "' must hold the role of working group head, integrity counsellor or working group member first");
        }
        if (group.members.contains(user.id)) {
            throw CommandRejected.invalid("userId", "ALREADY_MEMBER",
                    "'" + user.displayName + "' is already a member of '" + group.name + "'");
        }
        apply(new WorkingGroupMemberAdded(group.id, user.id, group.version + 1));
        return group.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RemoveWorkingGroupMember command) {
        WorkingGroupEntry group = requireWorkingGroup("workingGroupId", command.workingGroupId());
        Entities.requireVersion("Working group", group.id, command.expectedVersion(), group.version);
        UserAccount user = requireUser("userId", command.userId());
        requireMember(group, user);
        apply(new WorkingGroupMemberRemoved(group.id, user.id, user.id.equals(group.leaderId), group.version + 1));
        return group.version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AppointWorkingGroupLeader command) {
        WorkingGroupEntry group = requireWorkingGroup("workingGroupId", command.workingGroupId());
        Entities.requireVersion("Working group", group.id, command.expectedVersion(), group.version);
        UserAccount user = requireUser("userId", command.userId());
        requireMember(group, user);
        requireActive(user);
        if (!user.holdsAny(LEADER_ROLES)) {
            throw CommandRejected.invalid("userId", "ROLE_REQUIRED", "'" + user.displayName
                    + "' must hold the role of working group head or integrity counsellor to lead the group");
        }
        if (user.id.equals(group.leaderId)) {
            throw CommandRejected.invalid("userId", "NO_CHANGE", "'" + user.displayName + "' already leads '" + group.name + "'");
        }
        apply(new WorkingGroupLeaderAppointed(group.id, user.id, group.leaderId, group.version + 1));
        return group.version;
    }

    // ---------------------------------------------------------------- rules

    private UserAccount requireUser(String field, UUID id) {
        return Entities.requireKnown(users, field, id, "A user id is required", "User account");
    }

    private WorkingGroupEntry requireWorkingGroup(String field, UUID id) {
        return Entities.requireKnown(workingGroups, field, id, "A working group id is required", "Working group");
    }

    private static void requireActive(UserAccount user) {
        if (!user.active) {
            throw CommandRejected.invalid("userId", "USER_INACTIVE", "The account of '" + user.displayName + "' is deactivated");
        }
    }

    private static void requireMember(WorkingGroupEntry group, UserAccount user) {
        if (!group.members.contains(user.id)) {
            throw CommandRejected.invalid("userId", "NOT_A_MEMBER",
                    "'" + user.displayName + "' is not a member of '" + group.name + "'");
        }
    }

    /**
     * Issuer or subject: required, at most 255 characters, no control or invisible characters
     * ({@link Texts#identifier}); surrounding white space is dropped, nothing else is changed.
     */
    private static String requireIdentityPart(String field, String value) {
        String tidy = value == null ? "" : Texts.identifier(field, value);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "The " + field + " of the identity must not be empty");
        }
        if (tidy.length() > MAX_IDENTITY_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The " + field + " has " + tidy.length()
                    + " characters; at most " + MAX_IDENTITY_LENGTH + " are allowed");
        }
        return tidy;
    }

    /** Required, clean ({@link Texts#clean} single-line), looks like an e-mail address, at most 254 characters; returned trimmed and in lower case. */
    private static String requireEmail(String field, String value) {
        String tidy = value == null ? "" : Texts.clean(field, value, false).toLowerCase(Locale.ROOT);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "An e-mail address is required");
        }
        if (tidy.length() > MAX_EMAIL_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The e-mail address has " + tidy.length()
                    + " characters; at most " + MAX_EMAIL_LENGTH + " are allowed");
        }
        if (!EMAIL.matcher(tidy).matches()) {
            throw CommandRejected.invalid(field, "INVALID_EMAIL", Excerpt.quoted(tidy) + " is not an e-mail address");
        }
        return tidy;
    }

    private void requireIdentityFree(Identity identity, UUID except) {
        UUID other = userByIdentity.get(identity);
        if (other != null && !other.equals(except)) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "subject", "IDENTITY_IN_USE",
                    "This identity is already linked to the account of '" + users.get(other).displayName + "'",
                    Map.of("userId", other.toString()));
        }
    }

    /** Inactive administrators do not count: they cannot sign in. */
    private boolean isLastActiveCentralAdmin(UserAccount user) {
        if (!user.active || !user.holds(Role.CENTRAL_ADMIN)) {
            return false;
        }
        return centralAdmins.stream().map(users::get).noneMatch(other -> other.active && !other.id.equals(user.id));
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(UserRegistered event) {
        directoryId = AccessIds.DIRECTORY_ID;
        UserAccount user = new UserAccount(event.userId(), event.issuer(), event.subject(), event.displayName(),
                event.email(), event.orgUnitId(), event.version());
        users.put(user.id, user);
        userByIdentity.put(user.identity(), user.id);
    }

    @EventSourcingHandler
    void on(UserDetailsUpdated event) {
        UserAccount user = users.get(event.userId());
        user.displayName = event.displayName();
        user.email = event.email();
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        UserAccount user = users.get(event.userId());
        user.roles.put(event.role(), new UserAccount.RoleTerms(List.copyOf(event.counties()), event.followsMemberWorkflow()));
        if (event.role() == Role.CENTRAL_ADMIN) {
            centralAdmins.add(user.id);
        }
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        UserAccount user = users.get(event.userId());
        user.roles.remove(event.role());
        if (event.role() == Role.CENTRAL_ADMIN) {
            centralAdmins.remove(user.id);
        }
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        UserAccount user = users.get(event.userId());
        user.active = false;
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        UserAccount user = users.get(event.userId());
        user.active = true;
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(UserTransferred event) {
        UserAccount user = users.get(event.userId());
        userByIdentity.remove(user.identity());
        user.issuer = event.issuer();
        user.subject = event.subject();
        user.displayName = event.displayName();
        user.email = event.email();
        userByIdentity.put(user.identity(), user.id);
        user.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkingGroupDefined event) {
        directoryId = AccessIds.DIRECTORY_ID;
        workingGroups.put(event.workingGroupId(),
                new WorkingGroupEntry(event.workingGroupId(), event.orgUnitId(), event.name(), event.version()));
        workingGroupByOrgUnit.put(event.orgUnitId(), event.workingGroupId());
    }

    @EventSourcingHandler
    void on(WorkingGroupMemberAdded event) {
        WorkingGroupEntry group = workingGroups.get(event.workingGroupId());
        group.members.add(event.userId());
        group.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkingGroupMemberRemoved event) {
        WorkingGroupEntry group = workingGroups.get(event.workingGroupId());
        group.members.remove(event.userId());
        if (event.userId().equals(group.leaderId)) {
            group.leaderId = null;
        }
        group.version = event.version();
    }

    @EventSourcingHandler
    void on(WorkingGroupLeaderAppointed event) {
        WorkingGroupEntry group = workingGroups.get(event.workingGroupId());
        group.leaderId = event.userId();
        group.version = event.version();
    }
}
