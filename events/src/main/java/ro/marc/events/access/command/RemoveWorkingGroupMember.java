package ro.marc.events.access.command;

import java.util.UUID;

/** Removing the leader leaves the group without one until another is appointed. */
public record RemoveWorkingGroupMember(UUID workingGroupId, UUID userId, long expectedVersion) implements AccessCommand {
}
