package ro.marc.api.cluster;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ro.marc.api.MarcApplication;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.startup.StartupSequence;
import ro.marc.api.support.GraphQlClientSupport;
import ro.marc.api.support.GraphQlWebSocket;
import ro.marc.api.support.OwnDatabase;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.command.RecordIntegrityIncident;
import ro.marc.events.org.County;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.incident.IncidentQueries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two MARC nodes (two application contexts of {@link MarcApplication}, profile {@code local}, demo data, each
 * on its own random port) over one PostgreSQL database and one set of Elasticsearch indexes, started
 * together on an empty database. No distributed command bus: each node loads aggregates from the event
 * store per command, and the event store's key on (aggregate, sequence) decides between them.
 *
 * <p>Each scenario is one method using {@link #nodeA} and {@link #nodeB}; a new cross-node scenario (e.g. a
 * notification caused through A reaching a subscription open on B) is one more method.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String CREATE_ORG_UNIT = """
            mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id version } }""";
    private static final String RENAME_ORG_UNIT = """
            mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id version } }""";
    private static final String ROOT = "{ root { id } }";
    private static final String IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj").toString();
    private static final String ORDINE_PUBLICA = DemoOrganisation.id("wu:Ordine publică").toString();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static OwnDatabase database;
    static JdbcClient jdbc;
    static Node nodeA;
    static Node nodeB;
    static long startMillis;

    @BeforeAll
    static void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
        database = OwnDatabase.create("nodes");
        MarcServices.ServiceEndpoints services = database.services();
        String url = database.url();
        String indexPrefix = database.indexPrefix();
        // one connection for the test's own reads: the machine's PostgreSQL is shared (max_connections)
        jdbc = JdbcClient.create(new SingleConnectionDataSource(url, services.dbUser(), services.dbPassword(), true));

        long started = System.nanoTime();
        // both at once: Flyway, the command-side lookups, the start-up sequence with the demo data
        CompletableFuture<Node> a = CompletableFuture.supplyAsync(() -> Node.start("node-a", url, services, indexPrefix));
        CompletableFuture<Node> b = CompletableFuture.supplyAsync(() -> Node.start("node-b", url, services, indexPrefix));
        nodeA = a.join();
        nodeB = b.join();
        startMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("TwoNodesTest: both nodes started in %d ms (ports %d and %d)%n", startMillis, nodeA.port(), nodeB.port());
    }

    @AfterAll
    static void stopBothAndDropTheDatabase() throws Exception {
        for (Node node : new Node[]{nodeA, nodeB}) {
            if (node != null) {
                node.context.close();
            }
        }
        database.drop();
    }

    @Test
    @Order(1)
    void started_together_on_an_empty_database_they_seed_once_and_are_both_healthy() {
        assertThat(nodeA.port()).isNotEqualTo(nodeB.port());
        assertThat(nodeA.health()).contains("\"UP\"");
        assertThat(nodeB.health()).contains("\"UP\"");

        // one root, and no event stored twice: a step done by both nodes would repeat an event (same type, same content)
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%OrgUnitCreated%' AND convert_from(payload, 'UTF8') LIKE '%\"level\":0%'")
                .query(Long.class).single()).isEqualTo(1);
        List<String> repeated = jdbc.sql("""
                SELECT aggregate_identifier || ' ' || payload_type || ' x' || count(*) FROM domain_event_entry
                 GROUP BY aggregate_identifier, payload_type, md5(payload) HAVING count(*) > 1""").query(String.class).list();
        assertThat(repeated).as("events stored twice").isEmpty();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(events).isGreaterThan(100);

        // the demo entities exist once in the read models, seen from either node
        JsonNode fromA = nodeA.data("admin", "{ orgUnit(id: \"%s\") { name children(first: 50) { edges { node { name } } } } }"
                .formatted(IPJ_CLUJ), Map.of());
        JsonNode fromB = nodeB.data("admin", "{ orgUnit(id: \"%s\") { name children(first: 50) { edges { node { name } } } } }"
                .formatted(IPJ_CLUJ), Map.of());
        assertThat(fromA).isEqualTo(fromB);
        List<String> children = new ArrayList<>();
        fromA.at("/orgUnit/children/edges").forEach(edge -> children.add(edge.at("/node/name").asString()));
        assertThat(children).doesNotHaveDuplicates();

        // a third run of the whole start-up sequence (as a restart would) changes nothing
        nodeB.context.getBean(StartupSequence.class).run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    @Order(2)
    void what_node_a_acknowledged_is_at_once_usable_by_a_command_through_node_b() {
        String suffix = suffix();
        String root = nodeA.data("admin", ROOT, Map.of()).at("/root/id").asString();

        // an org unit created through A: B creates a child under it right after A's answer
        String unit = nodeA.data("admin", CREATE_ORG_UNIT, Map.of("i", Map.of("parentId", root, "name", "Direcția A " + suffix)))
                .at("/createOrgUnit/id").asString();
        JsonNode child = nodeB.data("admin", CREATE_ORG_UNIT, Map.of("i", Map.of("parentId", unit, "name", "Serviciul B " + suffix)));
        assertThat(child.at("/createOrgUnit/version").asInt()).isEqualTo(1);

        // an account registered through A: B grants it a role, with the version A answered
        String subject = "nodes-" + suffix;
        JsonNode registered = nodeA.data("admin.cluj", """
                mutation($i: RegisterUserInput!) { registerUser(input: $i) { id version } }""", Map.of("i", Map.of(
                "issuer", "marc-test", "subject", subject, "displayName", "Persoană " + suffix, "email", subject + "@marc.test",
                "orgUnitId", IPJ_CLUJ))).get("registerUser");
        JsonNode granted = nodeB.data("admin.cluj", """
                mutation($i: GrantRoleInput!) { grantRole(input: $i) { version } }""", Map.of("i", Map.of(
                "userId", registered.at("/id").asString(), "role", "WORKING_GROUP_MEMBER",
                "expectedVersion", registered.at("/version").asInt())));
        assertThat(granted.at("/grantRole/version").asInt()).isEqualTo(registered.at("/version").asInt() + 1);

        // a domain defined through A, an activity proposed under it through B, a risk under the activity through A
        String domain = nodeA.data("admin", "mutation($n: String!) { defineDomain(input: {name: $n}) { id } }",
                Map.of("n", "Domeniu " + suffix)).at("/defineDomain/id").asString();
        String activity = nodeB.data("member.cluj", """
                mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }""", Map.of("i", Map.of(
                "name", "Activitate " + suffix, "description", "Propusă prin nodul B", "domainId", domain,
                "workUnitIds", List.of(ORDINE_PUBLICA)))).at("/proposeActivity/id").asString();
        JsonNode risk = nodeA.data("member.cluj", """
                mutation($i: ProposeRiskInput!) { proposeRisk(input: $i) { id item { activityId } } }""",
                Map.of("i", Map.of("activityId", activity, "name", "Risc " + suffix))).get("proposeRisk");
        assertThat(risk.at("/item/activityId").asString()).isEqualTo(activity);
    }

    @Test
    @Order(3)
    void concurrent_edits_of_different_entities_through_both_nodes_never_conflict() throws Exception {
        String suffix = suffix();
        String root = nodeA.data("admin", ROOT, Map.of()).at("/root/id").asString();
        int perNode = 8;
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 2 * perNode; i++) {
            units.add(nodeA.data("admin", CREATE_ORG_UNIT, Map.of("i", Map.of("parentId", root, "name", "Paralel " + i + " " + suffix)))
                    .at("/createOrgUnit/id").asString());
        }
        List<JsonNode> answers = together(2 * perNode, i -> (i % 2 == 0 ? nodeA : nodeB).graphql("admin", RENAME_ORG_UNIT,
                Map.of("i", Map.of("id", units.get(i), "name", "Redenumit " + i + " " + suffix, "expectedVersion", 1))));
        for (JsonNode answer : answers) {
            assertThat(answer.has("errors")).as(answer.toString()).isFalse();
            assertThat(answer.at("/data/renameOrgUnit/version").asInt()).isEqualTo(2);
        }
    }

    @Test
    @Order(4)
    void concurrent_edits_of_one_entity_through_both_nodes_give_one_winner_and_typed_conflicts() throws Exception {
        String suffix = suffix();
        String root = nodeA.data("admin", ROOT, Map.of()).at("/root/id").asString();
        String unit = nodeA.data("admin", CREATE_ORG_UNIT, Map.of("i", Map.of("parentId", root, "name", "Disputat " + suffix)))
                .at("/createOrgUnit/id").asString();
        int writers = 8;
        List<JsonNode> answers = together(writers, i -> (i % 2 == 0 ? nodeA : nodeB).graphql("admin", RENAME_ORG_UNIT,
                Map.of("i", Map.of("id", unit, "name", "Editor " + i + " " + suffix, "expectedVersion", 1))));
        int winners = 0;
        for (JsonNode answer : answers) {
            if (!answer.has("errors")) {
                winners++;
                assertThat(answer.at("/data/renameOrgUnit/version").asInt()).isEqualTo(2);
                continue;
            }
            JsonNode error = answer.get("errors").get(0);
            assertThat(error.at("/extensions/classification").asString()).as(answer.toString()).isEqualTo("CONFLICT");
            // the loser of the append was sent again and met the winner's version: the aggregate's own answer
            assertThat(error.at("/extensions/code").asString()).as(answer.toString()).isEqualTo("STALE_VERSION");
            assertThat(error.at("/extensions/currentVersion").asInt()).isEqualTo(2);
        }
        assertThat(winners).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%OrgUnitRenamed%' AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%Disputat " + suffix + "%").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Two complete plans of IPJ Iași, activated at the same moment, one through each node: one structure has
     * one active plan. The plan lookup's unique index decides between the two commits, whichever node they
     * come through; the loser is the typed conflict and nothing of it is stored.
     */
    @Test
    @Order(6)
    void two_plans_of_one_structure_activated_at_once_through_both_nodes_give_one_active_plan() throws Exception {
        String ipjIasi = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași").toString();
        Map<String, Object> member = Map.of("userId", ro.marc.api.local.DemoAccess.userId("member.iasi").toString(),
                "workUnitIds", List.of(ORDINE_PUBLICA), "questionnaireRequired", true);
        List<String> plans = new ArrayList<>();
        for (Node node : new Node[]{nodeA, nodeB}) {
            plans.add(node.data("head.iasi", """
                    mutation($i: DraftPlanInput!) { draftPlan(input: $i) { id version } }""", Map.of("i", Map.of(
                    "orgUnitId", ipjIasi, "startDate", "2027-02-01", "purpose", "Campanie concurentă " + suffix(),
                    "members", List.of(member),
                    "deadlines", Map.of("identification", "2027-03-31", "evaluation", "2027-04-30", "measures", "2027-06-30"))))
                    .at("/draftPlan/id").asString());
        }
        List<JsonNode> answers = together(2, i -> (i == 0 ? nodeA : nodeB).graphql("head.iasi", """
                mutation($i: PlanVersionInput!) { activatePlan(input: $i) { id version } }""",
                Map.of("i", Map.of("id", plans.get(i), "expectedVersion", 1))));
        List<String> winners = new ArrayList<>();
        for (JsonNode answer : answers) {
            if (!answer.has("errors")) {
                winners.add(answer.at("/data/activatePlan/id").asString());
                continue;
            }
            JsonNode error = answer.get("errors").get(0);
            assertThat(error.at("/extensions/classification").asString()).as(answer.toString()).isEqualTo("CONFLICT");
            assertThat(error.at("/extensions/code").asString()).as(answer.toString()).isEqualTo("ACTIVE_PLAN_EXISTS");
        }
        assertThat(winners).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%PlanActivated%' AND aggregate_identifier IN (?, ?)")
                .params(plans.get(0), plans.get(1)).query(Long.class).single()).isEqualTo(1);
        // both nodes read the same one active plan (read-your-writes on the winner's node; the other catches up)
        for (Node node : new Node[]{nodeA, nodeB}) {
            long deadline = System.currentTimeMillis() + 15_000;
            String active = null;
            while (System.currentTimeMillis() < deadline) {
                JsonNode plan = node.data("head.iasi", "query($o: ID!) { activePlan(orgUnitId: $o) { id } }", Map.of("o", ipjIasi));
                active = plan.at("/activePlan/id").isMissingNode() || plan.at("/activePlan").isNull() ? null : plan.at("/activePlan/id").asString();
                if (winners.getFirst().equals(active)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(active).isEqualTo(winners.getFirst());
        }
    }

    /**
     * The member proposes through node A; the central administrator's subscription is open on node B. Whichever
     * node projects the notification, it is relayed through PostgreSQL NOTIFY to node B's subscription, once.
     */
    @Test
    @Order(5)
    void a_notification_caused_through_node_a_reaches_a_subscription_open_on_node_b() throws Exception {
        String suffix = suffix();
        String top = nodeA.data("admin", "mutation($n: String!) { defineDomain(input: {name: $n}) { id } }",
                Map.of("n", "Noduri " + suffix)).at("/defineDomain/id").asString();
        String leaf = nodeA.data("admin", "mutation($p: ID!, $n: String!) { defineDomain(input: {parentDomainId: $p, name: $n}) { id } }",
                Map.of("p", top, "n", "Noduri frunză " + suffix)).at("/defineDomain/id").asString();
        try (GraphQlWebSocket inbox = GraphQlWebSocket.subscribeToNotifications(nodeB.port(), nodeB.token("admin"))) {
            String activity = nodeA.data("member.cluj", """
                    mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }""", Map.of("i", Map.of(
                    "name", "Activitate anunțată " + suffix, "domainId", leaf, "workUnitIds", List.of(ORDINE_PUBLICA))))
                    .at("/proposeActivity/id").asString();
            JsonNode pushed = inbox.next(n -> n.at("/subjectId").asString().equals(activity));
            assertThat(pushed.at("/kind").asString()).isEqualTo("PROPOSAL_SUBMITTED");
            // and only once on node B
            long deadline = System.nanoTime() + java.time.Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = inbox.poll(java.time.Duration.ofMillis(100));
                assertThat(message == null ? "" : message.at("/payload/data/notificationAdded/subjectId").asString())
                        .as("pushed twice").isNotEqualTo(activity);
            }
        }
    }

    /**
     * An incident document uploaded through node A is downloaded, byte for byte, through node B: the content is kept
     * in PostgreSQL (incident_file), which both nodes share, not on either node's disk (issue 12).
     */
    @Test
    @Order(7)
    void an_incident_document_uploaded_through_node_a_downloads_byte_identical_through_node_b() throws Exception {
        UUID incident = UUID.randomUUID();
        nodeA.context.getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(
                        new RecordIntegrityIncident(incident, "Incident pe două noduri " + suffix(),
                                County.CJ, UUID.fromString(IPJ_CLUJ),
                                IncidentType.INDICTMENT, LocalDate.of(2026, 2, 3), "7702026",
                                LocalDate.of(2026, 4, 1), "Foloase necuvenite la un control în trafic."))
                        .andMetaData(MetaData.from(Map.of("userId",
                                DemoAccess.userId("admin.cluj").toString(), "role", "TERRITORIAL_ADMIN",
                                "correlationId", UUID.randomUUID().toString()))));
        IncidentQueries readModel = nodeA.context.getBean(IncidentQueries.class);
        long deadline = System.currentTimeMillis() + 15_000;
        while (readModel.incident(incident).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, ThreadLocalRandom.current().nextInt(0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();

        String boundary = "nodes-" + suffix();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] part : new String[][]{{"kind", "OTHER"}, {"title", "Proces-verbal"}, {"expectedVersion", "1"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"\r\n\r\n"
                    + part[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proces-verbal.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodeA.port()
                        + "/incidents/" + incident + "/documents"))
                .header("Authorization", "Bearer " + nodeA.token("admin.cluj"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String url = JSON.readTree(uploaded.body()).at("/url").asString();

        // node B: the same bytes (once its read model has the document: it may be node A that projects it)
        HttpResponse<byte[]> downloaded = null;
        deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            downloaded = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodeB.port() + url))
                    .header("Authorization", "Bearer " + nodeB.token("auditor")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (downloaded.statusCode() != 404) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(png);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    }

    /**
     * Issue 13: an integrity incident linked to a risk through node A raises the probability floor of that risk's
     * assessment at once through node B. The command side decides with the incidents' command-side lookup, written
     * in the link's own transaction, not with a read model or anything a node holds in memory.
     */
    @Test
    @Order(8)
    void an_incident_linked_through_node_a_raises_the_probability_floor_at_once_through_node_b() throws Exception {
        JsonNode draft = null;
        long deadline = System.currentTimeMillis() + 30_000; // the demo's seeding is projected in the background
        while ((draft == null || draft.isMissingNode()) && System.currentTimeMillis() < deadline) {
            draft = nodeB.data("member.cluj", """
                    { riskAssessments(filter: {statuses: [DRAFT]}) { edges { node { id version orgUnitId workUnitId activityId
                      riskId evaluation { probability impacts { dimensionId importance score } } } } } }""", Map.of())
                    .at("/riskAssessments/edges/0/node");
            Thread.sleep(draft.isMissingNode() ? 200 : 0);
        }
        assertThat(draft.at("/orgUnitId").asString()).as("the demo's open draft of member.cluj").isEqualTo(IPJ_CLUJ);
        List<Map<String, Object>> impacts = new ArrayList<>();
        draft.at("/evaluation/impacts").forEach(i -> impacts.add(Map.of("dimensionId", i.at("/dimensionId").asString(),
                "importance", i.at("/importance").asInt(), "score", i.at("/score").asInt())));
        assertThat(impacts).isNotEmpty();

        String incident = UUID.randomUUID().toString();
        long recorded = nodeA.data("admin", """
                mutation($i: RecordIncidentInput!) { recordIncident(input: $i) { version } }""", Map.of("i", Map.of("id", incident,
                "title", "Permis eliberat contra foloase " + suffix(), "county", "CJ", "orgUnitId", IPJ_CLUJ, "type", "INDICTMENT",
                "incidentDate", "2026-05-04", "fileNumber", "6130", "fileRegisteredOn", "2026-05-20",
                "content", "Eliberarea unui permis fără îndeplinirea condițiilor"))).at("/recordIncident/version").asLong();
        nodeA.data("admin", "mutation($i: IncidentRiskLinkInput!) { linkIncidentRisk(input: $i) { version } }", Map.of("i", Map.of(
                "incidentId", incident, "orgUnitId", IPJ_CLUJ, "workUnitId", draft.at("/workUnitId").asString(),
                "activityId", draft.at("/activityId").asString(), "riskId", draft.at("/riskId").asString(), "expectedVersion", recorded)));

        // node B, at once: 3 is below the floor the link just set (only 4 and 5 in the structure where it happened)
        String evaluate = "mutation($i: EvaluateRiskInput!) { evaluateRisk(input: $i) { version assessment { evaluation { probability } "
                + "history { evaluation { probability } } } } }";
        long version = draft.at("/version").asLong();
        JsonNode below = nodeB.graphql("member.cluj", evaluate, Map.of("i", Map.of("id", draft.at("/id").asString(),
                "probability", 3, "impacts", impacts, "expectedVersion", version)));
        assertThat(below.at("/errors/0/extensions/code").asString()).as(below.toString()).isEqualTo("BELOW_INCIDENT_FLOOR");
        assertThat(below.at("/errors/0/extensions/lowestAllowed").asInt()).isEqualTo(4);
        JsonNode scored = nodeB.data("member.cluj", evaluate, Map.of("i", Map.of("id", draft.at("/id").asString(),
                "probability", 4, "impacts", impacts, "expectedVersion", version))).get("evaluateRisk");
        assertThat(scored.at("/version").asLong()).isEqualTo(version + 1);
        assertThat(scored.at("/assessment/evaluation/probability").asInt()).isEqualTo(4);
    }

    private static List<JsonNode> together(int count, java.util.function.IntFunction<JsonNode> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    /**
     * N01 across two nodes: the IPJ Cluj register saved with a measure due on 15.05.2027 and another on 20.05.2027;
     * on 12.05 (Axon's clock, both nodes) both nodes sweep at once, three times each, and the recurring task is made
     * due now (db-scheduler lets one node claim it): one reminder per measure and due date in the store, one
     * notification to the member; on 19.05 the same gives the second reminder and the first one's overdue flag, once
     * each.
     */
    @Test
    @Order(100)
    void a_reminder_swept_by_both_nodes_at_once_is_appended_and_notified_once_per_deadline() throws Exception {
        LocalDate first = LocalDate.of(2027, 5, 15);
        LocalDate second = LocalDate.of(2027, 5, 20);
        var saved = ro.marc.api.monitoring.ReminderScenario.saveDemoRegister(nodeA.context, first, second);
        try {
            ro.marc.api.monitoring.ReminderScenario.today(first.minusDays(3));
            sweepOnBothNodes();
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoon(jdbc, saved.first(), first)).as("one reminder").isEqualTo(1);
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoon(jdbc, saved.second(), second)).isZero();

            ro.marc.api.monitoring.ReminderScenario.today(second.minusDays(1));
            sweepOnBothNodes();
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoon(jdbc, saved.second(), second)).isEqualTo(1);
            assertThat(ro.marc.api.monitoring.ReminderScenario.overdue(jdbc, saved.first(), first)).isEqualTo(1);
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoon(jdbc, saved.first(), first)).isEqualTo(1);

            // the member is told once of each reminder, whichever node projected it
            ro.marc.api.monitoring.ReminderScenario.await(30, () -> ro.marc.api.monitoring.ReminderScenario.dueSoonNotifications(
                    jdbc, saved.second(), second) > 0, "the notifications");
            Thread.sleep(1000);
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoonNotifications(jdbc, saved.first(), first)).isEqualTo(1);
            assertThat(ro.marc.api.monitoring.ReminderScenario.dueSoonNotifications(jdbc, saved.second(), second)).isEqualTo(1);
        } finally {
            ro.marc.api.monitoring.ReminderScenario.realTime();
        }
    }

    /** Both nodes sweep three times each, all at once, and the recurring task is made due now through node A. */
    private static void sweepOnBothNodes() throws Exception {
        together(6, i -> {
            (i % 2 == 0 ? nodeA : nodeB).context.getBean(ro.marc.api.monitoring.MeasureReminderSweep.class).run();
            return null;
        });
        nodeA.context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).reschedule(
                com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(ro.marc.api.monitoring.MeasureReminderScheduling.TASK,
                        com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), java.time.Instant.now());
        Thread.sleep(12_000); // a polling interval (10 s) for one node to claim and run it
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** One running MARC node and a GraphQL client for it, as its demo users. */
    static final class Node extends GraphQlClientSupport {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        final ConfigurableApplicationContext context;

        private Node(ConfigurableApplicationContext context) {
            this.context = context;
            this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
            this.signer = context.getBean(DevTokenSigner.class);
        }

        static Node start(String name, String url, MarcServices.ServiceEndpoints services, String indexPrefix) {
            return new Node(new SpringApplicationBuilder(MarcApplication.class).profiles("local").run(
                    "--server.port=0",
                    "--marc.node-name=" + name,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + services.dbUser(),
                    "--spring.datasource.password=" + services.dbPassword(),
                    "--spring.datasource.hikari.maximum-pool-size=8",
                    "--marc.elasticsearch.url=" + services.elasticsearchUrl(),
                    "--marc.elasticsearch.index-prefix=" + indexPrefix,
                    "--marc.security.dev-signer.issuer=marc-test",
                    "--marc.demo-data.enabled=true",
                    "--spring.application.admin.enabled=false"));
        }

        int port() {
            return port;
        }

        @Override
        public String token(String user) {
            return super.token(user);
        }

        @Override
        public JsonNode data(String user, String query, Map<String, Object> variables) {
            return super.data(user, query, variables);
        }

        @Override
        public JsonNode graphql(String user, String query, Map<String, Object> variables) {
            return super.graphql(user, query, variables);
        }

        String health() {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return response.body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
