package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Corrects the same person's details (name, e-mail); handing the account to someone else is {@link TransferUser}. */
public record UpdateUserDetails(@TargetAggregateIdentifier UUID userId, String displayName, String email, long expectedVersion) implements AccessCommand {
}
