package ro.marc.events.access;

import java.util.UUID;

public record RoleRevoked(UUID userId, Role role, long version) {
}
