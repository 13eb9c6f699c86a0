package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserDetailsUpdated")
@Revision("2")
public record UserDetailsUpdated(UUID userId, String displayName, String email) {
}
