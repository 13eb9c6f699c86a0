package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The group's one head or integrity counsellor: a member holding one of those roles; replaces the previous one. */
public record AppointWorkingGroupLeader(@TargetAggregateIdentifier UUID workingGroupId, UUID userId, long expectedVersion) implements AccessCommand {
}
