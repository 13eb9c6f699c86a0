package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserRegistered")
@Revision("2")
public record UserRegistered(UUID userId, String issuer, String subject, String displayName, String email,
                             UUID orgUnitId) {
}
