package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ReactivateUser(@TargetAggregateIdentifier UUID userId, long expectedVersion) implements AccessCommand {
}
