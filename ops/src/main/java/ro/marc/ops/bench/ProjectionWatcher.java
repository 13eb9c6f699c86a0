package ro.marc.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls one read model for the clients' commands and notes when each first shows: when the read model
 * has the command's entity (org unit or activity) at the command's {@link Tracked#version} or later
 * (a create: the unit exists; an edit: the entity reached the version the edit produced). Commands are
 * handed over when they are sent (so a read model faster than the HTTP answer is seen, not hidden); failed commands are
 * dropped. The time noted is when the poll that found the version started, so the lag it gives is at
 * most one poll interval (plus the poll's own duration) too high, never too low.
 *
 * <p>Pending commands are kept per command, not per id: in the per-entity workloads one entity has several
 * commands in flight or not yet projected, each waiting for its own version.
 *
 * <p>Bounded: after {@link #clientsFinished(Duration)} it stops when every command was seen or the timeout passed.
 */
abstract class ProjectionWatcher implements Runnable, AutoCloseable {

    /**
     * A poll asks for the ids of the oldest pending commands only (in send order). The projections apply
     * events in about append order, so newer commands cannot show much before older ones; the
     * window keeps each poll cheap for the read model under test even when a projection falls far behind.
     * A command outside the window when it shows is noted at most a few polls late.
     */
    static final int WINDOW = 256;

    final String storeName;
    final int store;
    final Duration interval;
    private final ConcurrentLinkedQueue<Tracked> inbox = new ConcurrentLinkedQueue<>();
    private volatile boolean clientsFinished;
    private volatile long deadlineNanos;

    // Written by the watcher thread; read after it ended (Thread.join orders them).
    private int polls;
    private int pollErrors;
    private String lastPollError;
    private int neverSeen;

    ProjectionWatcher(String storeName, int store, Duration interval) {
        this.storeName = storeName;
        this.store = store;
        this.interval = interval;
    }

    /** Called by a client just before it sends the command. */
    void expect(Tracked command) {
        inbox.add(command);
    }

    /** No more commands will come; wait at most {@code timeout} for the ones still pending. */
    void clientsFinished(Duration timeout) {
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        clientsFinished = true;
    }

    /** The version the read model shows now for each of {@code ids} it has; ids it lacks are absent. */
    abstract Map<UUID, Long> versions(List<UUID> ids) throws Exception;

    @Override
    public final void run() {
        // Insertion (= send) order, identity of the command: renames of one org unit are distinct entries.
        Set<Tracked> pending = new LinkedHashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            long cycleStart = System.nanoTime();
            boolean finished = clientsFinished; // read before draining: nothing arrives after it is true
            for (Tracked next = inbox.poll(); next != null; next = inbox.poll()) {
                pending.add(next);
            }
            pending.removeIf(command -> command.failed);
            if (finished && pending.isEmpty()) {
                break;
            }
            if (finished && cycleStart - deadlineNanos > 0) {
                break;
            }
            if (!pending.isEmpty()) {
                poll(pending);
            }
            long sleepNanos = interval.toNanos() - (System.nanoTime() - cycleStart);
            if (sleepNanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleepNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        pending.removeIf(command -> command.failed);
        neverSeen = pending.size();
    }

    private void poll(Set<Tracked> pending) {
        List<Tracked> window = new ArrayList<>(Math.min(WINDOW, pending.size()));
        Set<UUID> ids = new LinkedHashSet<>(); // several renames of one org unit: one id to ask for
        for (Iterator<Tracked> commands = pending.iterator(); commands.hasNext() && window.size() < WINDOW; ) {
            Tracked command = commands.next();
            window.add(command);
            ids.add(command.id);
        }
        long pollStart = System.nanoTime();
        polls++;
        try {
            Map<UUID, Long> shown = versions(List.copyOf(ids));
            for (Tracked command : window) {
                Long version = shown.get(command.id);
                // At or past the command's version: a later version of the same unit implies this one was applied.
                if (version != null && version >= command.version) {
                    pending.remove(command);
                    command.seen(store, pollStart);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            pollErrors++;
            lastPollError = e.toString();
        }
    }

    int polls() {
        return polls;
    }

    int pollErrors() {
        return pollErrors;
    }

    String lastPollError() {
        return lastPollError;
    }

    /** Commands acknowledged but not seen when the watcher stopped. */
    int neverSeen() {
        return neverSeen;
    }

    // ---------------------------------------------------------------- PostgreSQL

    /**
     * {@code SELECT id, version FROM <table> WHERE id = ANY(?)} over the pending commands' ids; the table is
     * the workload's read model ({@code org_unit} or {@code nomenclature_item}), never user input.
     */
    static final class Postgres extends ProjectionWatcher {

        private final Connection connection;
        private final PreparedStatement select;

        Postgres(String jdbcUrl, String user, String password, String table, Duration interval) throws SQLException {
            super("PostgreSQL", Tracked.POSTGRES, interval);
            connection = new BenchDatabase(jdbcUrl, user, password, "marc-bench-projection-watcher").connect();
            connection.setAutoCommit(true);
            select = connection.prepareStatement("SELECT id, version FROM " + table + " WHERE id = ANY(?)");
            select.setQueryTimeout(10);
        }

        @Override
        Map<UUID, Long> versions(List<UUID> ids) throws SQLException {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            try {
                select.setArray(1, array);
                Map<UUID, Long> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getObject(1, UUID.class), rows.getLong(2));
                    }
                }
                return found;
            } finally {
                array.free();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    // ---------------------------------------------------------------- Elasticsearch

    /**
     * {@code _mget?realtime=true} on the pending commands' ids: a realtime get reads the translog, so a
     * document counts as soon as it is indexed, without waiting for the next refresh (1 s) that search
     * needs. The entity's version is the source's {@code version} field (the org unit's version, not
     * Elasticsearch's {@code _version}, which that projection sets to the event's sequence number), or, for an
     * index whose projection uses the entity's version as the external {@code _version} (the assessments),
     * {@code _version} itself.
     */
    static final class Elasticsearch extends ProjectionWatcher {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI mget;
        private final JsonMapper json;

        private final boolean externalVersion;

        Elasticsearch(URI elasticsearchUrl, String index, JsonMapper json, Duration interval) {
            this(elasticsearchUrl, index, false, json, interval);
        }

        /** {@code externalVersion}: the document's {@code _version} is the entity's version. */
        Elasticsearch(URI elasticsearchUrl, String index, boolean externalVersion, JsonMapper json, Duration interval) {
            super("Elasticsearch", Tracked.ELASTICSEARCH, interval);
            this.mget = URI.create(elasticsearchUrl + "/" + index + "/_mget?realtime=true"
                    + (externalVersion ? "&_source=false" : "&_source_includes=version"));
            this.externalVersion = externalVersion;
            this.json = json;
        }

        @Override
        Map<UUID, Long> versions(List<UUID> ids) throws IOException, InterruptedException {
            String body = json.writeValueAsString(Map.of("ids", ids.stream().map(UUID::toString).toList()));
            HttpRequest request = HttpRequest.newBuilder(mget)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("_mget answered " + response.statusCode() + ": " + MarcClient.snippet(response.body()));
            }
            Map<UUID, Long> found = new HashMap<>();
            String docError = null;
            for (JsonNode doc : json.readTree(response.body()).path("docs")) {
                if (doc.path("found").asBoolean(false)) {
                    JsonNode version = externalVersion ? doc.path("_version") : doc.path("_source").path("version");
                    if (!version.isIntegralNumber()) {
                        // Not an org-unit document as the projection writes it: say so rather than never see it.
                        throw new IOException("_mget: document " + doc.path("_id").asString()
                                + " has no numeric version in its source: " + MarcClient.snippet(doc.toString()));
                    }
                    found.put(UUID.fromString(doc.path("_id").asString()), version.asLong());
                } else if (doc.has("error")) {
                    docError = doc.path("error").toString();
                }
            }
            if (found.isEmpty() && docError != null) {
                throw new IOException("_mget: " + MarcClient.snippet(docError));
            }
            return found;
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
