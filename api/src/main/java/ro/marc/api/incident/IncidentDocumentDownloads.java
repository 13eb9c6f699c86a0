package ro.marc.api.incident;

import org.springframework.stereotype.Component;
import ro.marc.command.incident.IncidentFiles;
import ro.marc.query.incident.IncidentDocumentView;
import ro.marc.query.incident.IncidentQueries;

import java.util.Optional;
import java.util.UUID;

/**
 * The incident documents {@code GET /documents/{id}} serves (beside the plan and analysis documents): the metadata
 * from the read model ({@link IncidentQueries#document}, live documents only: a removed one is unknown), the bytes
 * from the incident file store ({@link IncidentFiles}, by SHA-256, shared by both application servers), for whoever
 * sees the incident ({@link IncidentAccess}: documents are read by whoever may read their incident, §4.1).
 */
@Component
public class IncidentDocumentDownloads {

    private final IncidentQueries incidents;
    private final IncidentAccess access;
    private final IncidentFiles files;

    public IncidentDocumentDownloads(IncidentQueries incidents, IncidentAccess access, IncidentFiles files) {
        this.incidents = incidents;
        this.access = access;
        this.files = files;
    }

    /** The live incident document, when it exists and the caller sees its incident; empty when unknown; AccessDenied when refused. */
    public Optional<IncidentDocumentView> readable(UUID documentId, String operation) {
        Optional<IncidentDocumentView> document = incidents.document(documentId);
        document.ifPresent(d -> access.requireVisible(operation, d.incidentId()));
        return document;
    }

    /** Its content (empty if the store no longer holds it: removed meanwhile). */
    public Optional<byte[]> content(IncidentDocumentView document) {
        return files.content(document.sha256());
    }
}
