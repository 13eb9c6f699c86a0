package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.incident.IncidentDocumentKind;

import java.util.UUID;

/**
 * Attaches an uploaded file to the incident (UCA 46, 48, 50). The handler checks the content — at most
 * {@code IncidentFiles.MAX_SIZE} bytes, of an allowed type detected from the bytes themselves (PDF, DOCX,
 * XLSX, ODT, JPEG, PNG) and matching the file name's extension — and keeps it in the incident file store in
 * the command's transaction; the event carries only its hash. Refused: nothing is stored.
 *
 * @param documentId chosen by the client (unique within the incident)
 * @param content    the file's bytes (not in any event)
 */
public record AttachIncidentDocument(@TargetAggregateIdentifier UUID incidentId, long expectedVersion,
                                     UUID documentId, IncidentDocumentKind kind, String title, String summary,
                                     String fileName, byte[] content) implements IntegrityIncidentCommand {

    @Override
    public String toString() {
        return "AttachIncidentDocument[incidentId=" + incidentId + ", documentId=" + documentId + ", kind=" + kind
                + ", fileName=" + fileName + ", bytes=" + (content == null ? 0 : content.length) + "]";
    }
}
