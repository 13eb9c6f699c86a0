package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.IncidentDetails;

import java.util.UUID;

/** A central or territorial administrator recorded an integrity incident (UCA 43). */
@EventName("incident.IntegrityIncidentRecorded")
public record IntegrityIncidentRecorded(UUID incidentId, IncidentDetails details) {
}
