package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserRegistered")
public record UserRegistered(UUID userId, String issuer, String subject, String displayName, String email,
                             UUID orgUnitId, long version) {
}
