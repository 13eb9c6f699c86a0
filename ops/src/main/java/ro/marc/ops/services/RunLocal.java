package ro.marc.ops.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ro.marc.ops.services.MarcServices.ServiceEndpoints;

/**
 * Runs the MARC app locally: starts the services ({@link MarcServices#forLocalRun()}), then the Spring
 * Boot jar as child processes with profile {@code local}. Ctrl-C stops the apps, then the services.
 *
 * <p>Arguments: {@code [--nodes N] [--port P] [jar]}. {@code --nodes 2} starts two MARC nodes at once on
 * ports P and P+1 (default 8080, 8081) over the same database and Elasticsearch indexes, both with the demo
 * data (seeded once: the start-up sequence runs under a cluster lock). The jar defaults to
 * {@code api/target/marc-api.jar} relative to the working dir.
 */
public final class RunLocal {

    private static final Logger log = LoggerFactory.getLogger(RunLocal.class);

    private RunLocal() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int nodes = 1;
        int basePort = 8080;
        String jarArg = "api/target/marc-api.jar";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--port" -> basePort = Integer.parseInt(args[++i]);
                default -> jarArg = args[i];
            }
        }
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("--nodes must be between 1 and 9, was " + nodes);
        }
        Path jar = Path.of(jarArg).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build it first: ./mvnw -pl api -am package -DskipTests");
        }
        ServiceEndpoints services = MarcServices.forLocalRun();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> apps = new ArrayList<>();
        // Registered after the services, so it runs before they stop.
        Cleanup.atExit("stop the MARC app", () -> {
            apps.forEach(Process::destroy);
            for (Process app : apps) {
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        });
        Path devKey = nodes > 1 ? devSignerKey() : null;
        for (int node = 0; node < nodes; node++) {
            int port = basePort + node;
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=local")
                    .inheritIO();
            Map<String, String> env = builder.environment();
            env.put("MARC_DB_URL", services.jdbcUrl());
            env.put("MARC_DB_USER", services.dbUser());
            env.put("MARC_DB_PASSWORD", services.dbPassword());
            env.put("MARC_ES_URL", services.elasticsearchUrl());
            env.put("SERVER_PORT", Integer.toString(port));
            if (nodes > 1) {
                env.put("MARC_NODE_NAME", "node-" + (node + 1) + "@" + port);
                // two JVMs and their pools on one machine: smaller pools, so PostgreSQL's connections suffice
                env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "10");
                // one dev signing key for all: a demo token from one node works on the others
                env.put("MARC_SECURITY_DEV_SIGNER_KEY_FILE", devKey.toString());
            }
            log.info("Starting {} on port {}", jar, port);
            apps.add(builder.start());
        }
        if (nodes > 1) {
            announceWhenReady(basePort, nodes, apps);
        }
        int exit = 0;
        for (Process app : apps) {
            exit = Math.max(exit, app.waitFor());
        }
        log.info("The MARC app exited with code {}", exit);
        System.exit(exit);
    }

    /** A fresh RSA key (PKCS#8, base64) in a file only this user reads, deleted at exit. */
    private static Path devSignerKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Path file = Files.createTempFile("marc-dev-signer-", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
            file.toFile().deleteOnExit();
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every node answers its health check, then prints their URLs together. */
    private static void announceWhenReady(int basePort, int nodes, List<Process> apps) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int node = 0; node < nodes; node++) {
            URI health = URI.create("http://localhost:" + (basePort + node) + "/actuator/health");
            while (!up(http, health)) {
                if (!apps.get(node).isAlive() || System.nanoTime() > deadline) {
                    log.error("MARC node {} (port {}) did not start", node + 1, basePort + node);
                    return;
                }
                Thread.sleep(1000);
            }
        }
        StringBuilder text = new StringBuilder("\n\n  MARC is ready on ").append(nodes).append(" nodes (one database, one Elasticsearch):\n");
        for (int node = 0; node < nodes; node++) {
            text.append("  node ").append(node + 1).append(": http://localhost:").append(basePort + node).append("/graphiql?user=admin\n");
        }
        log.info(text.toString());
    }

    private static boolean up(HttpClient http, URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
