package ro.marc.events.access;

import java.util.UUID;

public record UserRegistered(UUID userId, String issuer, String subject, String displayName, String email,
                             UUID orgUnitId, long version) {
}
