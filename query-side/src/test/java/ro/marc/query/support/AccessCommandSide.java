package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.UserAccount;
import ro.marc.command.access.WorkingGroup;
import ro.marc.command.access.WorkingGroupDirectory;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.util.*;

/**
 * The real access aggregates ({@link UserAccount}, {@link WorkingGroup}) in memory, for projection
 * tests: each method sends one command, as of the entity's current version, and returns the event it
 * published (with its real aggregate identifier, sequence number and timestamp), which the given
 * projections have already handled. What the handlers ask about other accounts and groups comes from
 * in-memory lookups fed by the same events; every org unit exists.
 */
public final class AccessCommandSide {

    private final CommandSideForTests commandSide;
    private final List<Object> projections;

    public AccessCommandSide(Object... projections) {
        this.projections = List.of(projections);
        Lookups lookups = new Lookups();
        List<Object> handlers = new ArrayList<>();
        handlers.add(lookups);
        handlers.addAll(this.projections);
        commandSide = CommandSideForTests.with(UserAccount.class, WorkingGroup.class)
                .resource(AccountDirectory.class, lookups)
                .resource(WorkingGroupDirectory.class, lookups)
                .resource(OrgFacts.class, EVERY_ORG_UNIT)
                .projections(handlers.toArray())
                .start();
    }

    /** The metadata {@code userId} of the commands sent from now on, and so of their events. */
    public AccessCommandSide actingAs(String userId) {
        commandSide.actingAs(userId);
        return this;
    }

    // ------------------------------------------------------------------ accounts

    public DomainEventMessage<?> register(UUID userId, String issuer, String subject, String displayName, String email,
                                         UUID orgUnitId) {
        return send(new RegisterUser(userId, issuer, subject, displayName, email, orgUnitId));
    }

    public DomainEventMessage<?> updateDetails(UUID userId, String displayName, String email) {
        return send(new UpdateUserDetails(userId, displayName, email, version(userId)));
    }

    public DomainEventMessage<?> grant(UUID userId, Role role, County... counties) {
        return grant(userId, role, false, counties);
    }

    public DomainEventMessage<?> grant(UUID userId, Role role, boolean followsMemberWorkflow, County... counties) {
        return send(new GrantRole(userId, role, Set.of(counties), followsMemberWorkflow, version(userId)));
    }

    public DomainEventMessage<?> revoke(UUID userId, Role role) {
        return send(new RevokeRole(userId, role, version(userId)));
    }

    public DomainEventMessage<?> deactivate(UUID userId, String reason) {
        return send(new DeactivateUser(userId, reason, version(userId)));
    }

    public DomainEventMessage<?> reactivate(UUID userId) {
        return send(new ReactivateUser(userId, version(userId)));
    }

    public DomainEventMessage<?> transfer(UUID userId, String issuer, String subject, String displayName, String email,
                                         String details) {
        return send(new TransferUser(userId, issuer, subject, displayName, email, details, version(userId)));
    }

    // ------------------------------------------------------------------ working groups

    public DomainEventMessage<?> defineGroup(UUID groupId, UUID orgUnitId, String name) {
        return send(new DefineWorkingGroup(groupId, orgUnitId, name));
    }

    public DomainEventMessage<?> addMember(UUID groupId, UUID userId) {
        return send(new AddWorkingGroupMember(groupId, userId, version(groupId)));
    }

    public DomainEventMessage<?> removeMember(UUID groupId, UUID userId) {
        return send(new RemoveWorkingGroupMember(groupId, userId, version(groupId)));
    }

    public DomainEventMessage<?> appointLeader(UUID groupId, UUID userId) {
        return send(new AppointWorkingGroupLeader(groupId, userId, version(groupId)));
    }

    // ------------------------------------------------------------------ what the aggregates wrote

    /** The entity's version: its aggregate's last sequence number + 1, as the aggregate says. */
    public long version(UUID id) {
        return commandSide.published().stream().filter(e -> e.getAggregateIdentifier().equals(id.toString()))
                .mapToLong(DomainEventMessage::getSequenceNumber).max().orElse(-1) + 1;
    }

    public List<DomainEventMessage<?>> messages() {
        return commandSide.published();
    }

    // ------------------------------------------------------------------ delivery

    /** Delivers every event again, in the order published, as a replay or an at-least-once redelivery would. */
    public void replayAll() throws Exception {
        commandSide.replayAll();
    }

    /** A processor reset: the projections' {@code @ResetHandler}s, then every event from the start. */
    public void resetAndReplay() throws Exception {
        projections.forEach(p -> new AnnotationEventHandlerAdapter(p).prepareReset());
        replayAll();
    }

    /** Delivers these (typically old) events again. */
    public void deliver(DomainEventMessage<?>... old) throws Exception {
        commandSide.deliver(all -> List.of(old));
    }

    private DomainEventMessage<?> send(Object command) {
        int before = commandSide.published().size();
        commandSide.send(command);
        List<DomainEventMessage<?>> published = commandSide.published();
        if (published.size() != before + 1) {
            throw new IllegalStateException(command + " published " + (published.size() - before) + " events");
        }
        return published.getLast();
    }

