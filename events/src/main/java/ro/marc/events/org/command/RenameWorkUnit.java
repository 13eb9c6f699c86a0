package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RenameWorkUnit(@TargetAggregateIdentifier UUID workUnitId, String name, long expectedVersion) implements OrganisationCommand {
}
