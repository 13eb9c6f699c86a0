package ro.marc.api.plan;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.InvalidInput;
import ro.marc.query.plan.Gantt;
import ro.marc.query.plan.GanttChartRenderer;
import ro.marc.query.plan.PlanQueries;
import ro.marc.query.plan.PlanView;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * The plan's Gantt chart as a picture (§2.1.4): {@code GET /charts/plans/{planId}/gantt.png?from=&to=&scale=},
 * with the same bearer token as GraphQL, for whoever may read the plan (PLAN_READ on its org unit; 403
 * otherwise, 404 for an unknown plan). Bad input (a malformed date, from after to, an unknown scale) is a 400
 * whose GraphQL-shaped error names the field. Rendered with JFreeChart's Gantt chart, as PNG or as SVG
 * ({@code gantt.svg}, drawn through JFreeSVG).
 */
@RestController
public class GanttChartController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanQueries plans;
    private final AccessPolicy access;

    public GanttChartController(PlanQueries plans, AccessPolicy access) {
        this.plans = plans;
        this.access = access;
    }

    static String path(UUID planId) {
        return path(planId, "png");
    }

    private static String path(UUID planId, String extension) {
        return "/charts/plans/" + planId + "/gantt." + extension;
    }

    /** The chart of this period and scale, as {@code png} or {@code svg}. */
    static String url(UUID planId, Gantt gantt, String extension) {
        return path(planId, extension) + "?from=" + gantt.from() + "&to=" + gantt.to() + "&scale=" + gantt.scale();
    }

    @GetMapping("/charts/plans/{planId}/gantt.png")
    public ResponseEntity<byte[]> png(@PathVariable String planId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String scale) {
        return render(planId, from, to, scale, MediaType.IMAGE_PNG, "png", GanttChartRenderer::png);
    }

    @GetMapping("/charts/plans/{planId}/gantt.svg")
    public ResponseEntity<byte[]> svg(@PathVariable String planId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String scale) {
        return render(planId, from, to, scale, MediaType.valueOf("image/svg+xml"), "svg",
                (title, gantt, today) -> GanttChartRenderer.svg(title, gantt, today).getBytes(StandardCharsets.UTF_8));
    }

    private interface Renderer {
        byte[] render(String title, Gantt gantt, LocalDate today);
    }

    private ResponseEntity<byte[]> render(String planId, String from, String to, String scale, MediaType type,
                                          String extension, Renderer renderer) {
        UUID id = id("planId", planId);
        // unknown: 404 for a national reach, refused (403) for the others like a plan outside their reach
        Optional<PlanView> plan = access.readable(Permission.PLAN_READ, "ganttChart", id, "the plan", plans::plan, PlanView::orgUnitId);
        if (plan.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "No plan with id " + id, "NOT_FOUND", "NOT_FOUND", "planId");
        }
        LocalDate today = LocalDate.now(PlanQueriesController.ROMANIA);
        Gantt gantt = GanttRequest.build(plan.get(), from, to, scale, today);
        String title = plan.get().purpose() == null ? "Plan" : plan.get().purpose();
        return ResponseEntity.ok().contentType(type)
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline; filename=\"gantt-" + id + "." + extension + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(renderer.render(title, gantt, today));
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<byte[]> refused(AccessDenied denied) {
        return error(HttpStatus.FORBIDDEN, denied.getMessage(), "FORBIDDEN", "FORBIDDEN", null);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<byte[]> invalid(InvalidInput invalid) {
        return error(HttpStatus.BAD_REQUEST, invalid.getMessage(), "BAD_REQUEST", invalid.code(), invalid.field());
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> error(HttpStatus status, String message, String classification, String code,
                                               String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", classification);
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        byte[] body = JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
        return (ResponseEntity<T>) ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
