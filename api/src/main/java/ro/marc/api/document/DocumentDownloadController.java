package ro.marc.api.document;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import ro.marc.api.audit.AccessAuditLog;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.incident.IncidentDocumentDownloads;
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.events.text.Uuids;
import ro.marc.query.document.DocumentContent;
import ro.marc.query.document.DocumentStore;
import ro.marc.query.document.StoredDocument;

import java.io.IOException;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code GET /documents/{id}}: a stored document's content, for whoever may read its owner (same bearer token
 * as GraphQL; {@link DocumentAccess}), or an incident document's, for whoever sees the incident
 * ({@link IncidentDocumentDownloads}; a removed one is unknown). {@code Content-Type} is the document's media type,
 * {@code Content-Disposition} names its file (attachment, RFC 6266 with a UTF-8 name), {@code ETag} is its
 * SHA-256 (a matching {@code If-None-Match} answers 304). Refused: 403 with a GraphQL-shaped JSON body
 * ({@code FORBIDDEN}); unknown or malformed id: 404 ({@code NOT_FOUND}). Every download, allowed or not, is a
 * row of the access audit (operation {@code downloadDocument}, the document and its org unit), like a GraphQL read.
 */
@RestController
public class DocumentDownloadController {

    public static final String PATH = "/documents/";

    private static final String OPERATION = "downloadDocument";

    private final DocumentAccess access;
    private final DocumentStore store;
    private final AccessPolicy policy;
    private final AccessAuditLog audit;
    private final IncidentDocumentDownloads incidentDocuments;

    public DocumentDownloadController(DocumentAccess access, DocumentStore store, AccessPolicy policy, AccessAuditLog audit,
                                      IncidentDocumentDownloads incidentDocuments) {
        this.access = access;
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.incidentDocuments = incidentDocuments;
    }

    /** The URL a client downloads the document from (relative to the API's origin). */
    public static String downloadUrl(UUID id) {
        return PATH + id;
    }

    @GetMapping(PATH + "{id}")
    public void download(@PathVariable("id") String id, @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        UUID documentId = Uuids.parseOrNull(id);
        Optional<Served> document;
        try {
            document = documentId == null ? Optional.empty() : readable(documentId);
        } catch (AccessDenied denied) {
            audit(request, documentId, null, Outcome.DENIED, List.of("FORBIDDEN"), started);
            GraphQlErrorResponse.write(response, HttpServletResponse.SC_FORBIDDEN, denied.getMessage(), "FORBIDDEN", "FORBIDDEN");
            return;
        }
        if (document.isEmpty()) {
            audit(request, documentId, null, Outcome.NOT_FOUND, List.of("NOT_FOUND"), started);
            notFound(response);
            return;
        }
        Served served = document.get();
        audit(request, documentId, served.orgUnitId(), Outcome.OK, List.of(), started);
        String etag = "\"" + served.sha256() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<byte[]> content = served.content().get();
        if (content.isEmpty()) {
            notFound(response);
            return;
        }
        byte[] bytes = content.get();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(served.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(served.fileName()));
        response.setContentLengthLong(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** What a download serves, whichever store holds it: the org unit it belongs to, its metadata, its bytes. */
    private record Served(UUID orgUnitId, String sha256, String mediaType, String fileName, Supplier<Optional<byte[]>> content) {
    }

    /**
     * The plan or analysis document (DocumentStore), else the incident document (issue 12: metadata in the incident
     * read model, bytes in the incident file store), when the caller may read it; AccessDenied when refused.
     */
    private Optional<Served> readable(UUID documentId) {
        Optional<StoredDocument> stored = access.readable(documentId, OPERATION);
        if (stored.isPresent()) {
            StoredDocument d = stored.get();
            return Optional.of(new Served(d.orgUnitId(), d.sha256(), d.mediaType(), d.fileName(),
                    () -> store.content(documentId).map(DocumentContent::bytes)));
        }
        return incidentDocuments.readable(documentId, OPERATION).map(d -> new Served(d.orgUnitId(), d.sha256(),
                d.mediaType(), d.fileName(), () -> incidentDocuments.content(d)));
    }

    /** One access-audit row per download (who, which document, its org unit, the outcome, any refusal). */
    private void audit(HttpServletRequest request, UUID documentId, UUID orgUnitId, Outcome outcome, List<String> codes,
                       long started) {
        audit.appendHttpRequest(request, "query", OPERATION, "GET " + PATH + "{id}",
                documentId == null ? List.of() : List.of(documentId), orgUnitId == null ? List.of() : List.of(orgUnitId),
                outcome, codes, policy.trail().denials(), started);
    }

    /**
     * {@code attachment; filename="…"} with an ASCII name (diacritics folded), and, when the real name is not
     * plain ASCII (an upload's), {@code filename*=UTF-8''…} (RFC 6266 / RFC 5987) beside it.
     */
    static String contentDisposition(String fileName) {
        String ascii = java.text.Normalizer.normalize(fileName, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_").replace('"', '_').replace('\\', '_');
        String header = ContentDisposition.attachment().filename(ascii).build().toString();
        if (ascii.equals(fileName)) {
            return header;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return header + "; filename*=UTF-8''" + encoded;
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        GraphQlErrorResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "No such document", "NOT_FOUND", "NOT_FOUND");
    }
}
