package ro.marc.command.access;

import ro.marc.events.access.Role;
import ro.marc.events.org.County;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The aggregate's in-memory view of one account: only what the rules need. */
final class UserAccount {

    /** The terms on which a role is held; {@code counties} sorted, empty unless territorial admin. */
    record RoleTerms(List<County> counties, boolean followsMemberWorkflow) {
    }

    final UUID id;
    String issuer;
    String subject;
    String displayName;
    String email;
    final UUID orgUnitId;
    boolean active = true;
    long version;
    final Map<Role, RoleTerms> roles = new EnumMap<>(Role.class);

    UserAccount(UUID id, String issuer, String subject, String displayName, String email, UUID orgUnitId,
                long version) {
        this.id = id;
        this.issuer = issuer;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
        this.orgUnitId = orgUnitId;
        this.version = version;
    }

    Identity identity() {
        return new Identity(issuer, subject);
    }

    boolean holds(Role role) {
        return roles.containsKey(role);
    }

    boolean holdsAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.containsKey(role)) {
                return true;
            }
        }
        return false;
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UserAccount that && id.equals(that.id) && issuer.equals(that.issuer)
                && subject.equals(that.subject) && displayName.equals(that.displayName) && email.equals(that.email)
                && orgUnitId.equals(that.orgUnitId) && active == that.active && version == that.version
                && roles.equals(that.roles);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
