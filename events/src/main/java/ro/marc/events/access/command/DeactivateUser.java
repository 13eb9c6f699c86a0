package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The account is refused from its next request on; refused for the last active central administrator. */
public record DeactivateUser(@TargetAggregateIdentifier UUID userId, String reason, long expectedVersion) implements AccessCommand {
}
