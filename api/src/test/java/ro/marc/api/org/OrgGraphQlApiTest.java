package ro.marc.api.org;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.OutboundConnectionRecorder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation capability end to end: GraphQL over HTTP → commands → events → projections → reads. */
class OrgGraphQlApiTest extends ApiTestSupport {

    private static final String CREATE = """
            mutation($input: CreateOrgUnitInput!) {
              createOrgUnit(input: $input) { id version orgUnit { id name level county active version parent { id } } }
            }""";
    private static final String DEFINE = """
            mutation($name: String!) { defineWorkUnit(input: {name: $name}) { id version workUnit { id name retired } } }""";
    private static final String ASSIGN = """
            mutation($input: AssignWorkUnitsInput!) { assignWorkUnits(input: $input) { id version orgUnit { workUnits { name } } } }""";
    private static final String RENAME = """
            mutation($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id version orgUnit { name version } } }""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void create_query_search_and_history_end_to_end() {
        String rootId = data("admin", "{ root { id level name } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        JsonNode directorate = create(rootId, "Direcția Generală Anticorupție " + suffix, null);
        assertThat(directorate.at("/orgUnit/level").asInt()).isEqualTo(1);
        String directorateId = directorate.at("/id").asString();

        JsonNode county = create(directorateId, "Serviciul Județean Anticorupție Cluj " + suffix, "CJ");
        String countyId = county.at("/id").asString();
        assertThat(county.at("/orgUnit/level").asInt()).isEqualTo(2);
        assertThat(county.at("/orgUnit/county").asString()).isEqualTo("CJ");
        assertThat(county.at("/orgUnit/parent/id").asString()).isEqualTo(directorateId);

        JsonNode read = data("auditor", """
                query($id: ID!) { orgUnit(id: $id) { name level county active version
                    ancestors { id } children(first: 10) { edges { node { id name } } pageInfo { hasNextPage } } } }""",
                Map.of("id", directorateId)).get("orgUnit");
        assertThat(read.at("/name").asString()).isEqualTo("Direcția Generală Anticorupție " + suffix);
        assertThat(read.at("/ancestors/0/id").asString()).isEqualTo(rootId);
        assertThat(read.at("/children/edges/0/node/id").asString()).isEqualTo(countyId);

        // folded diacritics: "anticoruptie" (no ț) finds "Anticorupție", highlighted in the original spelling
        // a territorial administrator of Cluj finds the new Cluj structure (within their county)
        JsonNode hit = eventually(() -> data("admin.cluj", """
                query($text: String!) { search(text: $text, filters: {county: CJ}) {
                  totalCount edges { node { kind id name highlight county } } } }""",
                Map.of("text", "anticoruptie cluj " + suffix)).get("search"), s -> s.at("/totalCount").asInt() > 0);
        assertThat(hit.at("/edges/0/node/id").asString()).isEqualTo(countyId);
        assertThat(hit.at("/edges/0/node/kind").asString()).isEqualTo("ORG_UNIT");
        assertThat(hit.at("/edges/0/node/highlight").asString()).contains("<em>Anticorupție</em>");

        JsonNode renamed = data("admin", RENAME, Map.of("input",
                Map.of("id", countyId, "name", "Serviciul Anticorupție Cluj " + suffix, "expectedVersion", 1))).get("renameOrgUnit");
        assertThat(renamed.at("/version").asInt()).isEqualTo(2);
        assertThat(renamed.at("/orgUnit/name").asString()).isEqualTo("Serviciul Anticorupție Cluj " + suffix);

        JsonNode history = data("auditor", """
                query($id: ID!) { history(id: $id) { sequenceNumber type timestamp actor { userId role } correlationId payload } }""",
                Map.of("id", countyId)).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/type").asString()).isEqualTo("OrgUnitCreated");
        assertThat(history.at("/1/type").asString()).isEqualTo("OrgUnitRenamed");
        assertThat(history.at("/1/actor/userId").asString())
                .isEqualTo(ro.marc.api.local.DemoAccess.userId("admin").toString());
        assertThat(history.at("/1/actor/role").asString()).isEqualTo("CENTRAL_ADMIN");
        assertThat(history.at("/1/correlationId").asString()).isNotBlank();
        assertThat(Instant.parse(history.at("/1/timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(history.at("/1/payload").asString()).contains("\"previousName\":\"Serviciul Județean Anticorupție Cluj " + suffix);
    }

    @Test
    void work_units_follow_the_subset_rule_and_unassign_names_the_users() {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String hr = data("admin", DEFINE, Map.of("name", "Resurse umane " + suffix)).at("/defineWorkUnit/id").asString();
        String itc = data("admin", DEFINE, Map.of("name", "IT&C " + suffix)).at("/defineWorkUnit/id").asString();
        String ministry = create(rootId, "Minister " + suffix, null).at("/id").asString();
        String police = create(ministry, "Poliția " + suffix, null).at("/id").asString();

        data("admin", ASSIGN, Map.of("input", Map.of("orgUnitId", ministry, "workUnitIds", List.of(hr, itc), "expectedVersion", 1)));
        JsonNode refused = graphql("admin", ASSIGN, Map.of("input", Map.of("orgUnitId", police, "workUnitIds", List.of(hr),
                "expectedVersion", 1)));
        assertThat(refused.has("errors")).isFalse();
        JsonNode notHeld = graphql("admin", ASSIGN, Map.of("input", Map.of("orgUnitId",
                create(police, "Secția 1 " + suffix, null).at("/id").asString(), "workUnitIds", List.of(itc), "expectedVersion", 1)));
        assertThat(firstError(notHeld).at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(notHeld).at("/extensions/code").asString()).isEqualTo("NOT_HELD_BY_PARENT");
        assertThat(firstError(notHeld).at("/extensions/field").asString()).isEqualTo("workUnitIds");

        JsonNode used = graphql("admin", """
                mutation($input: UnassignWorkUnitInput!) { unassignWorkUnit(input: $input) { version } }""",
                Map.of("input", Map.of("orgUnitId", ministry, "workUnitId", hr, "expectedVersion", 3)));
        assertThat(firstError(used).at("/extensions/code").asString()).isEqualTo("USED_BY_DESCENDANTS");
        assertThat(firstError(used).at("/message").asString()).contains("Poliția " + suffix);

        JsonNode byWorkUnit = data("auditor", """
                query($id: ID!) { orgUnitsByWorkUnit(workUnitId: $id) { edges { node { id } } } }""", Map.of("id", hr));
        assertThat(byWorkUnit.at("/orgUnitsByWorkUnit/edges")).hasSize(2);
    }

    @Test
    void a_call_without_a_token_is_refused() {
        HttpResponse<String> response = post(null, "{ root { id } }", Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() {
        var admin = ro.marc.api.local.DemoUsers.find("admin").orElseThrow();
        String expired = signer.sign(admin, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(post(expired, "{ root { id } }", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void non_administrators_cannot_change_the_organisation_and_nothing_changes() {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        long eventsBefore = eventCount();
        for (String user : List.of("admin.cluj", "member.cluj", "auditor", "counsellor.central")) {
            JsonNode response = graphql(user, CREATE, Map.of("input", Map.of("parentId", rootId, "name", "Nu " + user)));
            assertThat(firstError(response).at("/extensions/classification").asString()).as(user).isEqualTo("FORBIDDEN");
        }
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void bad_input_is_a_typed_error_naming_the_field_and_changes_nothing() {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        long eventsBefore = eventCount();

        JsonNode empty = graphql("admin", CREATE, Map.of("input", Map.of("parentId", rootId, "name", "  ")));
        assertThat(firstError(empty).at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(empty).at("/extensions/field").asString()).isEqualTo("name");
        assertThat(firstError(empty).toString()).doesNotContain("Exception").doesNotContain("at ro.marc");

        JsonNode malformed = graphql("admin", CREATE, Map.of("input", Map.of("parentId", "not-a-uuid", "name", "X")));
        assertThat(firstError(malformed).at("/extensions/field").asString()).isEqualTo("parentId");
        assertThat(firstError(malformed).at("/extensions/code").asString()).isEqualTo("MALFORMED_ID");

        JsonNode unknownParent = graphql("admin", CREATE, Map.of("input", Map.of("parentId", UUID.randomUUID().toString(), "name", "X")));
        assertThat(firstError(unknownParent).at("/extensions/classification").asString()).isEqualTo("NOT_FOUND");

        JsonNode tooLong = graphql("admin", CREATE, Map.of("input", Map.of("parentId", rootId, "name", "x".repeat(201))));
        assertThat(firstError(tooLong).at("/extensions/code").asString()).isEqualTo("TOO_LONG");

        JsonNode badPage = graphql("admin", "{ root { children(first: 100000) { edges { cursor } } } }", Map.of());
        assertThat(firstError(badPage).at("/extensions/field").asString()).isEqualTo("first");

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_stale_expected_version_is_a_conflict_and_the_newer_edit_survives() {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String id = create(rootId, "Structura " + suffix, null).at("/id").asString();
        data("admin", RENAME, Map.of("input", Map.of("id", id, "name", "Prima " + suffix, "expectedVersion", 1)));

        JsonNode stale = graphql("admin", RENAME, Map.of("input", Map.of("id", id, "name", "A doua " + suffix, "expectedVersion", 1)));
        assertThat(firstError(stale).at("/extensions/classification").asString()).isEqualTo("CONFLICT");
        assertThat(firstError(stale).at("/extensions/field").asString()).isEqualTo("expectedVersion");
        assertThat(firstError(stale).at("/extensions/currentVersion").asInt()).isEqualTo(2);
        assertThat(data("admin", "query($id: ID!) { orgUnit(id: $id) { name } }", Map.of("id", id)).at("/orgUnit/name").asString())
                .isEqualTo("Prima " + suffix);
    }

    @Test
    void concurrent_edits_of_one_org_unit_give_one_winner_and_conflicts_never_a_lost_update() throws Exception {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String id = create(rootId, "Concurență " + suffix, null).at("/id").asString();
        int writers = 8;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonNode>> results = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Editor " + i + " " + suffix;
                results.add(pool.submit(() -> {
                    start.await();
                    return graphql("admin", RENAME, Map.of("input", Map.of("id", id, "name", name, "expectedVersion", 1)));
                }));
            }
            start.countDown();
            int won = 0;
            int conflicts = 0;
            String winner = null;
            for (var result : results) {
                JsonNode response = result.get();
                if (response.has("errors")) {
                    assertThat(firstError(response).at("/extensions/classification").asString()).isEqualTo("CONFLICT");
                    conflicts++;
                } else {
                    won++;
                    winner = response.at("/data/renameOrgUnit/orgUnit/name").asString();
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(conflicts).isEqualTo(writers - 1);
            JsonNode now = data("admin", "query($id: ID!) { orgUnit(id: $id) { name version } }", Map.of("id", id)).get("orgUnit");
            assertThat(now.at("/version").asInt()).isEqualTo(2);
            assertThat(now.at("/name").asString()).isEqualTo(winner);
        }
    }

    @Test
    void creating_the_same_org_unit_twice_with_its_client_chosen_id_returns_the_same_org_unit() {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("id", id, "parentId", rootId, "name", "Retrimisă " + suffix, "county", "CJ");
        long eventsBefore = eventCount();

        JsonNode first = data("admin", CREATE, Map.of("input", input)).get("createOrgUnit");
        JsonNode retried = data("admin", CREATE, Map.of("input", input)).get("createOrgUnit");

        assertThat(retried).isEqualTo(first);
        assertThat(retried.at("/id").asString()).isEqualTo(id);
        assertThat(retried.at("/version").asInt()).isEqualTo(1);
        assertThat(retried.at("/orgUnit/name").asString()).isEqualTo("Retrimisă " + suffix);
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);

        // the same id with other content is not a retry
        JsonNode other = graphql("admin", CREATE, Map.of("input", Map.of("id", id, "parentId", rootId, "name", "Alta " + suffix)));
        assertThat(firstError(other).at("/extensions/classification").asString()).isEqualTo("CONFLICT");
        assertThat(firstError(other).at("/extensions/code").asString()).isEqualTo("DUPLICATE_ID");
        assertThat(firstError(other).at("/extensions/field").asString()).isEqualTo("id");
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
    }

    /** Creates take the org tree's lock: of several at once with one name under one parent, one wins, the others see it. */
    @Test
    void concurrent_creates_with_one_name_under_one_parent_give_one_org_unit_and_typed_refusals() throws Exception {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String parent = create(rootId, "Părinte " + suffix, null).at("/id").asString();
        int writers = 6;
        List<JsonNode> responses = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonNode>> results = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String spelling = i % 2 == 0 ? "Serviciul Județean " + suffix : "SERVICIUL JUDETEAN " + suffix;
                results.add(pool.submit(() -> {
                    start.await();
                    return graphql("admin", CREATE, Map.of("input", Map.of("parentId", parent, "name", spelling)));
                }));
            }
            start.countDown();
            for (var result : results) {
                responses.add(result.get());
            }
        }
        assertThat(responses.stream().filter(r -> !r.has("errors")).count()).isEqualTo(1);
        for (JsonNode refused : responses.stream().filter(r -> r.has("errors")).toList()) {
            assertThat(firstError(refused).at("/extensions/code").asString()).as(refused.toString()).isEqualTo("NAME_NOT_UNIQUE");
            assertThat(firstError(refused).at("/extensions/classification").asString()).isIn("BAD_REQUEST", "CONFLICT");
        }
        assertThat(data("admin", "query($id: ID!) { orgUnit(id: $id) { children(first: 10) { edges { node { id } } } } }",
                Map.of("id", parent)).at("/orgUnit/children/edges")).hasSize(1);
    }

    /**
     * A rename (no tree lock) that read the name as free while a create took it: the lookup's unique index
     * refuses the later commit, and the client gets CONFLICT NAME_NOT_UNIQUE, not an internal error. The
     * rename is held between its decision and its write by a row lock this test takes on the lookup.
     */
    @Test
    void a_name_taken_between_a_decision_and_its_commit_is_a_conflict_not_an_internal_error() throws Exception {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String parent = create(rootId, "Direcția Cursă " + suffix, null).at("/id").asString();
        String sibling = create(parent, "Alfa " + suffix, null).at("/id").asString();
        long eventsBefore = eventCount();

        JsonNode renameResponse;
        try (java.sql.Connection holder = dataSource.getConnection();
             var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT 1 FROM org_unit_lookup WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(sibling));
                lock.executeQuery().close();
            }
            var rename = pool.submit(() -> graphql("admin", RENAME, Map.of("input",
                    Map.of("id", sibling, "name", "Beta " + suffix, "expectedVersion", 1))));
            awaitLookupWriteBlocked();
            // meanwhile a create takes the name (it commits: its row is another one)
            JsonNode created = create(parent, "BETA " + suffix, null);
            assertThat(created.at("/orgUnit/name").asString()).isEqualTo("BETA " + suffix);
            holder.rollback(); // releases the row: the rename writes, and its unique index refuses the name
            renameResponse = rename.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(firstError(renameResponse).at("/extensions/classification").asString()).isEqualTo("CONFLICT");
        assertThat(firstError(renameResponse).at("/extensions/code").asString()).isEqualTo("NAME_NOT_UNIQUE");
        assertThat(firstError(renameResponse).at("/extensions/field").asString()).isEqualTo("name");
        assertThat(eventCount()).as("the create's event only: the rename stored nothing").isEqualTo(eventsBefore + 1);
        assertThat(data("admin", "query($id: ID!) { orgUnit(id: $id) { name version } }", Map.of("id", sibling))
                .at("/orgUnit/name").asString()).isEqualTo("Alfa " + suffix);
    }

    /** Waits until a statement on org_unit_lookup waits for a lock (the rename's write, behind this test's row lock). */
    private void awaitLookupWriteBlocked() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE org_unit_lookup%'""").query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rename never reached its write to the lookup");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void overly_deep_queries_are_refused() {
        String deep = "{ root { " + "children { edges { node { ".repeat(5) + "name" + " } } }".repeat(5) + " } }";
        JsonNode response = graphql("auditor", deep, Map.of());
        assertThat(firstError(response).at("/message").asString()).containsIgnoringCase("depth");
        assertThat(response.at("/data/root").isMissingNode() || response.at("/data/root").isNull()).isTrue();
    }

    @Test
    void no_outbound_connection_was_attempted() {
        data("admin", "{ root { id } }", Map.of());
        assertThat(OutboundConnectionRecorder.outbound()).isEmpty();
    }

    private JsonNode create(String parentId, String name, String county) {
        Map<String, Object> input = county == null ? Map.of("parentId", parentId, "name", name)
                : Map.of("parentId", parentId, "name", name, "county", county);
        return data("admin", CREATE, Map.of("input", input)).get("createOrgUnit");
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
