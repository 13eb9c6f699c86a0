package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record DefineWorkUnit(@TargetAggregateIdentifier UUID workUnitId, String name) implements OrganisationCommand {
}
