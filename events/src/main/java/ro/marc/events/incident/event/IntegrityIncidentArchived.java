package ro.marc.events.incident.event;

import ro.marc.events.EventName;

import java.util.UUID;

/**
 * A central administrator archived the incident (UCA 45): out of lists, counts and the probability rule of
 * Anexa 4 by default; kept and still readable; no longer edited.
 */
@EventName("incident.IntegrityIncidentArchived")
public record IntegrityIncidentArchived(UUID incidentId) {
}
