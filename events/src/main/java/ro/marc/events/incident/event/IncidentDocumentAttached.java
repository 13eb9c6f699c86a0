package ro.marc.events.incident.event;

import ro.marc.events.EventName;
import ro.marc.events.incident.IncidentDocument;

import java.util.UUID;

/**
 * A document was attached to the incident (UCA 46, 48, 50); its content was kept in the incident file store in
 * the same transaction. {@code uploadedByName}: the uploader's display name then.
 */
@EventName("incident.IncidentDocumentAttached")
public record IncidentDocumentAttached(UUID incidentId, IncidentDocument document, String uploadedByName) {
}
