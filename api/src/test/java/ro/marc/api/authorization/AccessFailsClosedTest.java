package ro.marc.api.authorization;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.projection.RunningContexts;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.access.AccountAccessTable;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.UserRegistered;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, finding 1 (access part): with the accounts projection stopped, deactivation, role
 * revocation, grant and transfer hold from the very next request on, and the mutation's answer
 * does not claim the old state. Then: the command side's access table is rebuilt from the event
 * store at start-up, also by two nodes at once.
 */
class AccessFailsClosedTest extends ApiTestSupport {

    private static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    private static final String ACCOUNTS_PROJECTION = "access-postgres";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandLookups lookups;

    private String tokenFor(String subject) {
        return signer.sign(new DemoUsers.DemoUser(subject, subject, Role.WORKING_GROUP_MEMBER, List.of(), ""));
    }

    private JsonNode as(String token, String query) {
        HttpResponse<String> response = post(token, query, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String code(JsonNode response) {
        return firstError(response).at("/extensions/code").asString();
    }

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    private long accessVersion(UUID userId) {
        return jdbc.sql("SELECT version FROM account_access WHERE user_id = ?").param(userId).query(Long.class).single();
    }

    private void awaitReadModel(UUID userId, long version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long seen = jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(userId).query(Long.class).optional().orElse(-1L);
            if (seen >= version) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the accounts read model did not reach version " + version + " of " + userId);
    }

    @Test
    void with_the_accounts_projection_stopped_account_changes_hold_from_the_next_request_and_answers_do_not_lie()
            throws Exception {
        String subject = "stalled-" + UUID.randomUUID();
        String token = tokenFor(subject);
        String id = data("admin", """
                mutation($i: RegisterUserInput!) { registerUser(input: $i) { id } }""", Map.of("i", Map.of(
                "issuer", signer.issuer(), "subject", subject, "displayName", "Cont de probă", "email", "proba@marc.invalid",
                "orgUnitId", IPJ_CLUJ.toString()))).at("/registerUser/id").asString();
        data("admin", "mutation($i: GrantRoleInput!) { grantRole(input: $i) { version } }",
                Map.of("i", Map.of("userId", id, "role", "WORKING_GROUP_MEMBER", "expectedVersion", 1)));
        String reach = "{ workingGroups(first: 5) { edges { node { id } } } }";
        awaitReadModel(UUID.fromString(id), 2);
        assertThat(as(token, reach).has("errors")).isFalse();

        UUID member = DemoAccess.userId("member.cluj");
        String memberToken = token("member.cluj");
        assertThat(as(memberToken, reach).has("errors")).isFalse();

        // stopped on every "node": the other running contexts of this JVM share the token store, and their
        // access-postgres processors would claim the segments this context releases and project
        RunningContexts.Paused accounts = RunningContexts.pause(ACCOUNTS_PROJECTION);
        long memberVersion = accessVersion(member);
        try {
            assertThat(processing.eventProcessor(ACCOUNTS_PROJECTION).orElseThrow().isRunning()).isFalse();
            assertThat(accounts.processors()).isNotEmpty();
            // deactivation: the very next request of member.cluj is refused
            JsonNode deactivated = graphql("admin", """
                    mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { version active roles { role } user { active } } }""",
                    Map.of("i", Map.of("id", member.toString(), "reason", "proba", "expectedVersion", memberVersion)));
            JsonNode next = as(memberToken, reach);
            assertThat(classification(next)).isEqualTo("UNAUTHORIZED");
            assertThat(code(next)).isEqualTo("USER_DEACTIVATED");
            assertThat(next.at("/data/workingGroups").isMissingNode() || next.at("/data/workingGroups").isNull()).isTrue();
            // ... and the answer says what holds; the read model's old "active: true" is not shown as the result
            assertThat(deactivated.at("/data/deactivateUser/active").asBoolean(true)).isFalse();
            assertThat(deactivated.at("/data/deactivateUser/roles")).isEmpty();
            assertThat(deactivated.at("/data/deactivateUser/user").isNull()).isTrue();
            assertThat(code(deactivated)).isEqualTo("READ_MODEL_BEHIND");
            memberVersion++;

            // revocation: the next request has no reach left
            JsonNode revoked = graphql("admin", """
                    mutation($i: RevokeRoleInput!) { revokeRole(input: $i) { version active roles { role } } }""",
                    Map.of("i", Map.of("userId", id, "role", "WORKING_GROUP_MEMBER", "expectedVersion", 2)));
            assertThat(classification(as(token, reach))).isEqualTo("FORBIDDEN");
            assertThat(revoked.at("/data/revokeRole/version").asLong()).isEqualTo(3);
            assertThat(revoked.at("/data/revokeRole/active").asBoolean()).isTrue();
            assertThat(revoked.at("/data/revokeRole/roles")).isEmpty();

            // a grant: the next request has the reach
            graphql("admin", "mutation($i: GrantRoleInput!) { grantRole(input: $i) { version } }",
                    Map.of("i", Map.of("userId", id, "role", "WORKING_GROUP_HEAD", "expectedVersion", 3)));
            assertThat(as(token, reach).has("errors")).isFalse();

            // a transfer: the previous holder's token no longer works, the new holder's does
            String heir = "heir-" + UUID.randomUUID();
            JsonNode transferred = graphql("admin", """
                    mutation($i: TransferUserInput!) { transferUser(input: $i) { version active } }""", Map.of("i", Map.of(
                    "id", id, "issuer", signer.issuer(), "subject", heir, "displayName", "Succesor", "email", "succesor@marc.invalid",
                    "transferDetails", "predat", "expectedVersion", 4)));
            assertThat(transferred.at("/data/transferUser/version").asLong()).isEqualTo(5);
            JsonNode previous = as(token, reach);
            assertThat(classification(previous)).isEqualTo("UNAUTHORIZED");
            assertThat(code(previous)).isEqualTo("USER_UNKNOWN");
            assertThat(as(tokenFor(heir), reach).has("errors")).isFalse();
        } finally {
            try {
                accounts.close();
            } finally {
                JsonNode reactivated = graphql("admin", "mutation($i: UserVersionInput!) { reactivateUser(input: $i) { version active } }",
                        Map.of("i", Map.of("id", member.toString(), "expectedVersion", accessVersion(member))));
                awaitReadModel(member, reactivated.at("/data/reactivateUser/version").asLong(accessVersion(member)));
            }
        }
        assertThat(as(memberToken, reach).has("errors")).isFalse();
        awaitReadModel(UUID.fromString(id), 5);
    }

    @Test
    void a_command_whose_access_record_cannot_be_written_is_not_stored() {
        // a row the aggregate does not know holds the identity: the access record's unique identity refuses the insert
        String subject = "clash-" + UUID.randomUUID();
        UUID squatter = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO account_access (user_id, issuer, subject, org_unit_id, active, version, last_event_sequence)
                VALUES (?, ?, ?, ?, FALSE, 1, 0)""").params(squatter, signer.issuer(), subject, IPJ_CLUJ).update();
        Map<String, Object> input = Map.of("id", id.toString(), "issuer", signer.issuer(), "subject", subject,
                "displayName", "Cont blocat", "email", "blocat@marc.invalid", "orgUnitId", IPJ_CLUJ.toString());
        String register = "mutation($i: RegisterUserInput!) { registerUser(input: $i) { id version active } }";
        try {
            JsonNode refused = graphql("admin", register, Map.of("i", input));
            assertThat(refused.has("errors")).as(refused.toString()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?")
                    .param("%" + id + "%").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DELETE FROM account_access WHERE user_id = ?").param(squatter).update();
        }
        // nothing of the refused command stayed behind (not even in the cached aggregate): the same command now passes
        JsonNode registered = data("admin", register, Map.of("i", input)).get("registerUser");
        assertThat(registered.at("/version").asLong()).isEqualTo(1);
        assertThat(registered.at("/active").asBoolean()).isTrue();
    }

    /** What the table says of every account, as text, in id order. */
    private List<String> accessTable() {
        return jdbc.sql("""
                SELECT a.user_id || ' ' || a.issuer || ' ' || a.subject || ' ' || a.org_unit_id || ' ' || a.active || ' ' || a.version
                       || ' ' || coalesce((SELECT string_agg(r.role || ':' || array_to_string(r.counties, ',') || ':'
                                      || r.follows_member_workflow, ';' ORDER BY r.role) FROM account_access_role r
                                   WHERE r.user_id = a.user_id), '')
                  FROM account_access a ORDER BY a.user_id""").query(String.class).list();
    }

    /** The same facts, from the accounts read model. */
    private List<String> readModel() {
        return jdbc.sql("""
                SELECT u.id || ' ' || u.issuer || ' ' || u.subject || ' ' || u.org_unit_id || ' ' || u.active || ' ' || u.version
                       || ' ' || coalesce((SELECT string_agg(r.role || ':' || array_to_string(r.counties, ',') || ':'
                                      || r.follows_member_workflow, ';' ORDER BY r.role) FROM app_user_role r
                                   WHERE r.user_id = u.id), '')
                  FROM app_user u ORDER BY u.id""").query(String.class).list();
    }

    /** As an upgrade migration does: the lookup emptied and marked unbuilt. */
    private void forgetEverything() {
        jdbc.sql("DELETE FROM account_access").update();
        jdbc.sql("DELETE FROM command_lookup_build WHERE name = ?").param(AccountAccessTable.NAME).update();
    }

    /**
     * The accounts whose registration is in the event store, whatever the aggregate that appended it
     * (the access directory, or another test class's hand-made stream): what a catch-up can rebuild.
     */
    private Set<UUID> registeredInTheEventStore() {
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT (convert_from(payload, 'UTF8')::jsonb ->> 'userId')::uuid FROM domain_event_entry
                 WHERE payload_type LIKE ?""").param("%" + UserRegistered.class.getSimpleName()).query(UUID.class).list());
    }

