package ro.marc.ops.services;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Elasticsearch distribution that Maven fetched into the local repository (the ops module
 * depends on it) as a child process. It is the minimal "integ-test-zip" build: only the modules
 * transport-netty4, x-pack-core, x-pack-security and apm, and no bundled JDK.
 */
final class LocalElasticsearch {

    static final String VERSION = "9.5.3";

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final String ES_USER = "marc-es";
    private static final int LOCAL_RUN_PORT = 9200;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private record NodeDirs(Path data, Path logs, Path tmp) {}

    private LocalElasticsearch() {}

    /** A throwaway node on a free port, its files in a temp dir removed at exit. */
    static String startForTests() throws IOException {
        // Enterable by everyone so that, when we are root, the ES user can reach its dirs inside.
        Path dir = Files.createTempDirectory("marc-es-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Cleanup.atExit("delete " + dir, () -> Host.deleteRecursively(dir));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return start(freePort(), new NodeDirs(dir.resolve("data"), dir.resolve("logs"), dir.resolve("tmp")),
                "marc-it-" + suffix);
    }

    /** The node on 127.0.0.1:9200 with its data kept between runs; one already running there is reused. */
    static String startForLocalRun() throws IOException {
        String url = "http://127.0.0.1:" + LOCAL_RUN_PORT;
        if (isElasticsearch(url)) {
            log.info("Reusing the Elasticsearch already running at {}", url);
            return url;
        }
        if (portTaken(LOCAL_RUN_PORT)) {
            throw new IllegalStateException("127.0.0.1:" + LOCAL_RUN_PORT
                    + " is taken by something that is not an open Elasticsearch; free the port or set MARC_ES_URL");
        }
        Path cache = Host.cacheDir();
        return start(LOCAL_RUN_PORT,
                new NodeDirs(cache.resolve("es-data"), cache.resolve("es-logs"), cache.resolve("es-tmp")),
                "marc-local");
    }

