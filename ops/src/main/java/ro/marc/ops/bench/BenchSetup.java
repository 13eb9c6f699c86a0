package ro.marc.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preparation steps for {@code ops/bench/run-benchmark.sh}, so the script needs neither psql nor jq:
 * <pre>
 *   recreate-database --jdbc URL --db-user U [--db-password P] --name marc_bench   (prints the new database's URL)
 *   delete-indexes    --es URL --prefix marc-bench-
 *   wait-ready        --url URL --pid PID [--timeout-seconds 300]
 * </pre>
 * Loopback endpoints only. Exit code 0 on success, 1 on failure, 2 for a bad command line.
 */
public final class BenchSetup {

    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");
    private static final Pattern SAFE_DATABASE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern SAFE_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*-");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private BenchSetup() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: BenchSetup recreate-database|delete-indexes|wait-ready --option value ...");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("Expected --option value pairs, got " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        try {
            switch (args[0]) {
                case "recreate-database" -> System.out.println(recreateDatabase(
                        BenchOptions.loopbackJdbc(required(options, "jdbc")), required(options, "db-user"),
                        options.getOrDefault("db-password", ""), required(options, "name")));
                case "delete-indexes" -> deleteIndexes(
                        BenchOptions.loopbackHttp("es", stripSlash(required(options, "es"))), required(options, "prefix"));
                case "wait-ready" -> waitReady(
                        BenchOptions.loopbackHttp("url", stripSlash(required(options, "url"))),
                        Long.parseLong(required(options, "pid")),
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "300"))));
                default -> {
                    System.err.println("Unknown step " + args[0]);
                    System.exit(2);
                }
            }
        } catch (BenchOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("BenchSetup " + args[0] + " failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Drops (forcing out open sessions) and creates {@code name} on the server of {@code jdbcUrl}. */
    static String recreateDatabase(String jdbcUrl, String user, String password, String name) throws SQLException {
        if (!SAFE_DATABASE.matcher(name).matches() || List.of("postgres", "template0", "template1", "marc").contains(name)) {
            throw new BenchOptions.UsageException("Refusing to drop database '" + name + "'");
        }
        Matcher url = DATABASE_IN_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new BenchOptions.UsageException("Expected jdbc:postgresql://host[:port]/database[?params], got " + jdbcUrl);
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        // Connected to the maintenance database: one cannot drop the database one is connected to.
        try (Connection connection = DriverManager.getConnection(url.group(1) + "postgres" + url.group(3), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        System.err.println("Recreated database " + name);
        return url.group(1) + name + url.group(3);
    }

    /** Deletes every index named {@code prefix*}, one by one (Elasticsearch refuses wildcard deletes by default). */
    static void deleteIndexes(URI elasticsearch, String prefix) throws IOException, InterruptedException {
        if (!SAFE_PREFIX.matcher(prefix).matches()) {
            throw new BenchOptions.UsageException("--prefix must look like 'marc-bench-', got '" + prefix + "'");
        }
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_cat/indices/"
                + URLEncoder.encode(prefix + "*", StandardCharsets.UTF_8) + "?format=json&h=index&expand_wildcards=all")).GET());
        if (list.statusCode() == 404) {
            return;
        }
        if (list.statusCode() != 200) {
            throw new IOException("listing indexes answered " + list.statusCode() + ": " + MarcClient.snippet(list.body()));
        }
        for (JsonNode entry : JsonMapper.shared().readTree(list.body())) {
            String index = entry.path("index").asString("");
            if (!index.startsWith(prefix)) {
                continue;
            }
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(elasticsearch + "/"
                    + URLEncoder.encode(index, StandardCharsets.UTF_8))).DELETE());
            if (deleted.statusCode() != 200 && deleted.statusCode() != 404) {
                throw new IOException("DELETE " + index + " answered " + deleted.statusCode() + ": " + MarcClient.snippet(deleted.body()));
            }
            System.err.println("Deleted index " + index);
        }
    }

    /** Waits until the app's health is UP and the organisation has its root; fails early if the app process died. */
    static void waitReady(URI app, long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastState = "no answer yet";
        while (System.nanoTime() - deadline < 0) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                throw new IllegalStateException("the app process " + pid + " exited (" + lastState + ")");
            }
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(app + "/actuator/health")).GET());
                String status = health.statusCode() == 200 || health.statusCode() == 503
                        ? JsonMapper.shared().readTree(health.body()).path("status").asString("?") : "HTTP " + health.statusCode();
                lastState = "health " + status;
                if ("UP".equals(status)) {
                    MarcClient marc = new MarcClient(app, JsonMapper.shared());
                    marc.login(HTTP, "admin");
                    UUID root = marc.rootId(HTTP);
                    System.err.println("App ready at " + app + ", organisation root " + root);
                    return;
                }
            } catch (IOException | RuntimeException e) {
                lastState = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the app at " + app + " was not ready within " + timeout.toSeconds() + " s (" + lastState + ")");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new BenchOptions.UsageException("--" + name + " is required");
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
