package ro.marc.api.register.workbook;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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
import ro.marc.api.authorization.JudgedCommands;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Causes;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.graphql.GraphQlErrors;
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.api.web.UploadEndpoint;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.command.RecordMeasureEvaluations;
import ro.marc.events.text.Uuids;
import ro.marc.query.common.OrgScope;
import ro.marc.query.register.RegisterContent;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.RegisterView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The A1001 measure-evaluation workbook over HTTP (register.graphqls' header), same bearer token as GraphQL, both
 * REGISTER_WRITE over the register's structure (its head and integrity counsellor):
 * <ul>
 *   <li>{@code GET /registers/{planId}/workbook[?measure=<assessmentId>:<measureId>&…]}: the .xlsx template
 *   ({@link MeasureWorkbook}) of the saved edition, for the measures named (all when none is);</li>
 *   <li>{@code POST /registers/{planId}/workbook} (multipart part {@code file}): the filled workbook read
 *   ({@link MeasureWorkbook#read}) and sent as one {@link RecordMeasureEvaluations} (source WORKBOOK), as the incident
 *   upload sends its command: all rows applied or none. 200 {@code {"applied": rows, "version": n}} once the read
 *   model shows the version.</li>
 * </ul>
 *
 * <p>Refusals are GraphQL-shaped JSON as the incident upload's, with one error per problem:
 * {@code {"errors":[{message, extensions:{classification, code, field, row, column}}]}} — the reader's (not an .xlsx,
 * a changed header or hidden sheet: WORKBOOK_TAMPERED; another register's workbook: WORKBOOK_OF_OTHER_REGISTER; an
 * empty cell of a filled row: REQUIRED) or the command's, each of its {@code details.errors} with its field's column.
 * 400 bad input, 403 FORBIDDEN (another structure's register), 404 NOT_FOUND (a register the read model does not
 * know), 409 NOT_SAVED / CONCURRENT_CHANGE. Each request, allowed or not, is a row of the access audit.
 */
@RestController
public class MeasureWorkbookController implements UploadEndpoint {

    public static final String PATH = "/registers/{planId}/workbook";
    static final String DOWNLOAD = "downloadMeasureWorkbook";
    static final String IMPORT = "importMeasureWorkbook";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final Pattern WORKBOOK_PATH = Pattern.compile("/registers/[^/]+/workbook/?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy access;
    private final RegisterQueries registers;
    private final JudgedCommands commands;
    private final AccessAuditLog audit;

    public MeasureWorkbookController(AccessPolicy access, RegisterQueries registers, JudgedCommands commands,
                                     AccessAuditLog audit) {
        this.access = access;
        this.registers = registers;
        this.commands = commands;
        this.audit = audit;
    }

    /** Whether the request is for the workbook (its refusals before the controller are {@link ro.marc.api.web.MultipartUploadErrors}'). */
    @Override
    public boolean handles(HttpServletRequest request) {
        return WORKBOOK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    public String what() {
        return "the workbook";
    }

    @Override
    public String parts() {
        return "file";
    }

    /** Bounded by the request body limit (4 MB, RequestBodyLimitFilter): ample for 5,000 rows. */
    @Override
    public long sizeLimit() {
        return 0;
    }

    /** What the import answers. */
    public record Imported(int applied, long version) {
    }

    @GetMapping(PATH)
    public void download(@PathVariable("planId") String rawPlanId,
                         @RequestParam(name = "measure", required = false) List<String> rawMeasures,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        Call call = new Call(request, response, DOWNLOAD, "GET " + PATH, "query");
        try {
            UUID planId = planId(rawPlanId, call);
            Set<MeasureKey> selected = selection(rawMeasures);
            RegisterView register = registers.register(planId)
                    .filter(r -> r.savedEdition() != null && r.content() == RegisterContent.SAVED)
                    .orElseThrow(() -> notSaved(planId));
            Set<MeasureKey> known = new LinkedHashSet<>();
            register.risks().forEach(risk -> risk.measures().forEach(m -> known.add(key(m))));
            for (MeasureKey key : selected) {
                if (!known.contains(key)) {
                    throw new InvalidInput("measure", "UNKNOWN_MEASURE", "The measure " + key.assessmentId() + ":"
                            + key.measureId() + " is not in the register's saved edition " + register.savedEdition());
                }
            }
            byte[] body = MeasureWorkbook.write(register, selected);
            call.audit(Outcome.OK, List.of());
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(XLSX.toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("evaluare-masuri-registru-" + register.orgUnitName() + "-editia-" + register.savedEdition()
                            + ".xlsx", StandardCharsets.UTF_8).build().toString());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (RuntimeException e) {
            call.refuse(e);
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public void upload(@PathVariable("planId") String rawPlanId,
                       @RequestPart(name = "file", required = false) MultipartFile file,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        Call call = new Call(request, response, IMPORT, "POST " + PATH, "mutation");
        try {
            UUID planId = planId(rawPlanId, call);
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw new InvalidInput("file", "REQUIRED", "The file is required (multipart part \"file\")");
            }
            UUID registerId = RegisterIds.of(planId);
            MeasureWorkbook.Parsed parsed = MeasureWorkbook.read(file.getBytes(), registerId);
            long version = commands.send(IMPORT, registerId,
                    new RecordMeasureEvaluations(registerId, planId, EvaluationSource.WORKBOOK, parsed.evaluations()),
                    () -> Optional.of(registers.version(planId)), v -> v);
            call.audit(Outcome.OK, List.of());
            byte[] body = JSON.writeValueAsString(new Imported(parsed.evaluations().size(), version))
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (RuntimeException e) {
            call.refuse(e);
        }
    }

    /** The plan's id, authorised: REGISTER_WRITE over the register's structure (fail closed when it is unknown). */
    private UUID planId(String raw, Call call) {
        UUID planId = Inputs.id("planId", raw);
        if (planId == null) {
            throw new InvalidInput("planId", "REQUIRED", "planId is required");
        }
        call.objects.add(planId);
        OrgScope scope = access.require(Permission.REGISTER_WRITE, call.operation);
        access.trail().touched(planId);
        Optional<UUID> orgUnit = registers.orgUnitOfPlan(planId).or(() -> access.awaitKnown(() -> registers.orgUnitOfPlan(planId)));
        if (orgUnit.isEmpty()) {
            if (!scope.national()) {
                // fail closed: a register the read model does not know is nobody's to read or write
                throw CommandRejected.notFound("planId", planId, "The register of plan");
            }
            return planId;
        }
        call.orgUnitId = orgUnit.get();
        access.requireOrgUnit(scope, call.operation, orgUnit.get());
        return planId;
    }

    private static CommandRejected notSaved(UUID planId) {
        return new CommandRejected(CommandRejected.Reason.CONFLICT, "planId", "NOT_SAVED", "The register of plan " + planId
                + " has no saved edition whose measures the workbook could list (or a generated draft is not saved yet: save it first)",
                Map.of());
    }

    /** {@code <assessmentId>:<measureId>} each. */
    static Set<MeasureKey> selection(List<String> raw) {
        Set<MeasureKey> keys = new LinkedHashSet<>();
        if (raw == null) {
            return keys;
        }
        for (String one : raw) {
            String[] parts = one == null ? new String[0] : one.split(":", -1);
            UUID assessmentId = parts.length == 2 ? Uuids.parseOrNull(parts[0].strip()) : null;
            UUID measureId = parts.length == 2 ? Uuids.parseOrNull(parts[1].strip()) : null;
            if (assessmentId == null || measureId == null) {
                throw new InvalidInput("measure", "MALFORMED_ID",
                        "A measure is named <assessmentId>:<measureId> (two UUIDs separated by a colon)");
            }
            keys.add(new MeasureKey(assessmentId, measureId));
        }
        return keys;
    }

    private static MeasureKey key(MeasureView measure) {
        return new MeasureKey(measure.assessmentId(), measure.measureId());
    }

    /** One request: what the audit row names, and its refusals. */
    private final class Call {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final String operation;
        final String operationName;
        final String operationType;
        final long started = System.nanoTime();
        final List<UUID> objects = new ArrayList<>();
        UUID orgUnitId;

        Call(HttpServletRequest request, HttpServletResponse response, String operation, String operationName,
             String operationType) {
            this.request = request;
            this.response = response;
            this.operation = operation;
            this.operationName = operationName;
            this.operationType = operationType;
        }

        void audit(Outcome outcome, List<String> codes) {
            audit.appendHttpRequest(request, operationType, operation, operationName, objects,
                    orgUnitId == null ? List.of() : List.of(orgUnitId), outcome, codes, access.trail().denials(), started);
        }

        void refuse(RuntimeException e) throws IOException {
            switch (e) {
                case AccessDenied denied -> write(HttpServletResponse.SC_FORBIDDEN, Outcome.DENIED,
                        List.of(error(denied.getMessage(), "FORBIDDEN", "FORBIDDEN", null, null, null)));
                case InvalidInput invalid -> write(HttpServletResponse.SC_BAD_REQUEST, Outcome.INVALID,
                        List.of(error(invalid.getMessage(), "BAD_REQUEST", invalid.code(), invalid.field(), null, null)));
                case WorkbookRefused refused -> write(HttpServletResponse.SC_BAD_REQUEST, Outcome.INVALID,
                        refused.problems().stream().map(MeasureWorkbookController::error).toList());
                case CommandRejected rejected -> write(GraphQlErrorResponse.status(rejected.reason()), Outcome.of(rejected.reason()),
                        errors(rejected));
                default -> {
                    if (!Causes.causedBy(e, ConcurrencyException.class)) {
                        audit(Outcome.ERROR, List.of());
                        throw e;
                    }
                    write(HttpServletResponse.SC_CONFLICT, Outcome.CONFLICT, List.of(error(
                            "Someone else changed the register at the same moment; try again", "CONFLICT",
                            "CONCURRENT_CHANGE", null, null, null)));
                }
            }
        }

        private void write(int status, Outcome outcome, List<Map<String, Object>> errors) throws IOException {
            List<String> codes = errors.stream().map(er -> String.valueOf(extensions(er).get("code"))).distinct().toList();
            audit(outcome, codes);
            GraphQlErrorResponse.write(response, status, errors);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.get("extensions");
    }

    /**
     * The command's refusal: each of its {@code details.errors} (index, row, field, code, message) as one error with the
     * field's column; else the refusal itself, its details among the extensions as the incident upload answers them.
     */
    static List<Map<String, Object>> errors(CommandRejected rejected) {
        String classification = String.valueOf(GraphQlErrors.classification(rejected.reason()));
        if (rejected.details().get("errors") instanceof List<?> rows && !rows.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (Object one : rows) {
                if (!(one instanceof Map<?, ?> row)) {
                    continue;
                }
                String field = row.get("field") == null ? null : String.valueOf(row.get("field"));
                Integer number = row.get("row") instanceof Number n ? n.intValue() : null;
                Map<String, Object> error = error(String.valueOf(row.get("message")), classification,
                        String.valueOf(row.get("code")), field, number, MeasureWorkbook.columnOfField(field));
                if (row.get("index") != null) {
                    extensions(error).put("index", row.get("index"));
                }
                errors.add(error);
            }
            if (!errors.isEmpty()) {
                return errors;
            }
        }
        Map<String, Object> error = error(rejected.getMessage(), classification, rejected.code(), rejected.field(), null, null);
        rejected.details().forEach(extensions(error)::putIfAbsent);
        return List.of(error);
    }

    static Map<String, Object> error(WorkbookProblem problem) {
        Map<String, Object> error = error(problem.message(), "BAD_REQUEST", problem.code(), problem.field(), problem.row(),
                problem.column());
        if (problem.sheet() != null) {
            extensions(error).put("sheet", problem.sheet());
        }
        return error;
    }

    static Map<String, Object> error(String message, String classification, String code, String field, Integer row,
                                     String column) {
        Map<String, Object> place = new LinkedHashMap<>();
        if (field != null) {
            place.put("field", field);
        }
        if (row != null) {
            place.put("row", row);
        }
        if (column != null) {
            place.put("column", column);
        }
        return GraphQlErrorResponse.error(message, classification, code, place);
    }

}
