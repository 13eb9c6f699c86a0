package ro.marc.api.authorization;

import ro.marc.command.access.AccountAccess;
import ro.marc.events.access.Role;
import ro.marc.events.org.County;
import ro.marc.query.access.RoleView;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling: the identity from the token ({@code iss} + {@code sub}) and, when it is linked
 * to a MARC account, that account's access (roles, org unit, active) as the command side holds it
 * ({@link AccountAccess}: written in the transaction of the account's events, never behind them).
 * Roles come from MARC's own records, never from the token, so revoking a role or deactivating an
 * account takes effect on the next request, whatever the read models' lag.
 *
 * @param account the account's access, or null when the identity is linked to none
 */
public record Caller(String issuer, String subject, AccountAccess account) {

    public boolean known() {
        return account != null;
    }

    public boolean active() {
        return account != null && account.active();
    }

    public UUID userId() {
        return account == null ? null : account.userId();
    }

    /** The account's org unit, or null. */
    public UUID orgUnitId() {
        return account == null ? null : account.orgUnitId();
    }

    /** The roles of an active account (none for a deactivated one), in role order. */
    public List<RoleView> roles() {
        return account == null || !account.active() ? List.of() : account.roles().stream()
                .map(g -> new RoleView(g.role(), g.counties().stream().map(County::name).toList(), g.followsMemberWorkflow()))
                .toList();
    }

    public Set<Role> roleNames() {
        return roles().stream().map(RoleView::role).collect(Collectors.toSet());
    }

    public boolean holds(Role role) {
        return roleNames().contains(role);
    }

    /** What events record as the actor: the account id, or the raw identity for callers without one. */
    public String actorId() {
        return account != null ? account.userId().toString() : issuer + "|" + subject;
    }
}
