package ro.marc.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few MARC HTTP calls the benchmarks make against one node, as one demo user: a dev token (each node signs
 * its own, so one MarcClient per node and user), the root, createOrgUnit, renameOrgUnit, for the activity
 * workload a domain, a work unit, proposeActivity and correctApprovedItem, and for the risk assessment benchmark
 * the caller's plan, what they may assess, a reference list, startRiskAssessment, evaluateRisk and the draft
 * save, finalisation and new edition.
 */
final class MarcClient {

    static final String CREATE_ORG_UNIT =
            "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version } }";
    /** No {@code orgUnit} in the selection: it waits for the read model, and the ack must not include that wait. */
    static final String RENAME_ORG_UNIT =
            "mutation($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id version } }";
    /** No {@code item} in the selection, for the same reason. */
    static final String CORRECT_APPROVED_ITEM =
            "mutation($input: CorrectApprovedItemInput!) { correctApprovedItem(input: $input) { id version } }";
    private static final String DEFINE_DOMAIN =
            "mutation($input: DefineDomainInput!) { defineDomain(input: $input) { id version } }";
    private static final String PROPOSE_ACTIVITY =
            "mutation($input: ProposeActivityInput!) { proposeActivity(input: $input) { id version } }";
    private static final String WORK_UNITS = "{ workUnits { id retired } }";
    private static final String MY_PLAN = "{ myTasks { plan { id } } }";
    private static final String REFERENCE_ENTRIES =
            "query($list: ReferenceList!) { referenceEntries(list: $list) { id active } }";
    private static final String ASSESSABLE_RISKS = "query($plan: ID!) { assessableRisks(planId: $plan) "
            + "{ workUnitId activities { activityId risks { riskId status } } } }";
    private static final String START_ASSESSMENT =
            "mutation($input: StartRiskAssessmentInput!) { startRiskAssessment(input: $input) { id version } }";
    private static final String EVALUATE_RISK =
            "mutation($input: EvaluateRiskInput!) { evaluateRisk(input: $input) { id version } }";
    /** Only {@code id version}: the ack is the command and its read-your-writes wait, not a read of the whole form. */
    static final String SAVE_ASSESSMENT_DRAFT =
            "mutation($input: SaveRiskAssessmentDraftInput!) { saveRiskAssessmentDraft(input: $input) { id version } }";
    static final String FINALISE_ASSESSMENT =
            "mutation($input: RiskAssessmentVersionInput!) { finaliseRiskAssessment(input: $input) { id version } }";
    static final String START_ASSESSMENT_EDITION =
            "mutation($input: RiskAssessmentVersionInput!) { startAssessmentEdition(input: $input) { id version } }";
    private static final String ROOT = "{ root { id } }";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final URI graphql;
    private final JsonMapper json;
    private volatile String token;

    MarcClient(URI base, JsonMapper json) {
        this.base = base;
        this.graphql = URI.create(base + "/graphql");
        this.json = json;
    }

