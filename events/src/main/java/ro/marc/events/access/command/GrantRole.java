package ro.marc.events.access.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.access.*;

import ro.marc.events.org.County;

import java.util.Set;
import java.util.UUID;

/**
 * Grants a role, or changes the terms of one already held. {@code counties} is required for (and
 * only allowed with) {@link Role#TERRITORIAL_ADMIN}; {@code followsMemberWorkflow} (change request
 * A103) only with {@link Role#INTEGRITY_COUNSELLOR}.
 */
public record GrantRole(@TargetAggregateIdentifier UUID userId, Role role, Set<County> counties, boolean followsMemberWorkflow,
                        long expectedVersion) implements AccessCommand {
}
