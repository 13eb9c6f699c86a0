package ro.marc.api.document;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.events.text.Uuids;
import ro.marc.query.document.DocumentContent;
import ro.marc.query.document.DocumentStore;
import ro.marc.query.document.StoredDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /documents/{id}}: a stored document's content, for whoever may read its owner (same bearer token
 * as GraphQL; {@link DocumentAccess}). {@code Content-Type} is the document's media type,
 * {@code Content-Disposition} names its file (attachment, RFC 6266 with a UTF-8 name), {@code ETag} is its
 * SHA-256 (a matching {@code If-None-Match} answers 304). Refused: 403 with a GraphQL-shaped JSON body
 * ({@code FORBIDDEN}); unknown or malformed id: 404 ({@code NOT_FOUND}).
 */
@RestController
public class DocumentDownloadController {

    public static final String PATH = "/documents/";

    private final DocumentAccess access;
    private final DocumentStore store;

    public DocumentDownloadController(DocumentAccess access, DocumentStore store) {
        this.access = access;
        this.store = store;
    }

    /** The URL a client downloads the document from (relative to the API's origin). */
    public static String downloadUrl(UUID id) {
        return PATH + id;
    }

    @GetMapping(PATH + "{id}")
    public void download(@PathVariable("id") String id, @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         HttpServletResponse response) throws IOException {
        UUID documentId = Uuids.parseOrNull(id);
        Optional<StoredDocument> document;
        try {
            document = documentId == null ? Optional.empty() : access.readable(documentId, "downloadDocument");
        } catch (AccessDenied denied) {
            GraphQlErrorResponse.write(response, HttpServletResponse.SC_FORBIDDEN, denied.getMessage(), "FORBIDDEN", "FORBIDDEN");
            return;
        }
        if (document.isEmpty()) {
            notFound(response);
            return;
        }
        String etag = "\"" + document.get().sha256() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<DocumentContent> content = store.content(documentId);
        if (content.isEmpty()) {
            notFound(response);
            return;
        }
        StoredDocument d = content.get().document();
        byte[] bytes = content.get().bytes();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(d.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setContentLengthLong(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        GraphQlErrorResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "No such document", "NOT_FOUND", "NOT_FOUND");
    }
}
