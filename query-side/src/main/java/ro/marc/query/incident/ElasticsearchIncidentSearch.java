package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.search.Hit;
import ro.marc.events.text.RomanianText;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        String folded = RomanianText.fold(text == null ? "" : text.strip());
        if (folded.isBlank()) {
            return List.of();
        }
        try {
            var response = client.search(s -> s.index(index.name()).size(MAX_MATCHES).source(src -> src.fetch(false))
                    .query(q -> q.matchBoolPrefix(m -> m.field(IncidentIndex.TEXT_FOLDED).query(folded).operator(Operator.And))),
                    Void.class);
            return response.hits().hits().stream().map(Hit::id).map(UUID::fromString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
