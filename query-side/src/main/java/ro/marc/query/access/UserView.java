package ro.marc.query.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One account as the read model holds it. {@code transfers} is the G05 "transfer details" history,
 * oldest first.
 */
public record UserView(UUID id, String issuer, String subject, String displayName, String email, UUID orgUnitId,
                       boolean active, long version, List<RoleView> roles, List<TransferView> transfers,
                       Instant createdAt, Instant updatedAt) {

    public boolean holds(ro.marc.events.access.Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }
}
