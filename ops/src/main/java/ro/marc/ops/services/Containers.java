package ro.marc.ops.services;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL and Elasticsearch as throwaway Testcontainers, for machines with a Docker engine. */
final class Containers {

    private static final Logger log = LoggerFactory.getLogger(Containers.class);
    private static final String POSTGRES_PASSWORD = "marc";

    private Containers() {}

    static boolean dockerAvailable() {
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return true;
            }
            log.info("No Docker engine answers (Testcontainers may have logged why); using services on this machine");
        } catch (RuntimeException | LinkageError e) {
            log.info("No usable Docker engine ({}); using services on this machine", e.toString());
        }
        return false;
    }

    static PostgresConnection postgres() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("postgres:17"))
                .withEnv("POSTGRES_PASSWORD", POSTGRES_PASSWORD)
                .withExposedPorts(5432)
                // The entrypoint restarts the server once after initdb: the second message is the real one.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
        container.start();
        Cleanup.atExit("stop PostgreSQL container", container::stop);
        String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/postgres";
        log.info("PostgreSQL container at {}", url);
        return new PostgresConnection(url, "postgres", POSTGRES_PASSWORD);
    }

    static String elasticsearch() {
        GenericContainer<?> container = new GenericContainer<>(
                DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:" + LocalElasticsearch.VERSION))
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("xpack.ml.enabled", "false")
                // The full image would otherwise download GeoIP databases from the internet.
                .withEnv("ingest.geoip.downloader.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow")
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        Cleanup.atExit("stop Elasticsearch container", container::stop);
        String url = "http://" + container.getHost() + ":" + container.getMappedPort(9200);
        log.info("Elasticsearch container at {}", url);
        return url;
    }
}
