package ro.marc.api.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.GraphQlWebSocket;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LISTEN/NOTIFY between nodes on the real PostgreSQL: signals only for committed work, the listener
 * reconnecting after its backend is killed, a notification written and signalled by "another node"
 * (a plain JDBC connection) pushed to a subscription of this one, and read-your-writes woken by a
 * projection signal instead of polling.
 */
class ClusterSignalsTest extends ApiTestSupport {

    @Autowired
    ClusterSignals signals;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;

    /** Subscribes to a fresh channel and waits until it is LISTENed (a probe signal comes back). */
    private BlockingQueue<String> subscribed(String channel) throws InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        signals.subscribe(channel, received::add);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            signals.signal(channel, "probe");
            if ("probe".equals(received.poll(200, TimeUnit.MILLISECONDS))) {
                Thread.sleep(100);
                received.clear();
                return received;
            }
        }
        throw new AssertionError("channel " + channel + " never listened to");
    }

    @Test
    void a_signal_is_delivered_when_its_transaction_commits_and_never_when_it_rolls_back() throws Exception {
        String channel = "marc_test_" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<String> received = subscribed(channel);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        transactions.executeWithoutResult(status -> {
            signals.signal(channel, "committed");
            try {
                assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("not before the commit").isNull();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("committed");

        transactions.executeWithoutResult(status -> {
            signals.signal(channel, "rolled back");
            status.setRollbackOnly();
        });
        signals.signal(channel, "after the rollback");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("after the rollback");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void the_listener_reconnects_after_its_connection_is_killed_and_tells_subscribers_to_resync() throws Exception {
        String channel = "marc_test_" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        AtomicInteger resyncs = new AtomicInteger();
        signals.subscribe(channel, received::add, resyncs::incrementAndGet);
        subscribed(channel); // waits until the channel is LISTENed
        assertThat(signals.listening()).isTrue();
        int killed = signals.backendPid();
        assertThat(killed).isPositive();

        assertThat(jdbc.sql("SELECT pg_terminate_backend(?)").param(killed).query(Boolean.class).single()).isTrue();
        boolean sawDown = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!sawDown && System.nanoTime() < deadline) {
            sawDown = !signals.listening();
            Thread.sleep(2);
        }
        assertThat(sawDown).as("listening() false while disconnected").isTrue();

        deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!signals.listening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(signals.listening()).as("listening again").isTrue();
        assertThat(signals.backendPid()).isNotEqualTo(killed);
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (resyncs.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(resyncs.get()).as("onResync after the reconnect").isPositive();

        received.clear();
        signals.signal(channel, "again");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("again");
    }

    @Test
    void a_notification_written_and_signalled_by_another_node_reaches_a_subscription_on_this_one() throws Exception {
        UUID admin = DemoAccess.userId("admin");
        UUID id = UUID.randomUUID();
        try (GraphQlWebSocket inbox = GraphQlWebSocket.subscribeToNotifications(port, token("admin"));
             Connection nodeB = DriverManager.getConnection(url, user, password)) {
            // node B: its notifications processor commits the row, then signals its id
            try (PreparedStatement insert = nodeB.prepareStatement("""
                    INSERT INTO notification (id, recipient_user_id, kind, title, message, work_unit_names,
                                              source_event_seq, source_event_id, created_at)
                    VALUES (?, ?, 'CAUSE_ADDED', 'Cauză nouă', 'Adăugată pe nodul B', '{}', -1, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setObject(2, admin);
                insert.setString(3, "node-b-" + id);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            try (Statement notify = nodeB.createStatement()) {
                notify.execute("NOTIFY " + ClusterSignals.NOTIFICATION + ", '" + id + "'");
            }
            JsonNode pushed = inbox.next(n -> n.at("/id").asString().equals(id.toString()));
            assertThat(pushed.at("/message").asString()).isEqualTo("Adăugată pe nodul B");

            // once per node: a second signal of the same id pushes nothing more
            try (Statement notify = nodeB.createStatement()) {
                notify.execute("NOTIFY " + ClusterSignals.NOTIFICATION + ", '" + id + "'");
            }
            JsonNode again = inbox.poll(Duration.ofSeconds(1));
            assertThat(again == null ? "" : again.toString()).doesNotContain(id.toString());
        } finally {
            jdbc.sql("DELETE FROM notification WHERE id = ?").param(id).update();
        }
    }

    @Test
    void a_notification_projected_on_this_node_is_pushed_here_exactly_once() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String top = data("admin", "mutation($n: String!) { defineDomain(input: {name: $n}) { id } }",
                Map.of("n", "Semnale " + suffix)).at("/defineDomain/id").asString();
        String leaf = data("admin", "mutation($p: ID!, $n: String!) { defineDomain(input: {parentDomainId: $p, name: $n}) { id } }",
                Map.of("p", top, "n", "Semnale locale " + suffix)).at("/defineDomain/id").asString();
        try (GraphQlWebSocket inbox = GraphQlWebSocket.subscribeToNotifications(port, token("admin"))) {
            String activity = data("member.cluj", """
                    mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }""",
                    Map.of("i", Map.of("name", "Activitate semnalată " + suffix, "domainId", leaf,
                            "workUnitIds", List.of(DemoOrganisation.id("wu:Ordine publică").toString()))))
                    .at("/proposeActivity/id").asString();
            JsonNode pushed = inbox.next(n -> n.at("/subjectId").asString().equals(activity));
            assertThat(pushed.at("/kind").asString()).isEqualTo("PROPOSAL_SUBMITTED");
            // no second push of it: the origin relays through NOTIFY like every node, and pushes an id once
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode message = inbox.poll(Duration.ofMillis(100));
                assertThat(message == null ? "" : message.at("/payload/data/notificationAdded/subjectId").asString())
                        .as("pushed twice").isNotEqualTo(activity);
            }
        }
    }

    /**
     * Node B appends an event (a copy of this org unit's rename with another name, written by plain JDBC,
     * so this node's event store does not know of it) and signals {@code marc_events}: this node's
     * projection shows it promptly. Without the signal it would wait for the fallback wake (500 ms without a wake).
     */
    @Test
    void an_event_appended_and_signalled_by_another_node_is_projected_here_promptly() throws Exception {
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String first = "Direcția de la nodul B " + suffix;
        String id = data("admin", """
                mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }""",
                Map.of("input", Map.of("parentId", rootId, "name", first))).at("/createOrgUnit/id").asString();
        String renamed = first + " redenumită";
        data("admin", """
                mutation($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { version } }""",
                Map.of("input", Map.of("id", id, "name", renamed, "expectedVersion", 1)));
        // the rename answers once its read model shows it, or after the read-your-writes wait on a loaded machine:
        // node B's append is timed from a read model that holds the rename
        awaitValue(() -> jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).optional().orElse(null), renamed::equals);
        String byNodeB = first + " de B";
        try (Connection nodeB = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement append = nodeB.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                    meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT aggregate_identifier, sequence_number + 1, type, gen_random_uuid()::text, meta_data,
                           convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),
                           payload_revision, payload_type, time_stamp
                    FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%OrgUnitRenamed'""")) {
                append.setString(1, renamed);
                append.setString(2, byNodeB);
                append.setString(3, id);
                assertThat(append.executeUpdate()).isEqualTo(1);
            }
            long start = System.nanoTime();
            try (Statement notify = nodeB.createStatement()) {
                notify.execute("NOTIFY " + ClusterSignals.EVENTS + ", 'node-b'");
            }
            long deadline = start + Duration.ofSeconds(10).toNanos();
            String name = null;
            while (!byNodeB.equals(name) && System.nanoTime() < deadline) {
                name = jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(UUID.fromString(id))
                        .query(String.class).single();
                Thread.sleep(2);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("node B's append projected here %d ms after its signal%n", millis);
            assertThat(name).isEqualTo(byNodeB);
            assertThat(millis).as("before the 500 ms fallback wake").isLessThan(400);
        }
    }

    @Test
    void read_your_writes_re_reads_when_a_projection_signals_not_by_polling() throws Exception {
        assertThat(signals.listening()).isTrue();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Long> latencies = new ArrayList<>();
            List<Integer> reads = new ArrayList<>();
            for (int trial = 0; trial < 5; trial++) {
                AtomicLong version = new AtomicLong(1);
                AtomicLong signalledAt = new AtomicLong();
                AtomicInteger count = new AtomicInteger();
                // "the projection" (on any node) commits version 2 after 600 ms and signals, from outside this JVM's path
                writer.schedule(() -> {
                    version.set(2);
                    signalledAt.set(System.nanoTime());
                    signals.signal(ClusterSignals.PROJECTION, "test-group");
                }, 600, TimeUnit.MILLISECONDS);
                Long seen = ReadYourWrites.awaitVersion(() -> {
                    count.incrementAndGet();
                    return Optional.of(version.get());
                }, v -> v, 2);
                long returnedAt = System.nanoTime();
                assertThat(seen).isEqualTo(2L);
                latencies.add(TimeUnit.NANOSECONDS.toMillis(returnedAt - signalledAt.get()));
                reads.add(count.get());
            }
            System.out.printf("read-your-writes: ms from signal to return %s, reads per wait %s%n", latencies, reads);
            // without signals: a read every 5 ms (~120 in 600 ms); with them: one per 100 ms fallback, plus the signal's
            assertThat(reads).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(12));
            // the fallback alone would take 50 ms on average
            assertThat(latencies.stream().sorted().toList().get(2)).as("median ms, signal → re-read").isLessThan(40);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void a_rename_answers_with_the_new_version_promptly() throws Exception {
        BlockingQueue<String> projected = new LinkedBlockingQueue<>();
        signals.subscribe(ClusterSignals.PROJECTION, projected::add);
        String rootId = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        JsonNode created = data("admin", """
                mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version } }""",
                Map.of("input", Map.of("parentId", rootId, "name", "Direcția de semnale " + suffix)))
                .get("createOrgUnit");
        String id = created.at("/id").asString();
        int version = created.at("/version").asInt();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            JsonNode renamed = data("admin", """
                    mutation($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { version orgUnit { name version } } }""",
                    Map.of("input", Map.of("id", id, "name", "Direcția de semnale " + suffix + " " + i, "expectedVersion", version)))
                    .get("renameOrgUnit");
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            version = renamed.at("/version").asInt();
            assertThat(renamed.at("/orgUnit/version").asInt()).as("the payload shows the write").isEqualTo(version);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("rename round trip ms: median %d, p90 %d, all %s%n", sorted.get(10), sorted.get(18), millis);
        // the org read model's batches signalled their commits (the signal read-your-writes waits for)
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean signalled = false;
        while (!signalled && System.nanoTime() < deadline) {
            signalled = "org-postgres".equals(projected.poll(100, TimeUnit.MILLISECONDS));
        }
        assertThat(signalled).as("org-postgres signalled on marc_projection").isTrue();
    }
}
