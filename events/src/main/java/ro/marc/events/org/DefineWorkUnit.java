package ro.marc.events.org;

import java.util.UUID;

public record DefineWorkUnit(UUID workUnitId, String name) implements OrganisationCommand {
}
