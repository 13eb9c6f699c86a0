package ro.marc.events.org.command;

import java.util.UUID;

public record DefineWorkUnit(UUID workUnitId, String name) implements OrganisationCommand {
}
