package ro.marc.events.access.event;

import ro.marc.events.EventName;
import ro.marc.events.access.*;

import java.util.UUID;

@EventName("access.RoleRevoked")
public record RoleRevoked(UUID userId, Role role, long version) {
}
