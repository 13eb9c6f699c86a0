package ro.marc.events.access;

import java.util.UUID;

public record UserReactivated(UUID userId, long version) {
}
