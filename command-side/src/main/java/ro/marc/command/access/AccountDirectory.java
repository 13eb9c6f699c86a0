package ro.marc.command.access;

import ro.marc.events.access.Role;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the access handlers may ask about accounts other than the one they decide on: a named query
 * over the command side's {@code account_access} lookup ({@link AccountAccessTable}), which is written
 * in the transaction of every account event and so is as fresh as the event store on every node.
 * Handlers take it as a parameter; aggregate tests register an in-memory implementation.
 */
public interface AccountDirectory {

    /** The account, or empty when no account has this id. */
    Optional<AccountFact> account(UUID userId);

    /** The account linked to this identity (issuer and subject compared exactly), or empty. */
    Optional<AccountFact> holderOf(String issuer, String subject);

    /**
     * Whether an active account other than {@code userId} holds {@link Role#CENTRAL_ADMIN}. Race-safe:
     * the implementation serialises every caller of this method until its transaction ends (a
     * PostgreSQL advisory transaction lock taken before counting), so two administrators revoking or
     * deactivating each other at once cannot both see the other one and both succeed.
     */
    boolean anotherActiveCentralAdmin(UUID userId);

    /** An account as the rules need it: its current display name (for messages), org unit, state and roles. */
    record AccountFact(UUID userId, String displayName, UUID orgUnitId, boolean active, Set<Role> roles) {

        public boolean holdsAny(Role... candidates) {
            for (Role role : candidates) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }
    }
}
