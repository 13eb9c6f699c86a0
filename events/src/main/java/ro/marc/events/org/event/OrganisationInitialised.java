package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/**
 * The organisation exists; its root org unit (level 0, "MARC") is created by the next event. Written
 * by releases up to 2026-12-01 (stream "marc"); no longer emitted: the root is an org unit created by
 * {@link OrgUnitCreated} with no parent. Kept so stored events stay readable.
 */
@EventName("org.OrganisationInitialised")
public record OrganisationInitialised(String organisationId, UUID rootOrgUnitId) {
}
