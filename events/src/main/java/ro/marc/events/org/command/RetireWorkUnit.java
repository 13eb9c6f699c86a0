package ro.marc.events.org.command;

import java.util.UUID;

public record RetireWorkUnit(UUID workUnitId, long expectedVersion) implements OrganisationCommand {
}
