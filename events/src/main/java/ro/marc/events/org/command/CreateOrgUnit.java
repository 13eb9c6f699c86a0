package ro.marc.events.org.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.org.*;

import java.util.UUID;

/** {@code county} is optional: given for a county structure, inherited below one. */
public record CreateOrgUnit(@TargetAggregateIdentifier UUID orgUnitId, UUID parentId, String name, County county) implements OrganisationCommand {
}
