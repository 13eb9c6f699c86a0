package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.util.List;
import java.util.UUID;

/**
 * {@link IncidentSearch} over the {@link IncidentIndex}: the incidents whose title or content hold every word of
 * the text, diacritics optional ("mita" finds "mită", "Mită" finds "mita"), the last word also as a prefix (as
 * typed, like the other searches). Answers ids only, archived ones included; {@link IncidentQueries} narrows them
 * to the filter and the caller's visibility.
 */
public class ElasticsearchIncidentSearch implements IncidentSearch {

    /** At most this many matching ids are taken into a list (Elasticsearch's default result window). */
    public static final int MAX_MATCHES = 10_000;

    private final ElasticsearchClient client;
    private final IncidentIndex index;

    public ElasticsearchIncidentSearch(ElasticsearchClient client, IncidentIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public List<UUID> matching(String text) {
        return index.matching(client, text, MAX_MATCHES);
    }
}
