package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record DeactivateOrgUnit(@TargetAggregateIdentifier UUID orgUnitId, long expectedVersion) implements OrganisationCommand {
}
