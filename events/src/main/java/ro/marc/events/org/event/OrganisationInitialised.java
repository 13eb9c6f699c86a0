package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** The organisation exists; its root org unit (level 0, "MARC") is created by the next event. */
@EventName("org.OrganisationInitialised")
public record OrganisationInitialised(String organisationId, UUID rootOrgUnitId) {
}
