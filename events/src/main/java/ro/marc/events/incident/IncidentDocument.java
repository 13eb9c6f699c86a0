package ro.marc.events.incident;

import java.util.UUID;

/**
 * A document attached to an incident. Its content is not in the event store: it is kept once per SHA-256 in
 * the incident file store ({@code ro.marc.command.incident.IncidentFiles}), in the command's transaction.
 *
 * @param mediaType as detected from the content (never as the client claimed)
 * @param sha256    lower-case hex of the content
 * @param size      bytes
 */
public record IncidentDocument(UUID documentId, IncidentDocumentKind kind, String title, String summary,
                               String fileName, String mediaType, String sha256, long size) {
}