    private static String start(int httpPort, NodeDirs dirs, String clusterName) throws IOException {
        Path home = unpackedHome();
        for (Path dir : List.of(dirs.data(), dirs.logs(), dirs.tmp())) {
            Files.createDirectories(dir);
        }
        List<String> command = new ArrayList<>(runAsEsUserIfRoot(home, dirs.data(), dirs.logs(), dirs.tmp()));
        command.add(home.resolve("bin/elasticsearch").toString());
        settings(httpPort, dirs, clusterName).forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));

        Path console = dirs.logs().resolve("console.log");
        // Working dir = logs: the JVM writes gc.log and crash files relative to it.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dirs.logs().toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        Map<String, String> env = builder.environment();
        // This module is compiled for Java 21, so the JVM running it is new enough for Elasticsearch.
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        env.put("ES_TMPDIR", dirs.tmp().toString());
        // The launcher JVM makes temp files too; keep them out of /tmp.
        env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + dirs.tmp());
        // Elasticsearch ignores JAVA_HOME and warns about it.
        env.remove("JAVA_HOME");

        long startNanos = System.nanoTime();
        log.info("Starting Elasticsearch {} on port {} (data {}, log {})", VERSION, httpPort, dirs.data(), console);
        Process process = builder.start();
        Cleanup.atExit("stop Elasticsearch (pid " + process.pid() + ")", () -> stop(process));
        String url = "http://127.0.0.1:" + httpPort;
        awaitHealthy(url, process, console);
        log.info("Elasticsearch ready at {} after {} ms", url, (System.nanoTime() - startNanos) / 1_000_000);
        return url;
    }

    private static Map<String, String> settings(int httpPort, NodeDirs dirs, String clusterName) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "false");
        settings.put("xpack.ml.enabled", "false");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        // A range: the node binds the first free port, so parallel nodes cannot collide.
        settings.put("transport.port", "9300-9399");
        settings.put("path.data", dirs.data().toString());
        settings.put("path.logs", dirs.logs().toString());
        settings.put("cluster.name", clusterName);
        // Developer disks are often nearly full; the disk watermarks would then make indices read-only.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        // Not set: ingest.geoip.downloader.enabled - this build has no ingest-geoip module (so no
        // downloader) and rejects the setting as unknown.
        return settings;
    }

    private static List<String> runAsEsUserIfRoot(Path... dirs) {
        if (!Host.isRoot()) {
            return List.of();
        }
        // Elasticsearch refuses to run as root.
        ensureEsUserExists();
        for (Path dir : dirs) {
            giveToEsUser(dir);
        }
        return List.of("setpriv", "--reuid=" + ES_USER, "--regid=" + ES_USER, "--init-groups");
    }

    private static void ensureEsUserExists() {
        List<String> lookUp = List.of("id", "-u", ES_USER);
        if (Host.exec(lookUp, new StringBuilder()) == 0) {
            return;
        }
        log.info("Creating system user {} to run Elasticsearch", ES_USER);
        StringBuilder output = new StringBuilder();
        int exit = Host.exec(List.of("useradd", "--system", "--no-create-home", "--user-group",
                "--shell", "/usr/sbin/nologin", ES_USER), output);
        // A parallel JVM may have created it first.
        if (exit != 0 && Host.exec(lookUp, new StringBuilder()) != 0) {
            throw new IllegalStateException("Could not create user " + ES_USER + ": " + output);
        }
    }

    private static void giveToEsUser(Path dir) {
        try {
            if (!Files.getOwner(dir).getName().equals(ES_USER)) {
                Host.run("chown", "-R", ES_USER + ":" + ES_USER, dir.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not hand " + dir + " to user " + ES_USER, e);
        }
    }

    /** Unpacks the distribution once; a temp name and an atomic rename keep parallel JVMs from seeing half of it. */
    private static Path unpackedHome() throws IOException {
        Path home = Host.cacheDir().resolve("elasticsearch-" + VERSION);
        if (isUnpacked(home)) {
            return home;
        }
        Path zip = distributionZip();
        Files.createDirectories(home.getParent());
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try {
            log.info("Unpacking {} to {}", zip, home);
            unzip(zip, staging);
            Files.move(staging.resolve(home.getFileName()), home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!isUnpacked(home)) {
                throw e;
            }
            log.info("Another process unpacked {} first", home);
        } finally {
            Host.deleteRecursively(staging);
        }
        return home;
    }

    private static boolean isUnpacked(Path home) {
        return Files.isRegularFile(home.resolve("bin/elasticsearch"));
    }

    private static Path distributionZip() {
        String repository = Stream.of(System.getProperty("maven.repo.local"), System.getenv("MAVEN_REPO_LOCAL"))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Path.of(repository, "org/elasticsearch/distribution/integ-test-zip/elasticsearch", VERSION,
                "elasticsearch-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Elasticsearch distribution is not at " + zip + ". Run the build first"
                    + " (./mvnw -pl ops -am install -DskipTests): the ops module depends on it, so Maven downloads it."
                    + " Or set MARC_ES_URL to an Elasticsearch of your own.");
        }
        return zip;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        if (Host.onPath("unzip")) {
            // unzip keeps the unix permissions stored in the archive.
            Host.run("unzip", "-q", zip.toString(), "-d", target.toString());
            return;
        }
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target dir: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                // java.util.zip drops unix permissions; the launch scripts must be executable.
                if (out.getParent().getFileName().toString().equals("bin")) {
                    out.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void awaitHealthy(String url, Process process, Path console) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String health = url + "/_cluster/health?wait_for_status=yellow&timeout=1s";
        while (get(health).map(response -> response.statusCode() != 200).orElse(true)) {
            if (!process.isAlive()) {
                throw startFailure("exited with code " + process.exitValue(), console);
            }
            if (Instant.now().isAfter(deadline)) {
                stop(process);
                throw startFailure("was not healthy within " + START_TIMEOUT.toSeconds() + " s", console);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static IllegalStateException startFailure(String what, Path console) {
        String tail;
        try {
            List<String> lines = new String(Files.readAllBytes(console), StandardCharsets.UTF_8).lines().toList();
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            tail = "(could not read " + console + ": " + e + ")";
        }
        return new IllegalStateException("Elasticsearch " + what + ". Last lines of " + console + ":\n" + tail);
    }

    private static void stop(Process process) {
        // Collected first: once the launcher is gone its children are no longer its descendants.
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy(); // SIGTERM: the launcher shuts the node down cleanly
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isElasticsearch(String url) {
        return get(url + "/_cluster/health")
                .filter(response -> response.statusCode() == 200)
                .flatMap(response -> response.headers().firstValue("X-elastic-product"))
                .filter("Elasticsearch"::equals)
                .isPresent();
    }

    private static Optional<HttpResponse<String>> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + url, e);
        }
    }

    private static boolean portTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }
}
