package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;
import java.util.UUID;

/** Assigns several work units at once; all or none (each must be active and held by the parent). */
public record AssignWorkUnits(@TargetAggregateIdentifier UUID orgUnitId, List<UUID> workUnitIds, long expectedVersion)
        implements OrganisationCommand {
}
