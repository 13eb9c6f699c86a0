package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.RiskLink;

import java.util.UUID;

/** A risk link was edited; {@code link} is its whole new content under the same {@code linkId}. */
@EventName("incident.IncidentRiskLinkRevised")
public record IncidentRiskLinkRevised(UUID incidentId, RiskLink link) {
}
