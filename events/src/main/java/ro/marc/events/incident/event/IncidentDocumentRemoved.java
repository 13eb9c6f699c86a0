package ro.marc.events.incident.event;

import ro.marc.events.EventName;

import java.util.UUID;

/**
 * One document was removed from the incident (I01: that document only). Its metadata stays in history; its
 * content is deleted from the file store when no other document of any incident holds the same content.
 */
@EventName("incident.IncidentDocumentRemoved")
public record IncidentDocumentRemoved(UUID incidentId, UUID documentId, String sha256) {
}
