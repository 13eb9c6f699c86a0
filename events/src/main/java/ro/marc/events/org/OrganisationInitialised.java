package ro.marc.events.org;

import java.util.UUID;

/** The organisation exists; its root org unit (level 0, "MARC") is created by the next event. */
public record OrganisationInitialised(String organisationId, UUID rootOrgUnitId) {
}
