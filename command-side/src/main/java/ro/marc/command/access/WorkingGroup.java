package ro.marc.command.access;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Names;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The working group for the prevention of corruption of one org unit (UCA 3-6): its members and its
 * leader. Its version is its own sequence number + 1 ({@link Versions}).
 *
 * <p>Rules about other aggregates are decided from named queries: the org unit exists
 * ({@link OrgFacts}); one working group per org unit ({@link WorkingGroupDirectory}, whose unique org
 * unit refuses the second of two racing definitions at commit with the same WORKING_GROUP_EXISTS); a
 * member is an active account of the group's org unit holding a working-group role, and the leader a
 * member holding head or integrity counsellor ({@link AccountDirectory}). An account changed at the
 * same moment (deactivated, a role revoked) gives the same result as the change made just after:
 * a deactivated account keeps its memberships, and its org unit never changes.
 *
 * <p>Every handler is {@code CREATE_IF_MISSING}: {@link DefineWorkingGroup} creates the group (a retry
 * with the same id and content answers version 1; other content is DUPLICATE_ID), any other command
 * on a missing group is a typed NOT_FOUND.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class WorkingGroup {

    /** Roles that may be members of a working group. */
    private static final Role[] WORKING_GROUP_ROLES =
            {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR, Role.WORKING_GROUP_MEMBER};
    /** Roles that may lead a working group. */
    private static final Role[] LEADER_ROLES = {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR};

    @AggregateIdentifier
    private String id;
    private UUID workingGroupId;
    private UUID orgUnitId;
    private String name;
    private final Set<UUID> members = new LinkedHashSet<>();
    /** The head or integrity counsellor leading the group; null until appointed or after the leader left. */
    private UUID leaderId;

    protected WorkingGroup() {
        // for Axon: rebuilt from its events, or created empty by DefineWorkingGroup
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineWorkingGroup command, WorkingGroupDirectory groups, OrgFacts org) {
        if (command.workingGroupId() == null) {
            throw CommandRejected.invalid("workingGroupId", "REQUIRED", "A working group id is required");
        }
        if (command.orgUnitId() == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "An org unit id is required");
        }
        String askedName = Names.require("name", command.name());
        if (exists()) {
            return Creations.repeated(new Definition(orgUnitId, name), new Definition(command.orgUnitId(), askedName),
                    "workingGroupId", command.workingGroupId(), "Working group", 1);
        }
        Creations.requireUnused("workingGroupId", command.workingGroupId(), "Working group");
        if (org.orgUnit(command.orgUnitId()).isEmpty()) {
            throw CommandRejected.notFound("orgUnitId", command.orgUnitId(), "Org unit");
        }
        groups.workingGroupOf(command.orgUnitId()).ifPresent(existing -> {
            throw AccessRefusals.workingGroupExists(command.orgUnitId(), existing.workingGroupId(), existing.name());
        });
        apply(new WorkingGroupDefined(command.workingGroupId(), command.orgUnitId(), askedName));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddWorkingGroupMember command, AccountDirectory accounts) {
        requireExisting(command.workingGroupId(), command.expectedVersion());
        AccountFact user = requireAccount(accounts, command.userId());
        requireActive(user);
        if (!user.orgUnitId().equals(orgUnitId)) {
            throw CommandRejected.invalid("userId", "OTHER_ORG_UNIT",
                    "'" + user.displayName() + "' belongs to another org unit than working group '" + name + "'");
        }
        if (!user.holdsAny(WORKING_GROUP_ROLES)) {
            throw CommandRejected.invalid("userId", "ROLE_REQUIRED", "'" + user.displayName()
                    + "' must hold the role of working group head, integrity counsellor or working group member first");
        }
        if (members.contains(user.userId())) {
            throw CommandRejected.invalid("userId", "ALREADY_MEMBER",
                    "'" + user.displayName() + "' is already a member of '" + name + "'");
        }
        apply(new WorkingGroupMemberAdded(workingGroupId, user.userId()));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RemoveWorkingGroupMember command, AccountDirectory accounts) {
        requireExisting(command.workingGroupId(), command.expectedVersion());
        AccountFact user = requireAccount(accounts, command.userId());
        requireMember(user);
        apply(new WorkingGroupMemberRemoved(workingGroupId, user.userId(), user.userId().equals(leaderId)));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AppointWorkingGroupLeader command, AccountDirectory accounts) {
        requireExisting(command.workingGroupId(), command.expectedVersion());
        AccountFact user = requireAccount(accounts, command.userId());
        requireMember(user);
        requireActive(user);
        if (!user.holdsAny(LEADER_ROLES)) {
            throw CommandRejected.invalid("userId", "ROLE_REQUIRED", "'" + user.displayName()
                    + "' must hold the role of working group head or integrity counsellor to lead the group");
        }
        if (user.userId().equals(leaderId)) {
            throw CommandRejected.invalid("userId", "NO_CHANGE", "'" + user.displayName() + "' already leads '" + name + "'");
        }
        apply(new WorkingGroupLeaderAppointed(workingGroupId, user.userId(), leaderId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    /** What a definition states: a retried one with the same content changes nothing. */
    private record Definition(UUID orgUnitId, String name) {
    }

    private boolean exists() {
        return workingGroupId != null;
    }

    /** The group exists (typed NOT_FOUND otherwise) and the caller edited its current version. */
    private void requireExisting(UUID commandGroupId, long expectedVersion) {
        if (commandGroupId == null) {
            throw CommandRejected.invalid("workingGroupId", "REQUIRED", "A working group id is required");
        }
        if (!exists()) {
            throw CommandRejected.notFound("workingGroupId", commandGroupId, "Working group");
        }
        Versions.require("Working group", workingGroupId, expectedVersion);
    }

    private static AccountFact requireAccount(AccountDirectory accounts, UUID userId) {
        if (userId == null) {
            throw CommandRejected.invalid("userId", "REQUIRED", "A user id is required");
        }
        return accounts.account(userId).orElseThrow(() -> CommandRejected.notFound("userId", userId, "User account"));
    }

    private static void requireActive(AccountFact user) {
        if (!user.active()) {
            throw CommandRejected.invalid("userId", "USER_INACTIVE", "The account of '" + user.displayName() + "' is deactivated");
        }
    }

    private void requireMember(AccountFact user) {
        if (!members.contains(user.userId())) {
            throw CommandRejected.invalid("userId", "NOT_A_MEMBER",
                    "'" + user.displayName() + "' is not a member of '" + name + "'");
        }
    }

    // ---------------------------------------------------------------- state

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds no working group).
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(WorkingGroupDefined event) {
        id = event.workingGroupId().toString();
        workingGroupId = event.workingGroupId();
        orgUnitId = event.orgUnitId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(WorkingGroupMemberAdded event) {
        members.add(event.userId());
    }

    @EventSourcingHandler
    void on(WorkingGroupMemberRemoved event) {
        members.remove(event.userId());
        if (event.userId().equals(leaderId)) {
            leaderId = null;
        }
    }

    @EventSourcingHandler
    void on(WorkingGroupLeaderAppointed event) {
        leaderId = event.userId();
    }
}
