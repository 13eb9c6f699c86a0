package ro.marc.api.incident;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ro.marc.api.audit.AccessAuditLog;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Causes;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.graphql.GraphQlErrors;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.api.document.DocumentDownloadController;
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.api.web.UploadEndpoint;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.incident.FileTypes;
import ro.marc.command.incident.IncidentFiles;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.command.AttachIncidentDocument;
import ro.marc.query.common.OrgScope;
import ro.marc.query.incident.IncidentDocumentView;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /incidents/{incidentId}/documents} (UCA 46, 48, 50): one document of an incident, uploaded as
 * {@code multipart/form-data} with the parts {@code file}, {@code kind} (EVALUATION_REPORT | OTHER), {@code title},
 * {@code summary}, {@code expectedVersion} and, optionally, {@code documentId} — the client's id, so that a retry
 * after a lost answer finds the document it already attached (the same id and content answer 200 with it instead
 * of a second copy). Same bearer token as GraphQL.
 *
 * <p>Authorised here, decided by the command: INCIDENT_DOCUMENT_WRITE over the incident's org unit, read from the
 * read model (an incident it does not know yet is awaited a moment, then refused as unknown to callers without
 * national reach — fail closed); then one {@link AttachIncidentDocument}, whose handler checks the content (size,
 * type detected from the bytes, the name's extension) and keeps it in the incident file store in the command's
 * transaction. Answered 201 with {@code documentId, incidentId, version, sha256, size, mediaType, url} once the read
 * model shows the document (the url downloads it: {@code GET /documents/{documentId}}).
 *
 * <p>Refusals are GraphQL-shaped JSON ({@link GraphQlErrorResponse}, {@code extensions.code/classification/field}
 * and the rule's details): 400 bad input, 401 (the security chain), 403 FORBIDDEN, 404 NOT_FOUND, 409
 * STALE_VERSION / ARCHIVED / CONCURRENT_CHANGE, 413 FILE_TOO_LARGE (also when the body passes the multipart limits
 * before MARC sees it: {@link ro.marc.api.web.MultipartUploadErrors}), 415 FILE_TYPE_NOT_ALLOWED. Every upload, allowed or not, is
 * a row of the access audit (operation {@code attachIncidentDocument}, the incident, the document and its org unit),
 * beside the command's own row.
 */
@RestController
public class IncidentDocumentUploadController implements UploadEndpoint {

    public static final String PATH = "/incidents/{incidentId}/documents";

    static final String OPERATION = "attachIncidentDocument";

    private static final Pattern UPLOAD_PATH = Pattern.compile("/incidents/[^/]+/documents/?");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy access;
    private final IncidentQueries incidents;
    private final CommandSender commands;
    private final AccessAuditLog audit;

    public IncidentDocumentUploadController(AccessPolicy access, IncidentQueries incidents, CommandSender commands,
                                            AccessAuditLog audit) {
        this.access = access;
        this.incidents = incidents;
        this.commands = commands;
        this.audit = audit;
    }

    /** Whether the request is an upload (its body is bounded by the multipart limits, not by the GraphQL body limit). */
    public static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && UPLOAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    public boolean handles(HttpServletRequest request) {
        return isUpload(request);
    }

    @Override
    public String what() {
        return "the document";
    }

    @Override
    public String parts() {
        return "file, kind, title, summary, expectedVersion";
    }

    @Override
    public long sizeLimit() {
        return IncidentFiles.MAX_SIZE;
    }

    /** What the upload answers (201, or 200 for a retry that finds its document). */
    public record Uploaded(UUID documentId, UUID incidentId, long version, String sha256, long size, String mediaType,
                           String url) {
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public void upload(@PathVariable("incidentId") String rawIncidentId,
                       @RequestPart(name = "file", required = false) MultipartFile file,
                       @RequestParam(name = "kind", required = false) String rawKind,
                       @RequestParam(name = "title", required = false) String title,
                       @RequestParam(name = "summary", required = false) String summary,
                       @RequestParam(name = "expectedVersion", required = false) String rawExpectedVersion,
                       @RequestParam(name = "documentId", required = false) String rawDocumentId,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        List<UUID> objects = new ArrayList<>();
        UUID orgUnitId = null;
        try {
            UUID incidentId = Inputs.id("incidentId", rawIncidentId);
            objects.add(incidentId);
            OrgScope scope = access.require(Permission.INCIDENT_DOCUMENT_WRITE, OPERATION);
            access.trail().touched(incidentId);
            Optional<IncidentView> incident = incidents.incident(incidentId)
                    .or(() -> access.awaitKnown(() -> incidents.incident(incidentId)));
            if (incident.isPresent()) {
                orgUnitId = incident.get().orgUnitId();
                access.requireOrgUnit(Permission.INCIDENT_DOCUMENT_WRITE, OPERATION, orgUnitId);
            } else if (!scope.national()) {
                // fail closed: an incident the read model does not know is nobody's to write to but a national reach's
                throw CommandRejected.notFound("incidentId", incidentId, "Incident");
            }

            UUID documentId = Inputs.idOrNew("documentId", rawDocumentId);
            boolean clientsId = rawDocumentId != null;
            objects.add(documentId);
            IncidentDocumentKind kind = kind(rawKind);
            long expectedVersion = expectedVersion(rawExpectedVersion);
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                // no part, or a form's file field left empty (an empty part without a name)
                throw new InvalidInput("file", "REQUIRED", "The file is required (multipart part \"file\")");
            }
            byte[] content = file.getBytes();
            String sha256 = IncidentFiles.sha256(content);

            // a retry of an upload that succeeded: the same document, the same content
            Optional<IncidentDocumentView> earlier = clientsId ? sameDocument(incidentId, documentId, sha256, false) : Optional.empty();
            if (earlier.isPresent()) {
                answer(request, response, HttpServletResponse.SC_OK, uploaded(earlier.get(), incident), started, objects, orgUnitId);
                return;
            }
            long version;
            try {
                version = commands.send(new AttachIncidentDocument(incidentId, expectedVersion, documentId, kind, title,
                        summary, fileName(file.getOriginalFilename()), content));
            } catch (CommandRejected rejected) {
                if (clientsId && (rejected.reason() == CommandRejected.Reason.CONFLICT
                        || "DUPLICATE_ID".equals(rejected.code()))) {
                    Optional<IncidentDocumentView> again = sameDocument(incidentId, documentId, sha256, true);
                    if (again.isPresent()) {
                        answer(request, response, HttpServletResponse.SC_OK, uploaded(again.get(), incident), started, objects, orgUnitId);
                        return;
                    }
                }
                if (rejected.reason() == CommandRejected.Reason.FORBIDDEN) {
                    access.deny(OPERATION, incidentId, rejected.getMessage()); // recorded like every refusal of access
                }
                throw rejected;
            }
            IncidentView shown = ReadYourWrites.awaitVersion(() -> incidents.incident(incidentId), IncidentView::version, version);
            if (orgUnitId == null && shown != null) {
                orgUnitId = shown.orgUnitId();
            }
            Optional<IncidentDocumentView> attached = incidents.document(documentId);
            Uploaded body = attached.isPresent()
                    ? new Uploaded(documentId, incidentId, version, attached.get().sha256(), attached.get().size(),
                            attached.get().mediaType(), DocumentDownloadController.downloadUrl(documentId))
                    // the read model is behind (rare): what the command kept, the type as its rule detects it
                    : new Uploaded(documentId, incidentId, version, sha256, content.length,
                            FileTypes.detect(content).map(FileTypes.FileType::mediaType).orElse(null),
                            DocumentDownloadController.downloadUrl(documentId));
            response.setHeader(HttpHeaders.LOCATION, body.url());
            answer(request, response, HttpServletResponse.SC_CREATED, body, started, objects, orgUnitId);
        } catch (AccessDenied denied) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, Outcome.DENIED, denied.getMessage(), "FORBIDDEN",
                    "FORBIDDEN", new LinkedHashMap<>(), started, objects, orgUnitId);
        } catch (InvalidInput invalid) {
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("field", invalid.field());
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, Outcome.INVALID, invalid.getMessage(),
                    "BAD_REQUEST", invalid.code(), more, started, objects, orgUnitId);
        } catch (CommandRejected rejected) {
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("field", rejected.field());
            more.putAll(rejected.details());
            refuse(request, response, status(rejected), Outcome.of(rejected.reason()), rejected.getMessage(), classification(rejected),
                    rejected.code(), more, started, objects, orgUnitId);
        } catch (RuntimeException e) {
            if (!Causes.causedBy(e, ConcurrencyException.class)) {
                audit(request, Outcome.ERROR, List.of(), started, objects, orgUnitId);
                throw e;
            }
            refuse(request, response, HttpServletResponse.SC_CONFLICT, Outcome.CONFLICT,
                    "Someone else changed the incident at the same moment; try again", "CONFLICT", "CONCURRENT_CHANGE",
                    new LinkedHashMap<>(), started, objects, orgUnitId);
        }
    }

    /** HTTP status of a refused command: the file's own statuses, else by the reason. */
    static int status(CommandRejected rejected) {
        return switch (rejected.code()) {
            case "FILE_TOO_LARGE" -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            case "FILE_TYPE_NOT_ALLOWED" -> HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            default -> GraphQlErrorResponse.status(rejected.reason());
        };
    }

    /** As the same refusal is classified in GraphQL. */
    private static String classification(CommandRejected rejected) {
        return String.valueOf(GraphQlErrors.classification(rejected.reason()));
    }

    /**
     * The document {@code documentId} of this incident with this content, when the read model shows it ({@code wait}:
     * a moment, after the command found the id taken or the version moved on: a concurrent retry's document).
     */
    private Optional<IncidentDocumentView> sameDocument(UUID incidentId, UUID documentId, String sha256, boolean wait) {
        Optional<IncidentDocumentView> found = wait ? access.awaitKnown(() -> incidents.document(documentId))
                : incidents.document(documentId);
        return found.filter(d -> incidentId.equals(d.incidentId()) && sha256.equals(d.sha256()));
    }

    private static Uploaded uploaded(IncidentDocumentView document, Optional<IncidentView> incident) {
        return new Uploaded(document.documentId(), document.incidentId(), incident.map(IncidentView::version).orElse(0L),
                document.sha256(), document.size(), document.mediaType(),
                DocumentDownloadController.downloadUrl(document.documentId()));
    }

    private static IncidentDocumentKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInput("kind", "REQUIRED", "The kind is required: EVALUATION_REPORT or OTHER");
        }
        try {
            return IncidentDocumentKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "INVALID_VARIABLE", "The kind is EVALUATION_REPORT or OTHER");
        }
    }

    private static long expectedVersion(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInput("expectedVersion", "REQUIRED",
                    "expectedVersion is required: the incident's version the document is attached to");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("expectedVersion", "INVALID_VARIABLE", "expectedVersion is a whole number");
        }
    }

    /** The name without the client's folders (some browsers send {@code C:\...\name.pdf}). */
    static String fileName(String original) {
        if (original == null) {
            return null;
        }
        int cut = Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\'));
        return original.substring(cut + 1);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, Uploaded body, long started,
                        List<UUID> objects, UUID orgUnitId) throws IOException {
        audit(request, Outcome.OK, List.of(), started, objects, orgUnitId);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, Outcome outcome,
                        String message, String classification, String code, Map<String, Object> more, long started,
                        List<UUID> objects, UUID orgUnitId) throws IOException {
        audit(request, outcome, List.of(code), started, objects, orgUnitId);
        GraphQlErrorResponse.write(response, status, message, classification, code, more);
    }

    /** One access-audit row per upload, as the download writes one per download. */
    private void audit(HttpServletRequest request, Outcome outcome, List<String> codes, long started, List<UUID> objects,
                       UUID orgUnitId) {
        audit.appendHttpRequest(request, "mutation", OPERATION, "POST " + PATH, objects,
                orgUnitId == null ? List.of() : List.of(orgUnitId), outcome, codes, access.trail().denials(), started);
    }
}
