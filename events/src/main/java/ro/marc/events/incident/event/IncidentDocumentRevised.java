package ro.marc.events.incident.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** A document's title or short content was edited (UCA 48); its file stays. */
@EventName("incident.IncidentDocumentRevised")
public record IncidentDocumentRevised(UUID incidentId, UUID documentId, String title, String summary) {
}
