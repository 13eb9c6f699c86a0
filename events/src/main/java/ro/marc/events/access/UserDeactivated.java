package ro.marc.events.access;

import java.util.UUID;

public record UserDeactivated(UUID userId, String reason, long version) {
}