    private static final OrgFacts EVERY_ORG_UNIT = new OrgFacts() {
        @Override
        public Optional<OrgUnitFact> orgUnit(UUID id) {
            return Optional.of(new OrgUnitFact(id, "Org unit " + id, null, 1, null, true, Set.of(), List.of()));
        }

        @Override
        public Optional<WorkUnitFact> workUnit(UUID id) {
            return Optional.empty();
        }
    };

    /**
     * The command side's access lookups in memory, fed the published events (guarded by each aggregate's
     * sequence number, so a redelivery changes nothing).
     */
    static final class Lookups implements AccountDirectory, WorkingGroupDirectory {

        private final Map<UUID, AccountFact> accounts = new HashMap<>();
        private final Map<UUID, List<String>> identities = new HashMap<>();
        private final Map<UUID, WorkingGroupFact> groups = new HashMap<>();
        private final Map<UUID, Set<UUID>> members = new HashMap<>();
        private final Map<UUID, Long> applied = new HashMap<>();

        /** True once per event: later than what was applied of its aggregate (the first UUID of the event). */
        private boolean fresh(UUID aggregate, long seq) {
            Long last = applied.get(aggregate);
            if (last != null && seq <= last) {
                return false;
            }
            applied.put(aggregate, seq);
            return true;
        }

        @EventHandler
        void on(UserRegistered e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                accounts.put(e.userId(), new AccountFact(e.userId(), e.displayName(), e.orgUnitId(), true, Set.of()));
                identities.put(e.userId(), List.of(e.issuer(), e.subject()));
            }
        }

        @EventHandler
        void on(RoleGranted e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), a.displayName(), a.orgUnitId(), a.active(), with(a.roles(), e.role(), true)));
            }
        }

        @EventHandler
        void on(RoleRevoked e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), a.displayName(), a.orgUnitId(), a.active(), with(a.roles(), e.role(), false)));
            }
        }

        @EventHandler
        void on(UserDeactivated e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), a.displayName(), a.orgUnitId(), false, a.roles()));
            }
        }

        @EventHandler
        void on(UserReactivated e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), a.displayName(), a.orgUnitId(), true, a.roles()));
            }
        }

        @EventHandler
        void on(UserDetailsUpdated e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), e.displayName(), a.orgUnitId(), a.active(), a.roles()));
            }
        }

        @EventHandler
        void on(UserTransferred e, @SequenceNumber long seq) {
            if (fresh(e.userId(), seq)) {
                change(e.userId(), a -> new AccountFact(a.userId(), e.displayName(), a.orgUnitId(), a.active(), a.roles()));
                identities.put(e.userId(), List.of(e.issuer(), e.subject()));
            }
        }

        @EventHandler
        void on(WorkingGroupDefined e, @SequenceNumber long seq) {
            if (fresh(e.workingGroupId(), seq)) {
                groups.put(e.workingGroupId(), new WorkingGroupFact(e.workingGroupId(), e.orgUnitId(), e.name()));
            }
        }

        @EventHandler
        void on(WorkingGroupMemberAdded e, @SequenceNumber long seq) {
            if (fresh(e.workingGroupId(), seq)) {
                members.computeIfAbsent(e.workingGroupId(), g -> new java.util.HashSet<>()).add(e.userId());
            }
        }

        @EventHandler
        void on(WorkingGroupMemberRemoved e, @SequenceNumber long seq) {
            if (fresh(e.workingGroupId(), seq)) {
                members.getOrDefault(e.workingGroupId(), new java.util.HashSet<>()).remove(e.userId());
            }
        }

        @Override
        public boolean isMember(UUID orgUnitId, UUID userId) {
            return workingGroupOf(orgUnitId).map(g -> members.getOrDefault(g.workingGroupId(), Set.of()).contains(userId))
                    .orElse(false);
        }

        @Override
        public Optional<AccountFact> account(UUID userId) {
            return Optional.ofNullable(accounts.get(userId));
        }

        @Override
        public Optional<AccountFact> holderOf(String issuer, String subject) {
            return identities.entrySet().stream().filter(i -> i.getValue().equals(List.of(issuer, subject)))
                    .map(i -> accounts.get(i.getKey())).findFirst();
        }

        @Override
        public boolean anotherActiveCentralAdmin(UUID userId) {
            return accounts.values().stream().anyMatch(a -> a.active() && a.roles().contains(Role.CENTRAL_ADMIN)
                    && !a.userId().equals(userId));
        }

        @Override
        public Optional<WorkingGroupFact> workingGroupOf(UUID orgUnitId) {
            return groups.values().stream().filter(g -> g.orgUnitId().equals(orgUnitId)).findFirst();
        }

        private void change(UUID userId, java.util.function.UnaryOperator<AccountFact> change) {
            accounts.computeIfPresent(userId, (id, account) -> change.apply(account));
        }

        private static Set<Role> with(Set<Role> roles, Role role, boolean held) {
            Set<Role> changed = EnumSet.noneOf(Role.class);
            changed.addAll(roles);
            if (held) {
                changed.add(role);
            } else {
                changed.remove(role);
            }
            return Set.copyOf(changed);
        }
    }
}
