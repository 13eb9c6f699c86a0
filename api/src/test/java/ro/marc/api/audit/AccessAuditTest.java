package ro.marc.api.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.api.audit.AccessAuditLog.AccessAuditEntry;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access audit (G03): every request recorded with who, what and how it ended; readable only
 * by auditors and central administrators, filterable; append-only; archived, not lost.
 */
class AccessAuditTest extends ApiTestSupport {

    private static final String AUDIT = """
            query Audit($filter: AccessAuditFilter, $first: Int, $after: String) {
              accessAudit(filter: $filter, first: $first, after: $after) {
                edges { cursor node { id at userId issuer subject roles callerOrgUnitId operationType operations
                  operationName objects orgUnits outcome errorCodes denials correlationId clientAddress durationMs archived } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessAuditLog log;

    @Autowired
    AccessAuditArchiver archiver;

    @Autowired
    PlatformTransactionManager transactions;

    // ------------------------------------------------------------------ end to end

    @Test
    void a_request_is_recorded_with_its_caller_operation_and_outcome() {
        String name = "Probe" + suffix();
        data("admin", "query " + name + " { workUnits { id } }", Map.of());

        JsonNode entry = awaitEntry("auditor", Map.of("operation", "workUnits"), name);
        assertThat(entry.get("outcome").asString()).isEqualTo("OK");
        assertThat(entry.get("operationType").asString()).isEqualTo("query");
        assertThat(entry.get("operations").get(0).asString()).isEqualTo("workUnits");
        assertThat(entry.get("subject").asString()).isEqualTo("admin");
        assertThat(entry.get("issuer").asString()).isEqualTo("marc-test");
        assertThat(entry.get("correlationId").isNull()).isFalse();
        assertThat(entry.get("durationMs").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(entry.get("errorCodes")).isEmpty();
        // the MARC account behind the token, with its roles
        assertThat(entry.get("userId").isNull()).as("userId of %s", entry).isFalse();
        assertThat(entry.get("userId").asString()).isEqualTo(accountId("admin").toString());
        assertThat(entry.get("roles").toString()).contains("CENTRAL_ADMIN");

        // the same entry, found by its user and by the period around it
        Instant at = Instant.parse(entry.get("at").asString());
        Map<String, Object> byUserAndPeriod = Map.of("userId", entry.get("userId").asString(),
                "from", at.minusSeconds(1).toString(), "to", at.plusSeconds(1).toString());
        assertThat(entries("admin", byUserAndPeriod, AUDIT_PAGE)).anySatisfy(e -> assertThat(e.get("id")).isEqualTo(entry.get("id")));

        // the objects a request touched (its access trail)
        String touched = UUID.randomUUID().toString();
        String historyName = "History" + suffix();
        graphql("admin", "query " + historyName + " { history(id: \"" + touched + "\") { type } }", Map.of());
        JsonNode history = awaitEntry("auditor", Map.of("operation", "history"), historyName);
        assertThat(history.get("objects").toString()).contains(touched);
    }

    @Test
    void a_refused_request_is_recorded_as_denied_and_only_auditors_and_central_admins_read_the_audit() {
        String name = "Refused" + suffix();
        for (String user : List.of("member.cluj", "admin.cluj")) {
            JsonNode refused = graphql(user, "query " + name + " { accessAudit { edges { cursor } } }", Map.of());
            assertThat(firstError(refused).at("/extensions/classification").asString()).as(user).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/data/accessAudit").isMissingNode() || refused.at("/data/accessAudit").isNull()
                    || refused.at("/data").isNull()).as("no data for %s: %s", user, refused).isTrue();
        }
        data("auditor", AUDIT, Map.of("first", 1));
        data("admin", AUDIT, Map.of("first", 1));

        JsonNode denied = awaitEntry("auditor", Map.of("operation", "accessAudit", "outcome", "DENIED"), name);
        assertThat(denied.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(denied.get("operations").get(0).asString()).isEqualTo("accessAudit");
        assertThat(denied.get("errorCodes").toString()).contains("FORBIDDEN");
        assertThat(denied.get("denials").toString()).as("the refusal, from the request's trail").contains("accessAudit");
        List<String> subjects = new ArrayList<>();
        entries("auditor", Map.of("operation", "accessAudit", "outcome", "DENIED"), AUDIT_PAGE).stream()
                .filter(e -> name.equals(e.get("operationName").asString()))
                .forEach(e -> subjects.add(e.get("subject").asString()));
        assertThat(subjects).contains("member.cluj", "admin.cluj");
    }

    @Test
    void invalid_filters_are_typed_bad_requests_naming_the_field() {
        JsonNode response = graphql("auditor", AUDIT, Map.of("filter", Map.of("from", "yesterday")));
        JsonNode error = firstError(response);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asString()).isEqualTo("filter.from");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("INVALID_INSTANT");

        assertThat(firstError(graphql("auditor", AUDIT, Map.of("filter", Map.of("to", "2026-13-01"))))
                .at("/extensions/field").asString()).isEqualTo("filter.to");
        assertThat(firstError(graphql("auditor", AUDIT, Map.of("filter", Map.of("userId", "nope"))))
                .at("/extensions/field").asString()).isEqualTo("filter.userId");
        assertThat(firstError(graphql("auditor", AUDIT, Map.of("after", "not-a-cursor")))
                .at("/extensions/field").asString()).isEqualTo("after");
        assertThat(firstError(graphql("auditor", AUDIT, Map.of("filter", Map.of("from", "2026-02-01", "to", "2026-01-01"))))
                .at("/extensions/field").asString()).isEqualTo("filter.to");
    }

    // ------------------------------------------------------------------ the store

    @Test
    void the_store_is_append_only() {
        String op = "appendOnly" + suffix();
        assertThat(log.append(entry(Instant.now(), op, null, List.of()))).isTrue();
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_audit SET outcome = 'OK' WHERE operations @> ARRAY[?]::text[]")
                .param(op).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_audit WHERE operations @> ARRAY[?]::text[]")
                .param(op).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE access_audit").update()).rootCause().hasMessageContaining("append-only");
        assertThat(count("access_audit", op)).isEqualTo(1);

        // archiving opens DELETE on the online table only, and only in its own transaction
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL marc.audit_archiving = 'on'").update();
            assertThatThrownBy(() -> jdbc.sql("UPDATE access_audit SET outcome = 'OK' WHERE operations @> ARRAY[?]::text[]")
                    .param(op).update()).rootCause().hasMessageContaining("append-only");
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_audit WHERE operations @> ARRAY[?]::text[]")
                .param(op).update()).as("the setting does not outlive the transaction").rootCause().hasMessageContaining("append-only");
    }

    @Test
    void a_failing_write_is_logged_and_does_not_throw() {
        AccessAuditEntry broken = new AccessAuditEntry(Instant.now(), null, "iss", "sub", List.of(), null, "bogus",
                List.of("x"), null, List.of(), List.of(), Outcome.OK, List.of(), List.of(), null, null, 1);
        assertThat(log.append(broken)).isFalse();
    }

    @Test
    void archiving_moves_old_entries_out_of_the_online_table_and_keeps_them() {
        String op = "archiveProbe" + suffix();
        Instant old1 = Instant.parse("2020-01-10T08:00:00Z");
        Instant old2 = Instant.parse("2020-01-20T08:00:00Z");
        log.append(entry(old1, op, null, List.of()));
        log.append(entry(old2, op, null, List.of()));
        log.append(entry(Instant.now(), op, null, List.of()));
        List<JsonNode> before = entries("auditor", Map.of("operation", op), 50);
        assertThat(before).hasSize(3);

        int moved = archiver.archive(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(moved).isGreaterThanOrEqualTo(2);
        assertThat(count("access_audit", op)).isEqualTo(1);
        assertThat(count("access_audit_archive", op)).isEqualTo(2);

        List<JsonNode> online = entries("auditor", Map.of("operation", op), 50);
        assertThat(online).hasSize(1);
        assertThat(online.getFirst().get("archived").asBoolean()).isFalse();

        List<JsonNode> all = entries("auditor", Map.of("operation", op, "includeArchived", true), 50);
        assertThat(all).hasSize(3);
        assertThat(all.stream().map(e -> e.get("id").asString()).toList())
                .as("same ids, newest first").isEqualTo(before.stream().map(e -> e.get("id").asString()).toList());
        assertThat(all.get(1).get("archived").asBoolean()).isTrue();
        assertThat(all.get(1).get("at").asString()).isEqualTo(old2.toString());
        assertThat(all.get(2).get("at").asString()).isEqualTo(old1.toString());

        // archived entries are append-only too
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_audit_archive WHERE operations @> ARRAY[?]::text[]")
                .param(op).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_audit_archive SET outcome = 'OK' WHERE operations @> ARRAY[?]::text[]")
                .param(op).update()).rootCause().hasMessageContaining("append-only");
        // a second run moves nothing more of these
        archiver.archive(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(count("access_audit_archive", op)).isEqualTo(2);
    }

    @Test
    void filters_by_organisation_period_and_outcome_with_keyset_pages() {
        String op = "filterProbe" + suffix();
        UUID callerUnit = UUID.randomUUID();
        UUID touchedUnit = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(10, ChronoUnit.DAYS);
        log.append(entry(t0, op, callerUnit, List.of()));
        log.append(entry(t0.plusSeconds(60), op, null, List.of(touchedUnit)));
        log.append(entry(t0.plusSeconds(120), op, null, List.of()));

        assertThat(entries("auditor", Map.of("operation", op, "orgUnitId", callerUnit.toString()), 50)).hasSize(1);
        assertThat(entries("auditor", Map.of("operation", op, "orgUnitId", touchedUnit.toString()), 50))
                .singleElement().satisfies(e -> assertThat(e.get("orgUnits").get(0).asString()).isEqualTo(touchedUnit.toString()));
        assertThat(entries("auditor", Map.of("operation", op, "from", t0.plusSeconds(60).toString()), 50)).hasSize(2);
        assertThat(entries("auditor", Map.of("operation", op, "to", t0.plusSeconds(60).toString()), 50)).hasSize(1);
        assertThat(entries("auditor", Map.of("operation", op, "outcome", "OK"), 50)).hasSize(3);
        assertThat(entries("auditor", Map.of("operation", op, "outcome", "DENIED"), 50)).isEmpty();

        // pages: newest first, two then one
        JsonNode page1 = data("auditor", AUDIT, Map.of("filter", Map.of("operation", op), "first", 2)).get("accessAudit");
        assertThat(page1.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(page1.at("/edges/0/node/at").asString()).isEqualTo(t0.plusSeconds(120).toString());
        JsonNode page2 = data("auditor", AUDIT, Map.of("filter", Map.of("operation", op), "first", 2,
                "after", page1.at("/pageInfo/endCursor").asString())).get("accessAudit");
        assertThat(page2.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(page2.get("edges")).hasSize(1);
        assertThat(page2.at("/edges/0/node/at").asString()).isEqualTo(t0.toString());

        // by organisation includes the org units below it (organisation read model)
        Optional<Map<String, Object>> child = jdbc.sql("SELECT id, parent_id FROM org_unit WHERE parent_id IS NOT NULL LIMIT 1")
                .query().listOfRows().stream().findFirst();
        if (child.isPresent()) {
            UUID childId = (UUID) child.get().get("id");
            UUID parentId = (UUID) child.get().get("parent_id");
            log.append(entry(t0.plusSeconds(180), op, null, List.of(childId)));
            assertThat(entries("auditor", Map.of("operation", op, "orgUnitId", parentId.toString()), 50)).hasSize(1);
            assertThat(entries("auditor", Map.of("operation", op, "orgUnitId", parentId.toString(), "includeSubUnits", false), 50))
                    .isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static AccessAuditEntry entry(Instant at, String operation, UUID callerOrgUnit, List<UUID> orgUnits) {
        return new AccessAuditEntry(at, null, "test", "writer", List.of("AUDITOR"), callerOrgUnit, "query",
                List.of(operation), null, List.of(), orgUnits, Outcome.OK, List.of(), List.of(), "corr", "127.0.0.1", 3);
    }

    /**
     * Entries read per page: 200 of every column (about 4,200 cost points, see FieldCost) — the largest
     * page of all columns, 500, costs about 10,500 and is over the request limit.
     */
    private static final int AUDIT_PAGE = 200;

    private long count(String table, String operation) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE operations @> ARRAY[?]::text[]").param(operation)
                .query(Long.class).single();
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE issuer = 'marc-test' AND subject = ?").param(username)
                .query(UUID.class).single();
    }

    private List<JsonNode> entries(String user, Map<String, Object> filter, int first) {
        JsonNode edges = data(user, AUDIT, Map.of("filter", filter, "first", first)).at("/accessAudit/edges");
        List<JsonNode> nodes = new ArrayList<>();
        edges.forEach(e -> nodes.add(e.get("node")));
        return nodes;
    }

    /** The entry with this operation name; the interceptor writes after the response is built, so wait briefly. */
    private JsonNode awaitEntry(String user, Map<String, Object> filter, String operationName) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            Optional<JsonNode> found = entries(user, filter, AUDIT_PAGE).stream()
                    .filter(e -> operationName.equals(e.get("operationName").asString())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no audit entry for operation " + operationName + " with " + filter);
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
