package ro.marc.query.common;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentView;
import ro.marc.query.support.TestServices;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReadSnapshot} on real PostgreSQL: a projection commits between the statements of one read (an incident's
 * row, then its documents). The commit is placed there for certain: the test holds a lock on the documents' table,
 * the reader waits on it after reading the row, and only then the "projection" attaches a document, moves the
 * incident to version 5 and commits, releasing the lock.
 */
class ReadSnapshotTest {

    private static AnnotationConfigApplicationContext spring;

    private final DataSource dataSource = TestServices.dataSource();
    private final JdbcClient jdbc = TestServices.jdbc();

    @Configuration
    @EnableTransactionManagement
    static class Readers {

        // the JVM's shared pool is not a bean: closing this context must not close it

        @Bean(ReadSnapshot.TRANSACTIONS)
        PlatformTransactionManager readSnapshotTransactions() {
            return new ReadSnapshotTransactions(TestServices.dataSource());
        }

        @Bean
        IncidentQueries incidentQueries() {
            return new IncidentQueries(TestServices.jdbc());
        }
    }

    @BeforeAll
    static void startSpring() {
        spring = new AnnotationConfigApplicationContext(Readers.class);
    }

    @AfterAll
    static void stopSpring() {
        spring.close();
    }

    @Test
    void the_reader_bean_answers_from_one_moment_the_version_with_its_documents() throws Exception {
        IncidentView read = readWhileAProjectionCommitsInBetween(spring.getBean(IncidentQueries.class));

        assertThat(read.version()).isEqualTo(4);
        assertThat(read.documents()).isEmpty(); // version 4 had none: the document came with version 5
    }

    @Test
    void without_the_snapshot_the_same_read_is_torn() throws Exception {
        // what the API answered before (the flaky IncidentApiTest): the version of one moment, the documents of the next
        IncidentView read = readWhileAProjectionCommitsInBetween(new IncidentQueries(jdbc));

        assertThat(read.version()).isEqualTo(4);
        assertThat(read.documents()).hasSize(1);
    }

    private IncidentView readWhileAProjectionCommitsInBetween(IncidentQueries reader) throws Exception {
        UUID incident = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO incident (id, title, title_folded, county, county_folded, org_unit_id, org_unit_name_folded, type,
                                      type_rank, version, last_event_seq, created_at, updated_at)
                VALUES (?, 'Mită la avizare', 'mita la avizare', 'CJ', 'cluj', ?, 'ipj cluj', 'INDICTMENT', 0, 4, 3, now(), now())""")
                .params(incident, UUID.randomUUID()).update();

        try (Connection projection = dataSource.getConnection()) {
            projection.setAutoCommit(false);
            projection.createStatement().execute("LOCK TABLE incident_document IN ACCESS EXCLUSIVE MODE");

            CompletableFuture<IncidentView> read = CompletableFuture.supplyAsync(() -> reader.incident(incident).orElseThrow());
            awaitReaderBlockedOnTheDocuments();

            try (var attach = projection.prepareStatement("""
                    INSERT INTO incident_document (incident_id, document_id, position, kind, title, sha256, size, uploaded_at)
                    VALUES (?, ?, 4, 'EVALUATION_REPORT', 'Raport de evaluare', repeat('a', 64), 10, now())""")) {
                attach.setObject(1, incident);
                attach.setObject(2, UUID.randomUUID());
                attach.executeUpdate();
            }
            try (var advance = projection.prepareStatement("UPDATE incident SET version = 5, last_event_seq = 4 WHERE id = ?")) {
                advance.setObject(1, incident);
                advance.executeUpdate();
            }
            projection.commit();
            return read.get(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReaderBlockedOnTheDocuments() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean waiting = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                                      AND query LIKE '%FROM incident_document%')""").query(Boolean.class).single();
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the reader never reached the documents' table");
    }
}
