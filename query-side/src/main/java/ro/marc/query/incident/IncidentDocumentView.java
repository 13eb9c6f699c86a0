package ro.marc.query.incident;

import ro.marc.events.incident.IncidentDocumentKind;

import java.time.Instant;
import java.util.UUID;

/** A live document of an incident; its content is {@code IncidentFiles.content(sha256)} (command side's file store). */
public record IncidentDocumentView(UUID documentId, UUID incidentId, UUID orgUnitId, IncidentDocumentKind kind,
                                   String title, String summary, String fileName, String mediaType, String sha256,
                                   long size, String uploadedByName, Instant uploadedAt) {
}
