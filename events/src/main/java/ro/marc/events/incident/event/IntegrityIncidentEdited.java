package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;

import java.util.UUID;

/**
 * An administrator edited the incident (UCA 44); {@code details} is the whole new content.
 * {@code previousType}: the type before the edit (a change of type reads from it; an acquittal is followed by
 * one {@link IncidentRiskUnlinked} per link).
 */
@EventName("incident.IntegrityIncidentEdited")
public record IntegrityIncidentEdited(UUID incidentId, IncidentDetails details, IncidentType previousType) {
}
