package ro.marc.ops.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which real PostgreSQL and Elasticsearch MARC talks to, for integration
 * tests and for the local run. For each service, in order:
 * <ol>
 *   <li>environment variables: {@code MARC_DB_URL}, {@code MARC_DB_USER}, {@code MARC_DB_PASSWORD};
 *       {@code MARC_ES_URL};</li>
 *   <li>tests only: Testcontainers, when a Docker engine answers;</li>
 *   <li>this machine: the PostgreSQL listening on 127.0.0.1:5432 (user postgres, no password), else an
 *       embedded one; Elasticsearch from the distribution zip in the local Maven repository.</li>
 * </ol>
 * The local run skips Docker: its data must survive restarts, and Testcontainers removes its
 * containers when the JVM exits.
 */
public final class MarcServices {

    private static final Logger log = LoggerFactory.getLogger(MarcServices.class);

    public record ServiceEndpoints(String jdbcUrl, String dbUser, String dbPassword, String elasticsearchUrl) {}

    private enum Purpose { TESTS, LOCAL_RUN }

    private static ServiceEndpoints testServices;
    // Remembered so that every later test class fails at once instead of starting the services again.
    private static RuntimeException testServicesFailure;
    private static ServiceEndpoints localRunServices;
    private static ServiceEndpoints testDatabase;

    private MarcServices() {}

    /**
     * Services for integration tests, started once per JVM and stopped at its exit. The database is a
     * fresh {@code marc_it_<random>} one, dropped at exit, so parallel or earlier runs never share data.
     */
    public static synchronized ServiceEndpoints forTests() {
        if (testServicesFailure != null) {
            throw new IllegalStateException("Starting the test services failed earlier in this JVM", testServicesFailure);
        }
        if (testServices == null) {
            try {
                testServices = start(Purpose.TESTS);
            } catch (RuntimeException e) {
                testServicesFailure = e;
                throw e;
            }
        }
        return testServices;
    }

    /**
     * Only the database of {@link #forTests()}: a fresh {@code marc_it_<random>} database (the same one
     * when {@code forTests()} already ran in this JVM), for tests that need no Elasticsearch (the command
     * side's lookups). {@code elasticsearchUrl} is null unless {@code forTests()} ran first.
     */
    public static synchronized ServiceEndpoints databaseForTests() {
        if (testServices != null) {
            return testServices;
        }
        if (testDatabase == null) {
            Optional<String> envDbUrl = env("MARC_DB_URL");
            PostgresConnection database = database(Purpose.TESTS, envDbUrl, envDbUrl.isEmpty() && Containers.dockerAvailable());
            testDatabase = new ServiceEndpoints(database.url(), database.user(), database.password(), null);
            log.info("MARC database for tests: {} as {}", testDatabase.jdbcUrl(), testDatabase.dbUser());
        }
        return testDatabase;
    }

    /**
     * Services for the demo app: database {@code marc}, created if missing and kept between runs, and
     * Elasticsearch on 127.0.0.1:9200 with its data under {@code ~/.cache/marc} ({@code /var/cache/marc}
     * as root). What this JVM started stops at its exit.
     */
    public static synchronized ServiceEndpoints forLocalRun() {
        if (localRunServices == null) {
            localRunServices = start(Purpose.LOCAL_RUN);
        }
        return localRunServices;
    }

    private static ServiceEndpoints start(Purpose purpose) {
        Optional<String> envDbUrl = env("MARC_DB_URL");
        Optional<String> envEsUrl = env("MARC_ES_URL");
        boolean docker = purpose == Purpose.TESTS
                && (envDbUrl.isEmpty() || envEsUrl.isEmpty())
                && Containers.dockerAvailable();

        // Elasticsearch takes the longest to start: let it boot while the database is prepared.
        CompletableFuture<String> elasticsearch = envEsUrl
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> startElasticsearch(purpose, docker)));
        PostgresConnection database = database(purpose, envDbUrl, docker);
        ServiceEndpoints endpoints = new ServiceEndpoints(
                database.url(), database.user(), database.password(), join(elasticsearch));
        log.info("MARC services for {}: database {} as {}, Elasticsearch {}",
                purpose, endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.elasticsearchUrl());
        return endpoints;
    }

    private static PostgresConnection database(Purpose purpose, Optional<String> envUrl, boolean docker) {
        try {
            if (envUrl.isPresent()) {
                PostgresConnection given = new PostgresConnection(
                        envUrl.get(), env("MARC_DB_USER").orElse("postgres"), env("MARC_DB_PASSWORD").orElse(""));
                return purpose == Purpose.TESTS ? scratchDatabaseOrGiven(given) : given;
            }
            if (purpose == Purpose.TESTS) {
                PostgresConnection server = docker ? Containers.postgres() : LocalPostgres.findOrStart(Optional.empty());
                return server.createScratchDatabase();
            }
            return LocalPostgres.findOrStart(Optional.of(Host.cacheDir().resolve("postgres")))
                    .createDatabaseIfMissing("marc");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the PostgreSQL database: " + e.getMessage(), e);
        }
    }

    /** Even with a given server, tests get their own database when the user may create one. */
    private static PostgresConnection scratchDatabaseOrGiven(PostgresConnection given) {
        try {
            return given.createScratchDatabase();
        } catch (SQLException e) {
            log.warn("Cannot create a scratch database next to {} ({}); tests use that database as it is",
                    given.url(), e.getMessage());
            return given;
        }
    }

    private static String startElasticsearch(Purpose purpose, boolean docker) {
        try {
            if (purpose == Purpose.LOCAL_RUN) {
                return LocalElasticsearch.startForLocalRun();
            }
            return docker ? Containers.elasticsearch() : LocalElasticsearch.startForTests();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Elasticsearch", e);
        }
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
