package ro.marc.events.org.command;

import java.util.UUID;

public record InitialiseOrganisation(UUID rootOrgUnitId, String rootName) implements OrganisationCommand {
}
