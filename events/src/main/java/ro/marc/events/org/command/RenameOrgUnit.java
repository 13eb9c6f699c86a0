package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RenameOrgUnit(@TargetAggregateIdentifier UUID orgUnitId, String name, long expectedVersion) implements OrganisationCommand {
}
