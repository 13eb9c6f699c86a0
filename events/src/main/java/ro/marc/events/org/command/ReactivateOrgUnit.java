package ro.marc.events.org.command;

import java.util.UUID;

public record ReactivateOrgUnit(UUID orgUnitId, long expectedVersion) implements OrganisationCommand {
}
