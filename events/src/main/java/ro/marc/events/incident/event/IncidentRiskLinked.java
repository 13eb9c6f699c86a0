package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.RiskLink;

import java.util.UUID;

/**
 * The incident was linked to the risk that materialised (UCA 51). Members whose assigned work units hold the
 * linked activity are notified (UCA 47).
 */
@EventName("incident.IncidentRiskLinked")
public record IncidentRiskLinked(UUID incidentId, RiskLink link) {
}
