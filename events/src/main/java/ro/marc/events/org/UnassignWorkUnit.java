package ro.marc.events.org;

import java.util.UUID;

public record UnassignWorkUnit(UUID orgUnitId, UUID workUnitId, long expectedVersion) implements OrganisationCommand {
}
