package ro.marc.command.access;

import ro.marc.events.access.Role;
import ro.marc.events.access.event.*;

import java.util.*;

/**
 * The access lookups in memory, for aggregate tests: what other accounts and working groups exist is
 * given as their events ({@link #given}), as the JDBC lookups would have applied them. Registered as
 * an injectable resource, it answers both {@link AccountDirectory} and {@link WorkingGroupDirectory}.
 */
public final class InMemoryAccessLookup implements AccountDirectory, WorkingGroupDirectory {

    private final Map<UUID, AccountFact> accounts = new LinkedHashMap<>();
    private final Map<UUID, String[]> identities = new HashMap<>();
    private final Map<UUID, WorkingGroupFact> groups = new LinkedHashMap<>();
    private final Map<UUID, Set<UUID>> members = new HashMap<>();
    /** How often {@link #anotherActiveCentralAdmin} was asked (the lock it stands for). */
    int centralAdminQuestions;

    public InMemoryAccessLookup given(Object... events) {
        for (Object event : events) {
            switch (event) {
                case UserRegistered e -> {
                    accounts.put(e.userId(), new AccountFact(e.userId(), e.displayName(), e.orgUnitId(), true, Set.of()));
                    identities.put(e.userId(), new String[]{e.issuer(), e.subject()});
                }
                case RoleGranted e -> change(e.userId(), a -> with(a, a.active(), plus(a.roles(), e.role())));
                case RoleRevoked e -> change(e.userId(), a -> with(a, a.active(), minus(a.roles(), e.role())));
                case UserDeactivated e -> change(e.userId(), a -> with(a, false, a.roles()));
                case UserReactivated e -> change(e.userId(), a -> with(a, true, a.roles()));
                case UserDetailsUpdated e -> change(e.userId(), a -> new AccountFact(a.userId(), e.displayName(),
                        a.orgUnitId(), a.active(), a.roles()));
                case UserTransferred e -> {
                    change(e.userId(), a -> new AccountFact(a.userId(), e.displayName(), a.orgUnitId(), a.active(), a.roles()));
                    identities.put(e.userId(), new String[]{e.issuer(), e.subject()});
                }
                case WorkingGroupDefined e -> groups.put(e.workingGroupId(),
                        new WorkingGroupFact(e.workingGroupId(), e.orgUnitId(), e.name()));
                case WorkingGroupMemberAdded e -> members.computeIfAbsent(e.workingGroupId(), g -> new HashSet<>()).add(e.userId());
                case WorkingGroupMemberRemoved e -> members.getOrDefault(e.workingGroupId(), new HashSet<>()).remove(e.userId());
                default -> throw new IllegalArgumentException("not an event the access lookups keep: " + event);
            }
        }
        return this;
    }

    @Override
    public Optional<AccountFact> account(UUID userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public Optional<AccountFact> holderOf(String issuer, String subject) {
        return identities.entrySet().stream()
                .filter(i -> i.getValue()[0].equals(issuer) && i.getValue()[1].equals(subject))
                .map(i -> accounts.get(i.getKey())).findFirst();
    }

    @Override
    public boolean anotherActiveCentralAdmin(UUID userId) {
        centralAdminQuestions++;
        return accounts.values().stream().anyMatch(a -> a.active() && a.roles().contains(Role.CENTRAL_ADMIN)
                && !a.userId().equals(userId));
    }

    @Override
    public Optional<WorkingGroupFact> workingGroupOf(UUID orgUnitId) {
        return groups.values().stream().filter(g -> g.orgUnitId().equals(orgUnitId)).findFirst();
    }

    @Override
    public boolean isMember(UUID orgUnitId, UUID userId) {
        return workingGroupOf(orgUnitId).map(g -> members.getOrDefault(g.workingGroupId(), Set.of()).contains(userId))
                .orElse(false);
    }

    private void change(UUID userId, java.util.function.UnaryOperator<AccountFact> change) {
        accounts.computeIfPresent(userId, (id, account) -> change.apply(account));
    }

    private static AccountFact with(AccountFact account, boolean active, Set<Role> roles) {
        return new AccountFact(account.userId(), account.displayName(), account.orgUnitId(), active, roles);
    }

    private static Set<Role> plus(Set<Role> roles, Role role) {
        Set<Role> changed = EnumSet.noneOf(Role.class);
        changed.addAll(roles);
        changed.add(role);
        return Set.copyOf(changed);
    }

    private static Set<Role> minus(Set<Role> roles, Role role) {
        Set<Role> changed = new HashSet<>(roles);
        changed.remove(role);
        return Set.copyOf(changed);
    }
}
