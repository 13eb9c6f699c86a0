package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record MoveOrgUnit(@TargetAggregateIdentifier UUID orgUnitId, UUID newParentId, long expectedVersion) implements OrganisationCommand {
}
