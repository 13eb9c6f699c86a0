package ro.marc.events.access;

import java.util.UUID;

public record UserDetailsUpdated(UUID userId, String displayName, String email, long version) {
}
