package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Hands the account (its roles, org unit and working groups) to another person (change request
 * G05): new identity and details; {@code transferDetails} says why and when, and is kept in the
 * account's transfer history. Refused when the new identity is already linked to another account.
 */
public record TransferUser(@TargetAggregateIdentifier UUID userId, String issuer, String subject, String displayName, String email,
                           String transferDetails, long expectedVersion) implements AccessCommand {
}
