package ro.marc.events.org.command;

import java.util.UUID;

public record DeactivateOrgUnit(UUID orgUnitId, long expectedVersion) implements OrganisationCommand {
}
