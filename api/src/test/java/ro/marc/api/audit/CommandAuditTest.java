package ro.marc.api.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, finding 5: an acknowledged change always has its audit row, because the row is written
 * in the change's own transaction (CommandAuditInterceptor); and finding 6: a refusal decided on the
 * role alone records the objects asked for.
 */
class CommandAuditTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CREATE = """
            mutation %s($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version } }""";
    private static final String DGA = DemoOrganisation.id("Direcția Generală Anticorupție").toString();

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_acknowledged_change_has_its_audit_row_even_when_the_request_level_row_cannot_be_written() {
        String name = "Ack" + suffix();
        // the request-level insert fails (as it did when PostgreSQL connections were cut after the change)
        failInsertsWhere("command IS NULL AND operation_name = '" + name + "'");
        try {
            String client = "ack-" + suffix();
            HttpResponse<String> response = create(name, client, Map.of("parentId", DGA, "name", "Biroul " + name));
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.has("errors")).as(response.body()).isFalse();
            String id = body.at("/data/createOrgUnit/id").asString();
            String correlation = response.headers().firstValue("X-Correlation-Id").orElseThrow();

            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM access_audit WHERE correlation_id = ?")
                    .param(correlation).query().listOfRows();
            assertThat(rows).as("only the command row: the request row failed").hasSize(1);
            Map<String, Object> row = rows.getFirst();
            assertThat(row.get("command")).isEqualTo("CreateOrgUnit");
            assertThat(row.get("outcome")).isEqualTo("OK");
            assertThat(row.get("operation_type")).isEqualTo("mutation");
            assertThat(texts(row.get("operations"))).containsExactly("createOrgUnit");
            assertThat(row.get("operation_name")).isEqualTo(name);
            assertThat(texts(row.get("objects"))).contains(id, DGA);
            assertThat(row.get("subject")).isEqualTo("admin");
            assertThat(row.get("user_id")).isNotNull();
            assertThat(texts(row.get("roles"))).contains("CENTRAL_ADMIN");
            assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
            assertThat(row.get("client_correlation_id")).isEqualTo(client);
            assertThat(row.get("aggregate_id")).isNotNull();
        } finally {
            dropFailure();
        }
    }

    @Test
    void the_audit_row_and_the_events_are_one_transaction_a_failing_row_rolls_the_change_back() {
        String name = "Rollback" + suffix();
        failInsertsWhere("command IS NOT NULL AND operation_name = '" + name + "'");
        long before = events();
        try {
            HttpResponse<String> response = create(name, null, Map.of("parentId", DGA, "name", "Biroul " + name));
            JsonNode error = firstError(JSON.readTree(response.body()));
            assertThat(error.at("/extensions/code").asString()).as(response.body()).isEqualTo("DATABASE_ERROR");
            assertThat(error.at("/message").asString()).doesNotContain("INSERT").doesNotContain("refused by test");
            assertThat(JSON.readTree(response.body()).at("/data/createOrgUnit").isNull()
                    || JSON.readTree(response.body()).at("/data").isNull()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND convert_from(payload, 'UTF8') LIKE ?")
                    .param(before).param("%" + name + "%").query(Long.class).single()).as("no event of the refused change").isZero();
        } finally {
            dropFailure();
        }
        // the same change, once the row can be written, goes through: one command row, one request row
        HttpResponse<String> again = create(name, null, Map.of("parentId", DGA, "name", "Biroul " + name));
        assertThat(again.body()).doesNotContain("errors");
        String correlation = again.headers().firstValue("X-Correlation-Id").orElseThrow();
        awaitRows(correlation, 2);
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE correlation_id = ? AND command = 'CreateOrgUnit'")
                .param(correlation).query(Long.class).single()).as("one command row per command").isEqualTo(1);
    }

    @Test
    void a_refusal_decided_on_the_role_alone_records_the_object_asked_for() throws Exception {
        UUID asked = UUID.randomUUID();
        String client = "role-only-" + suffix();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("member.cluj"))
                .header("X-Correlation-Id", client)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query",
                        "query RoleOnly($id: ID!) { user(id: $id) { id } }", "variables", Map.of("id", asked.toString())))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(firstError(JSON.readTree(response.body())).at("/extensions/code").asString()).isEqualTo("FORBIDDEN");
        Map<String, Object> row = awaitRow("client_correlation_id", client);
        assertThat(row.get("outcome")).isEqualTo("DENIED");
        assertThat(texts(row.get("objects"))).contains(asked.toString());
        assertThat(texts(row.get("denials")).toString()).contains("user on " + asked);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> create(String operationName, String clientCorrelationId, Map<String, Object> input) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token("admin"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "query", CREATE.formatted(operationName), "variables", Map.of("input", input)))));
            if (clientCorrelationId != null) {
                request.header("X-Correlation-Id", clientCorrelationId);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test-only trigger that refuses access_audit inserts matching {@code condition}. */
    private void failInsertsWhere(String condition) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_audit_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF %s THEN RAISE EXCEPTION 'audit insert refused by test'; END IF;
                    RETURN NEW;
                END $$""".formatted(condition.replace("command", "NEW.command").replace("operation_name", "NEW.operation_name")))
                .update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_audit_failure ON access_audit").update();
        jdbc.sql("CREATE TRIGGER test_audit_failure BEFORE INSERT ON access_audit FOR EACH ROW EXECUTE FUNCTION test_audit_failure()")
                .update();
    }

    private void dropFailure() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_audit_failure ON access_audit").update();
    }

    private long events() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private void awaitRows(String correlation, int count) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (jdbc.sql("SELECT count(*) FROM access_audit WHERE correlation_id = ?").param(correlation).query(Long.class).single() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("fewer than " + count + " audit rows for " + correlation);
            }
            sleep();
        }
    }

    private Map<String, Object> awaitRow(String column, String value) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM access_audit WHERE " + column + " = ?").param(value)
                    .query().listOfRows();
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no audit row with " + column + " = " + value);
            }
            sleep();
        }
    }

    private static List<String> texts(Object array) {
        try {
            Object[] values = (Object[]) ((Array) array).getArray();
            return java.util.Arrays.stream(values).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
