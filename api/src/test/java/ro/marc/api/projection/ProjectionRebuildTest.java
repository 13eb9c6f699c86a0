package ro.marc.api.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.CountRequest;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.org.OrgSearchProjection;
import ro.marc.query.org.SearchIndexes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding a projection from zero while dead letters exist: the README's manual procedure and the
 * {@code rebuildProjection} mutation both end with every org unit in the index (before: an empty
 * index, every replayed event parked behind the old dead letters of the one organisation sequence).
 */
class ProjectionRebuildTest extends ApiTestSupport {

    private static ElasticsearchClient direct;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    SearchIndexes indexes;

    static synchronized ElasticsearchClient directElasticsearch() {
        if (direct == null) {
            direct = ElasticsearchClient.of(b -> b.host(MarcServices.forTests().elasticsearchUrl())
                    .jsonMapper(new Jackson3JsonpMapper()));
        }
        return direct;
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM dead_letter_entry WHERE sequence_identifier LIKE 'poison-test-%' OR sequence_identifier = 'marc'").update();
    }

    @Test
    void the_readme_procedure_rebuilds_the_index_although_dead_letters_exist() throws Exception {
        parkOldStyleDeadLetter();
        EventProcessor processor = processing.eventProcessor(OrgSearchProjection.PROCESSING_GROUP).orElseThrow();
        // README, Operations, "Rebuild a projection from zero" (MARC stopped = the group's processor stopped here)
        processor.shutDown();
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = 'org-elasticsearch'").update();
        jdbc.sql("DELETE FROM dead_letter_entry WHERE processing_group = 'org-elasticsearch'").update();
        emptyIndex();
        processor.start();
        awaitEveryOrgUnitIndexed();
    }

    @Test
    void the_rebuild_mutation_clears_the_dead_letters_empties_the_index_and_replays() throws Exception {
        parkOldStyleDeadLetter();
        String stale = UUID.randomUUID().toString();
        directElasticsearch().index(i -> i.index(indexes.orgUnits()).id(stale).document(Map.of("kind", "ORG_UNIT", "id", stale))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

        assertThat(firstError(graphql("auditor", "mutation { rebuildProjection(group: \"org-elasticsearch\") }", Map.of()))
                .at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        // notifications: only the group's directory is rebuilt (issue 10); no notification is sent again
        long notifications = jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
        assertThat(data("admin", "mutation { rebuildProjection(group: \"notifications\") }", Map.of())
                .at("/rebuildProjection").asBoolean()).isTrue();
        assertThat(data("admin", "mutation { rebuildProjection(group: \"org-elasticsearch\") }", Map.of())
                .at("/rebuildProjection").asBoolean()).isTrue();

        awaitEveryOrgUnitIndexed();
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'org-elasticsearch' AND sequence_identifier = 'marc'")
                .query(Long.class).single()).as("the old dead letter was cleared").isZero();
        assertThat(directElasticsearch().exists(e -> e.index(indexes.orgUnits()).id(stale)).value())
                .as("a document no event explains is gone: the index was emptied").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single())
                .as("the notifications' replay sent nothing again").isEqualTo(notifications);
    }

    /**
     * A dead letter as the old code left them after an Elasticsearch outage: sequence "marc", the whole
     * organisation catalogue, so every replayed org event was parked behind it.
     */
    private void parkOldStyleDeadLetter() {
        jdbc.sql("""
                INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index,
                    message_type, event_identifier, time_stamp, payload_type, payload, aggregate_type,
                    aggregate_identifier, sequence_number, enqueued_at, last_touched, cause_type, cause_message)
                SELECT :id, 'org-elasticsearch', 'marc', 0, 'org.axonframework.eventhandling.GenericDomainEventMessage',
                       event_identifier, time_stamp, payload_type, payload, type, aggregate_identifier, sequence_number,
                       :now, :now, 'java.net.ConnectException', 'Connection refused'
                FROM domain_event_entry WHERE aggregate_identifier = 'marc' ORDER BY sequence_number DESC LIMIT 1""")
                .param("id", UUID.randomUUID().toString()).param("now", Instant.now().toString()).update();
    }

    /** "delete the index": MARC creates it again, empty, when it starts (SearchIndexes.ensureCreated). */
    private void emptyIndex() throws IOException {
        indexes.recreate();
        assertThat(indexedOrgUnits()).isZero();
    }

    private void awaitEveryOrgUnitIndexed() throws Exception {
        List<String> ids = jdbc.sql("SELECT id::text FROM org_unit").query(String.class).list();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long indexed = 0;
        while (Instant.now().isBefore(deadline)) {
            indexed = directElasticsearch().count(CountRequest.of(c -> c.index(indexes.orgUnits())
                    .query(q -> q.ids(i -> i.values(ids))))).count();
            if (indexed == ids.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("After the rebuild " + indexed + " of " + ids.size() + " org units are in the index");
    }

    private long indexedOrgUnits() throws IOException {
        return directElasticsearch().count(CountRequest.of(c -> c.index(indexes.orgUnits()))).count();
    }
}
