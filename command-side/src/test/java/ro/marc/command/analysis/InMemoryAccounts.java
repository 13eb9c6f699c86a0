package ro.marc.command.analysis;

import ro.marc.command.access.AccountDirectory;
import ro.marc.events.access.Role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link AccountDirectory} in memory: the accounts a test names. */
public final class InMemoryAccounts implements AccountDirectory {

    private final Map<UUID, AccountFact> accounts = new LinkedHashMap<>();

    public InMemoryAccounts account(UUID userId, String name, UUID orgUnitId, boolean active, Role... roles) {
        accounts.put(userId, new AccountFact(userId, name, orgUnitId, active, Set.of(roles)));
        return this;
    }

    @Override
    public Optional<AccountFact> account(UUID userId) {
        return Optional.ofNullable(userId == null ? null : accounts.get(userId));
    }

    @Override
    public Optional<AccountFact> holderOf(String issuer, String subject) {
        return Optional.empty();
    }

    @Override
    public boolean anotherActiveCentralAdmin(UUID userId) {
        return true;
    }
}
