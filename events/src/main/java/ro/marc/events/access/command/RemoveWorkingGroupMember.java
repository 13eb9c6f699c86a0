package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removing the leader leaves the group without one until another is appointed. */
public record RemoveWorkingGroupMember(@TargetAggregateIdentifier UUID workingGroupId, UUID userId, long expectedVersion) implements AccessCommand {
}
