package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record ReactivateOrgUnit(@TargetAggregateIdentifier UUID orgUnitId, long expectedVersion) implements OrganisationCommand {
}
