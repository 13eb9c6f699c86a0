package ro.marc.events.org.command;

import java.util.UUID;

public record MoveOrgUnit(UUID orgUnitId, UUID newParentId, long expectedVersion) implements OrganisationCommand {
}