    /** The rows (of {@link #accessTable()} or {@link #readModel()}) of these accounts. */
    private static List<String> of(Set<UUID> accounts, List<String> rows) {
        return rows.stream().filter(row -> accounts.contains(UUID.fromString(row.substring(0, row.indexOf(' '))))).toList();
    }

    @Test
    void an_installation_with_accounts_but_no_access_table_builds_it_from_the_event_store_also_by_two_nodes_at_once()
            throws Exception {
        // The test JVM's database is shared by every test class. Compared: the accounts the event store
        // registered (rows written by hand, without events, cannot be rebuilt by anyone). The read model
        // is the independent witness for the accounts it holds; it may lack some (a poison event parked,
        // a test class's clean-up), the access table may not.
        Set<UUID> registered = registeredInTheEventStore();
        assertThat(registered).hasSizeGreaterThan(10);
        // the read model has caught up with every account event (nothing is being changed now)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!new HashSet<>(accessTable()).containsAll(of(registered, readModel())) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> expected = of(registered, accessTable());
        assertThat(expected).as("every account the event store registered has its row").hasSameSizeAs(registered);
        List<String> witnessed = of(registered, readModel());
        assertThat(witnessed).hasSizeGreaterThan(10);
        assertThat(expected).as("the read model says the same of every account it holds").containsAll(witnessed);

        forgetEverything();
        assertThat(as(token("admin"), "{ viewer { user { id } } }").at("/errors/0/extensions/code").asString()).isEqualTo("USER_UNKNOWN");
        int first = lookups.buildMissing();
        assertThat(first).isGreaterThan(expected.size());
        assertThat(accessTable()).isEqualTo(expected);
        // a later start finds it built and applies nothing
        assertThat(lookups.buildMissing()).isZero();

        // two nodes starting at once on an upgraded installation: one waits for the other
        forgetEverything();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(nodes.submit(() -> {
                    together.await();
                    return lookups.buildMissing();
                }));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<Integer> result : results) {
                applied.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(applied).containsExactlyInAnyOrder(first, 0);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(accessTable()).isEqualTo(expected);
        assertThat(as(token("admin"), "{ viewer { user { id } } }").has("errors")).isFalse();
    }
}
