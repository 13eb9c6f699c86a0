package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RetireWorkUnit(@TargetAggregateIdentifier UUID workUnitId, long expectedVersion) implements OrganisationCommand {
}
