package ro.marc.api.access;

import ro.marc.events.access.Role;
import ro.marc.query.access.RoleView;
import ro.marc.query.access.UserView;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling: the identity from the token ({@code iss} + {@code sub}) and, when it is linked
 * to a MARC account, that account (roles, org unit). Roles come from MARC's own records, never
 * from the token, so revoking a role or deactivating an account takes effect on the next request.
 *
 * @param user the account, or null when the identity is linked to none
 */
public record Caller(String issuer, String subject, UserView user) {

    public boolean known() {
        return user != null;
    }

    public boolean active() {
        return user != null && user.active();
    }

    public UUID userId() {
        return user == null ? null : user.id();
    }

    /** The account's org unit, or null. */
    public UUID orgUnitId() {
        return user == null ? null : user.orgUnitId();
    }

    public List<RoleView> roles() {
        return user == null || !user.active() ? List.of() : user.roles();
    }

    public Set<Role> roleNames() {
        return roles().stream().map(RoleView::role).collect(Collectors.toSet());
    }

    public boolean holds(Role role) {
        return roleNames().contains(role);
    }

    /** What events record as the actor: the account id, or the raw identity for callers without one. */
    public String actorId() {
        return user != null ? user.id().toString() : issuer + "|" + subject;
    }
}
