package ro.marc.events.access;

import java.util.UUID;

public record ReactivateUser(UUID userId, long expectedVersion) implements AccessCommand {
}
