package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The working group for the prevention of corruption of an org unit (UCA 3, UCA 5); one per org unit. */
public record DefineWorkingGroup(@TargetAggregateIdentifier UUID workingGroupId, UUID orgUnitId, String name) implements AccessCommand {
}
