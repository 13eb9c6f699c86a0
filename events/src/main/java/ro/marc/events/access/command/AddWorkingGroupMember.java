package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Adds an active account of the group's org unit that holds a working-group role (head, integrity
 * counsellor or member) — UCA 4, UCA 6. Its work units are assigned later, by the plan (Anexa 1).
 */
public record AddWorkingGroupMember(@TargetAggregateIdentifier UUID workingGroupId, UUID userId, long expectedVersion) implements AccessCommand {
}
