package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record InitialiseOrganisation(@TargetAggregateIdentifier UUID rootOrgUnitId, String rootName) implements OrganisationCommand {
}
