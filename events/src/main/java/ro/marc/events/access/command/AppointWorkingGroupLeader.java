package ro.marc.events.access.command;

import java.util.UUID;

/** The group's one head or integrity counsellor: a member holding one of those roles; replaces the previous one. */
public record AppointWorkingGroupLeader(UUID workingGroupId, UUID userId, long expectedVersion) implements AccessCommand {
}
