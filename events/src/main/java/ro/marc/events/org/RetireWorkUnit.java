package ro.marc.events.org;

import java.util.UUID;

public record RetireWorkUnit(UUID workUnitId, long expectedVersion) implements OrganisationCommand {
}
