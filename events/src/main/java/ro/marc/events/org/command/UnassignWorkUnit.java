package ro.marc.events.org.command;

import java.util.UUID;

public record UnassignWorkUnit(UUID orgUnitId, UUID workUnitId, long expectedVersion) implements OrganisationCommand {
}
