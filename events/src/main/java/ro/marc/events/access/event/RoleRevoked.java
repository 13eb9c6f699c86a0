package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.access.*;

import java.util.UUID;

@EventName("access.RoleRevoked")
@Revision("2")
public record RoleRevoked(UUID userId, Role role) {
}