    /** One HTTP/1.1 client = one keep-alive connection per benchmark client. */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches a token for a demo user through the local profile's dev signer; later requests use it. */
    void login(HttpClient http, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dev/token?user=" + user))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /dev/token?user=" + user + " answered " + response.statusCode()
                    + " (is the app running with --spring.profiles.active=local?): " + snippet(response.body()));
        }
        String accessToken = json.readTree(response.body()).path("access_token").asString("");
        if (accessToken.isEmpty()) {
            throw new IllegalStateException("POST /dev/token answered without access_token: " + snippet(response.body()));
        }
        token = accessToken;
    }

    UUID rootId(HttpClient http) throws IOException, InterruptedException {
        JsonNode data = execute(http, ROOT, Map.of());
        String id = data.path("root").path("id").asString("");
        if (id.isEmpty()) {
            throw new IllegalStateException("The organisation has no root yet: " + data);
        }
        return UUID.fromString(id);
    }

    /** Creates an org unit outside the measurements (the run's parent); fails on any error. */
    UUID createOrgUnit(HttpClient http, UUID id, UUID parentId, String name) throws IOException, InterruptedException {
        createOrgUnitVersion(http, id, parentId, name);
        return id;
    }

    /** As {@link #createOrgUnit}, answering the version the create gave the org unit (the first expectedVersion). */
    long createOrgUnitVersion(HttpClient http, UUID id, UUID parentId, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(createRequest(id, parentId, name), HttpResponse.BodyHandlers.ofString());
        String error = errorOf(response);
        if (error != null) {
            throw new IllegalStateException("createOrgUnit '" + name + "' failed: " + error);
        }
        JsonNode version = json.readTree(response.body()).path("data").path("createOrgUnit").path("version");
        if (!version.isIntegralNumber()) {
            throw new IllegalStateException("createOrgUnit '" + name + "' answered without a version: " + snippet(response.body()));
        }
        return version.asLong();
    }

    /** The request for one createOrgUnit with a client-chosen id, built before the clock starts. */
    HttpRequest createRequest(UUID id, UUID parentId, String name) {
        Map<String, Object> input = input("id", id.toString(), "parentId", parentId.toString(), "name", name);
        return post(CREATE_ORG_UNIT, Map.of("input", input));
    }

    /** The request for one renameOrgUnit, built before the clock starts. */
    HttpRequest renameRequest(UUID id, String name, long expectedVersion) {
        Map<String, Object> input = input("id", id.toString(), "name", name, "expectedVersion", expectedVersion);
        return post(RENAME_ORG_UNIT, Map.of("input", input));
    }

    /** Defines a top-level domain (no subdomains, so activities may attach to it); fails on any error. */
    UUID defineDomain(HttpClient http, UUID id, String name) throws IOException, InterruptedException {
        Map<String, Object> input = input("id", id.toString(), "name", name);
        JsonNode data = execute(http, DEFINE_DOMAIN, Map.of("input", input));
        return UUID.fromString(data.path("defineDomain").path("id").asString());
    }

    /** A work unit of the standard catalogue that is not retired (activities need at least one). */
    UUID someWorkUnit(HttpClient http) throws IOException, InterruptedException {
        for (JsonNode unit : execute(http, WORK_UNITS, Map.of()).path("workUnits")) {
            if (!unit.path("retired").asBoolean(true)) {
                return UUID.fromString(unit.path("id").asString());
            }
        }
        throw new IllegalStateException("no active work unit: is the demo organisation seeded?");
    }

    /**
     * Proposes an activity as a central administrator (approved at once), outside the measurements;
     * answers the version it then has (the first expectedVersion).
     */
    long proposeActivityVersion(HttpClient http, UUID id, UUID domainId, UUID workUnitId, String name)
            throws IOException, InterruptedException {
        Map<String, Object> input = input("id", id.toString(), "name", name, "domainId", domainId.toString(),
                "workUnitIds", List.of(workUnitId.toString()));
        JsonNode version = execute(http, PROPOSE_ACTIVITY, Map.of("input", input)).path("proposeActivity").path("version");
        if (!version.isIntegralNumber()) {
            throw new IllegalStateException("proposeActivity '" + name + "' answered without a version");
        }
        return version.asLong();
    }

    /**
     * The request for one correctApprovedItem giving an approved activity a new name or (field
     * "description") a new description, built before the clock starts.
     */
    HttpRequest correctRequest(UUID id, String field, String value, long expectedVersion) {
        Map<String, Object> input = input("id", id.toString(), field, value, "expectedVersion", expectedVersion);
        return post(CORRECT_APPROVED_ITEM, Map.of("input", input));
    }

    // ---------------------------------------------------------------- risk assessment (Anexa 4)

    /** What a member may assess: a work unit the plan assigns them, an activity of their Anexa 3, an approved risk. */
    record Assessable(UUID workUnitId, UUID activityId, UUID riskId) {
    }

    /** The caller's structure's active plan ({@code myTasks}); fails when they have none. */
    UUID myPlanId(HttpClient http) throws IOException, InterruptedException {
        String id = execute(http, MY_PLAN, Map.of()).path("myTasks").path("plan").path("id").asString("");
        if (id.isEmpty()) {
            throw new IllegalStateException("the caller has no tasks under an active plan: is the demo campaign seeded?");
        }
        return UUID.fromString(id);
    }

    /** The active entries of a reference list (IMPACT_DIMENSION, EFFECT, ...). */
    List<UUID> referenceEntryIds(HttpClient http, String list) throws IOException, InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode entry : execute(http, REFERENCE_ENTRIES, Map.of("list", list)).path("referenceEntries")) {
            if (entry.path("active").asBoolean(false)) {
                ids.add(UUID.fromString(entry.path("id").asString()));
            }
        }
        return ids;
    }

    /** The approved risks the caller may assess under the plan, by work unit and activity. */
    List<Assessable> assessableRisks(HttpClient http, UUID planId) throws IOException, InterruptedException {
        List<Assessable> found = new ArrayList<>();
        for (JsonNode unit : execute(http, ASSESSABLE_RISKS, Map.of("plan", planId.toString())).path("assessableRisks")) {
            for (JsonNode activity : unit.path("activities")) {
                for (JsonNode risk : activity.path("risks")) {
                    if ("APPROVED".equals(risk.path("status").asString(""))) {
                        found.add(new Assessable(UUID.fromString(unit.path("workUnitId").asString()),
                                UUID.fromString(activity.path("activityId").asString()),
                                UUID.fromString(risk.path("riskId").asString())));
                    }
                }
            }
        }
        return found;
    }

    /** Starts an assessment with a client-chosen id, outside the measurements; answers its version. */
    long startAssessment(HttpClient http, UUID id, UUID planId, Assessable what) throws IOException, InterruptedException {
        Map<String, Object> input = input("id", id.toString(), "planId", planId.toString(),
                "workUnitId", what.workUnitId().toString(), "activityId", what.activityId().toString(),
                "riskId", what.riskId().toString());
        return version(execute(http, START_ASSESSMENT, Map.of("input", input)), "startRiskAssessment");
    }

    /** Scores the risk (every dimension given, importances totalling 100), outside the measurements; answers the version. */
    long evaluateRisk(HttpClient http, UUID id, int probability, List<Map<String, Object>> impacts, long expectedVersion)
            throws IOException, InterruptedException {
        Map<String, Object> input = input("id", id.toString(), "probability", probability, "impacts", impacts,
                "expectedVersion", expectedVersion);
        return version(execute(http, EVALUATE_RISK, Map.of("input", input)), "evaluateRisk");
    }

    /** A draft save outside the measurements (the first content); answers the version. */
    long saveAssessmentDraft(HttpClient http, UUID id, Map<String, Object> description, List<Map<String, Object>> measures,
                             long expectedVersion) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(saveDraftRequest(id, description, measures, expectedVersion),
                HttpResponse.BodyHandlers.ofString());
        String error = errorOf(response, "saveRiskAssessmentDraft", expectedVersion + 1);
        if (error != null) {
            throw new IllegalStateException("saveRiskAssessmentDraft of " + id + " failed: " + error);
        }
        return expectedVersion + 1;
    }

    /** The request for one draft save (A401), built before the clock starts. */
    HttpRequest saveDraftRequest(UUID id, Map<String, Object> description, List<Map<String, Object>> measures,
                                 long expectedVersion) {
        Map<String, Object> input = input("id", id.toString(), "description", description, "measures", measures,
                "expectedVersion", expectedVersion);
        return post(SAVE_ASSESSMENT_DRAFT, Map.of("input", input));
    }

    /** The request for a finalisation or a new edition ({@code mutation}: one of the two), built before the clock starts. */
    HttpRequest assessmentVersionRequest(String mutation, UUID id, long expectedVersion) {
        Map<String, Object> input = input("id", id.toString(), "expectedVersion", expectedVersion);
        return post(mutation, Map.of("input", input));
    }

    private static long version(JsonNode data, String mutation) {
        JsonNode version = data.path(mutation).path("version");
        if (!version.isIntegralNumber()) {
            throw new IllegalStateException(mutation + " answered without a version: " + data);
        }
        return version.asLong();
    }

    /** {@link #errorOf(HttpResponse, String, long)} for a createOrgUnit, without a version check. */
    String errorOf(HttpResponse<String> response) {
        return errorOf(response, "createOrgUnit", 0);
    }

    /**
     * Null when the response acknowledges the {@code mutation} (HTTP 200, no GraphQL errors, data present
     * and, when {@code version} > 0, reporting that version), else a one-line description of what went
     * wrong. The version check keeps a client that computes its next expectedVersion from the last one
     * honest: a rename that produced another version would make all its later renames conflict.
     */
    String errorOf(HttpResponse<String> response, String mutation, long version) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + snippet(response.body());
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            return "unparseable response: " + snippet(response.body());
        }
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.path(0);
            String classification = first.path("extensions").path("classification").asString("");
            String code = first.path("extensions").path("code").asString("");
            return "GraphQL error" + (classification.isEmpty() ? "" : " " + classification)
                    + (code.isEmpty() ? "" : " " + code) + ": " + first.path("message").asString("")
                    + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "");
        }
        JsonNode payload = body.path("data").path(mutation);
        if (payload.isMissingNode() || payload.isNull()) {
            return "no data in response: " + snippet(response.body());
        }
        if (version > 0 && payload.path("version").asLong(-1) != version) {
            return "unexpected version: wanted " + version + ", got " + snippet(payload.path("version").toString());
        }
        return null;
    }

    private JsonNode execute(HttpClient http, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post(query, variables), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /graphql answered " + response.statusCode() + ": " + snippet(response.body()));
        }
        JsonNode body = json.readTree(response.body());
        if (body.path("errors").isArray() && !body.path("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL errors: " + body.path("errors"));
        }
        return body.path("data");
    }

    private HttpRequest post(String query, Map<String, Object> variables) {
        if (token == null) {
            throw new IllegalStateException("login first");
        }
        String body = json.writeValueAsString(Map.of("query", query, "variables", variables));
        return HttpRequest.newBuilder(graphql)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A mutation's input: names and values in pairs, in order. */
    private static Map<String, Object> input(Object... namesAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            input.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return input;
    }

    static String snippet(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
