package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Creates an account linked to an identity of the identity provider ({@code issuer} + {@code subject},
 * the token's {@code iss} and {@code sub}) in an org unit. The account starts active, without roles.
 */
public record RegisterUser(@TargetAggregateIdentifier UUID userId, String issuer, String subject, String displayName, String email,
                           UUID orgUnitId) implements AccessCommand {
}
