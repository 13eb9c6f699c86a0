package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserDeactivated")
@Revision("2")
public record UserDeactivated(UUID userId, String reason) {
}
