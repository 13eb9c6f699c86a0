package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.access.*;

import java.util.UUID;

/** Refused when it would leave MARC without an active central administrator. */
public record RevokeRole(@TargetAggregateIdentifier UUID userId, Role role, long expectedVersion) implements AccessCommand {
}
