package ro.marc.events.access.command;

import java.util.UUID;

public record ReactivateUser(UUID userId, long expectedVersion) implements AccessCommand {
}
