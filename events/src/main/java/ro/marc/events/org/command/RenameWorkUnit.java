package ro.marc.events.org.command;

import java.util.UUID;

public record RenameWorkUnit(UUID workUnitId, String name, long expectedVersion) implements OrganisationCommand {
}
