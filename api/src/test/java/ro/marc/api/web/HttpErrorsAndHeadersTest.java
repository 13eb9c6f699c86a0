package ro.marc.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, findings 5–6: refusals before GraphQL runs answer with their real status and a
 * GraphQL-shaped body; unauthenticated requests are audited; security headers on every response;
 * MARC's own correlation id is kept beside the client's.
 */
class HttpErrorsAndHeadersTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    JdbcClient jdbc;

    // ------------------------------------------------------------------ malformed bodies

    @Test
    void a_malformed_json_body_is_a_400_with_a_graphql_error() throws Exception {
        HttpResponse<String> response = postRaw(token("admin"), "{\"query\": \"{ root { id } }\"", Map.of());
        assertGraphQlError(response, 400, "BAD_REQUEST", "MALFORMED_REQUEST");
    }

    @Test
    void a_json_array_batch_is_a_400_with_a_graphql_error() throws Exception {
        HttpResponse<String> response = postRaw(token("admin"),
                "[{\"query\": \"{ root { id } }\"}, {\"query\": \"{ workUnits { id } }\"}]", Map.of());
        assertGraphQlError(response, 400, "BAD_REQUEST", "MALFORMED_REQUEST");
    }

    @Test
    void a_body_over_the_limit_is_a_413_with_a_graphql_error_declared_or_chunked() throws Exception {
        String big = "{\"query\": \"{ root { id } }\", \"variables\": {\"x\": \"" + "a".repeat(21 * 1024 * 1024) + "\"}}";
        HttpResponse<String> declared = postRaw(token("admin"), big, Map.of());
        assertGraphQlError(declared, 413, "BAD_REQUEST", "REQUEST_TOO_LARGE");

        // without Content-Length (chunked): counted while read
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("admin"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        HttpResponse<String> streamed = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertGraphQlError(streamed, 413, "BAD_REQUEST", "REQUEST_TOO_LARGE");
    }

    // ------------------------------------------------------------------ unauthenticated

    @Test
    void no_token_is_a_401_with_www_authenticate_and_a_graphql_error_and_is_audited() throws Exception {
        String correlation = "probe-" + UUID.randomUUID();
        HttpResponse<String> response = postRaw(null, "{\"query\": \"{ root { id } }\"}", Map.of("X-Correlation-Id", correlation));
        assertGraphQlError(response, 401, "UNAUTHORIZED", "UNAUTHENTICATED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        Map<String, Object> row = auditRow(correlation);
        assertThat(row.get("outcome")).isEqualTo("UNAUTHORIZED");
        assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
        assertThat(row.get("denials").toString()).contains("/graphql");
    }

    @Test
    void a_forged_or_alg_none_token_is_a_401_and_an_access_audit_row_with_client_address_and_reason() throws Exception {
        DevTokenSigner other = new DevTokenSigner("marc-test"); // same issuer, another key: bad signature
        String forged = other.sign(DemoUsers.find("admin").orElseThrow());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"marc-test\",\"sub\":\"admin\","
                + "\"aud\":\"marc\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + payload + ".";
        String expired = signer.sign(DemoUsers.find("admin").orElseThrow(), Instant.now().minusSeconds(7200), Duration.ofMinutes(5));
        for (Map.Entry<String, String> token : Map.of("forged", forged, "alg-none", none, "expired", expired).entrySet()) {
            String correlation = "probe-" + token.getKey() + "-" + UUID.randomUUID();
            HttpResponse<String> response = postRaw(token.getValue(), "{\"query\": \"{ root { id } }\"}",
                    Map.of("X-Correlation-Id", correlation));
            assertGraphQlError(response, 401, "UNAUTHORIZED", "INVALID_TOKEN");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).as(token.getKey()).contains("invalid_token");
            Map<String, Object> row = auditRow(correlation);
            assertThat(row.get("outcome")).as(token.getKey()).isEqualTo("UNAUTHORIZED");
            assertThat(row.get("client_address")).as(token.getKey()).isEqualTo("127.0.0.1");
            assertThat(row.get("error_codes").toString()).as(token.getKey()).contains("INVALID_TOKEN");
            assertThat(row.get("denials").toString()).as("the reason, %s", token.getKey()).contains("INVALID_TOKEN").hasSizeGreaterThan(40);
            assertThat(row.get("user_id")).isNull();
        }
    }

    // ------------------------------------------------------------------ headers

    @Test
    void security_headers_on_graphiql_get_and_head_and_on_the_api() throws Exception {
        for (String method : List.of("GET", "HEAD")) {
            for (String path : List.of("/graphiql/index.html", "/graphiql/marc-graphiql.js", "/webjars/graphiql/2.4.7/graphiql.min.js")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
                assertCommonHeaders(response.headers(), method + " " + path);
                String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
                assertThat(csp).as(method + " " + path).contains("script-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
            }
        }
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphiql/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("no inline script: the CSP allows none").doesNotContain("<script>");

        HttpResponse<String> api = post(token("admin"), "{ workUnits { id } }", Map.of());
        assertThat(api.statusCode()).isEqualTo(200);
        assertCommonHeaders(api.headers(), "POST /graphql");
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        HttpResponse<String> unauthenticated = postRaw(null, "{\"query\": \"{ root { id } }\"}", Map.of());
        assertCommonHeaders(unauthenticated.headers(), "401");
        HttpResponse<String> malformed = postRaw(token("admin"), "{", Map.of());
        assertCommonHeaders(malformed.headers(), "400");
    }

    private static void assertCommonHeaders(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(headers.firstValue("Cache-Control")).as(what).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(headers.firstValue("Content-Security-Policy")).as(what).isPresent();
    }

    // ------------------------------------------------------------------ correlation ids

    @Test
    void the_client_correlation_id_is_validated_and_marcs_own_id_is_kept_beside_it() throws Exception {
        String client = "client-" + UUID.randomUUID();
        String name = "Corr" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = postRaw(token("admin"), JSON.writeValueAsString(Map.of("query",
                "mutation " + name + "($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }",
                "variables", Map.of("input", Map.of("parentId", ro.marc.api.local.DemoOrganisation.id("Direcția Generală Anticorupție").toString(),
                        "name", "Biroul " + name)))), Map.of("X-Correlation-Id", client));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("errors");
        String marc = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(marc).isNotEqualTo(client);
        assertThat(UUID.fromString(marc)).isNotNull();
        assertThat(response.headers().firstValue("X-Client-Correlation-Id")).hasValue(client);
        // in the event metadata: both
        String id = JSON.readTree(response.body()).at("/data/createOrgUnit/id").asString();
        String meta = new String(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%OrgUnitCreated' "
                + "AND convert_from(payload, 'UTF8') LIKE ? ORDER BY global_index DESC LIMIT 1").param("%" + id + "%")
                .query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(meta).contains("\"correlationId\":\"" + marc + "\"").contains("\"clientCorrelationId\":\"" + client + "\"");
        // in the audit: both (the command row at once, the request row when the request ends)
        Map<String, Object> row = jdbc.sql("SELECT * FROM access_audit WHERE correlation_id = ? AND command IS NOT NULL")
                .param(marc).query().singleRow();
        assertThat(row.get("client_correlation_id")).isEqualTo(client);

        // refused: too long, other characters, spaces, non-ASCII: dropped, never stored
        for (String bad : List.of("a".repeat(65), "x<script>", "with space", "a;b", "a/b")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("admin"))
                    .header("X-Correlation-Id", bad)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ workUnits { id } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Client-Correlation-Id")).as(bad).isEmpty();
            assertThat(r.headers().firstValue("X-Correlation-Id").orElseThrow()).isNotEqualTo(bad);
        }
        assertThat(ro.marc.api.common.CorrelationIdFilter.clientId("a".repeat(64))).isNotNull();
        for (String bad : List.of("ăîș", "a\u200bb", "a\nb", "", "a".repeat(10_000))) {
            assertThat(ro.marc.api.common.CorrelationIdFilter.clientId(bad)).as(bad).isNull(); // not sendable by java.net.http
        }
    }

    // ------------------------------------------------------------------ wrong-typed variables

    @Test
    void a_wrong_typed_variable_names_the_input_field() {
        String mutation = "mutation Typed($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }";
        String dga = ro.marc.api.local.DemoOrganisation.id("Direcția Generală Anticorupție").toString();
        for (Object wrong : List.of(42, Map.of("text", "x"), List.of(1, 2))) {
            JsonNode response = graphql("admin", mutation, Map.of("input", Map.of("parentId", dga, "name", wrong)));
            JsonNode error = firstError(response);
            assertThat(error.at("/extensions/field").asString()).as(response.toString()).isEqualTo("input.name");
            assertThat(error.at("/extensions/code").asString()).isEqualTo("INVALID_VARIABLE");
            assertThat(error.at("/message").asString()).contains("input.name");
        }
        JsonNode county = firstError(graphql("admin", mutation, Map.of("input", Map.of("parentId", dga, "name", "X", "county", "ZZ"))));
        assertThat(county.at("/extensions/field").asString()).isEqualTo("input.county");
        JsonNode unknown = firstError(graphql("admin", mutation, Map.of("input", Map.of("parentId", dga, "name", "X", "colour", "red"))));
        assertThat(unknown.at("/extensions/field").asString()).isEqualTo("input.colour");
    }

    // ------------------------------------------------------------------ helpers

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> postRaw(String token, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertGraphQlError(HttpResponse<String> response, int status, String classification, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        JsonNode body = JSON.readTree(response.body());
        JsonNode error = body.at("/errors/0");
        assertThat(error.at("/message").asString()).as(response.body()).isNotBlank();
        assertThat(error.at("/extensions/classification").asString()).as(response.body()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asString()).as(response.body()).isEqualTo(code);
    }

    private Map<String, Object> auditRow(String clientCorrelationId) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM access_audit WHERE client_correlation_id = ?")
                    .param(clientCorrelationId).query().listOfRows();
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                Map<String, Object> row = new java.util.HashMap<>(rows.getFirst());
                try {
                    row.put("denials", List.of((Object[]) ((java.sql.Array) row.get("denials")).getArray()));
                    row.put("error_codes", List.of((Object[]) ((java.sql.Array) row.get("error_codes")).getArray()));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return row;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no access_audit row for " + clientCorrelationId);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
