package ro.marc.events.org.command;

import java.util.UUID;

public record RenameOrgUnit(UUID orgUnitId, String name, long expectedVersion) implements OrganisationCommand {
}
