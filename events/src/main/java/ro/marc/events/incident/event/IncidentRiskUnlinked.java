package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.UnlinkReason;

import java.util.UUID;

/** A risk link was removed: by an administrator, or because the incident became an acquittal (§4.4). */
@EventName("incident.IncidentRiskUnlinked")
public record IncidentRiskUnlinked(UUID incidentId, UUID linkId, UUID riskId, UnlinkReason reason) {
}
