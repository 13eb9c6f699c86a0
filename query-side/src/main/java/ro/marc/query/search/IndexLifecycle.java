package ro.marc.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Creating and deleting one of MARC's Elasticsearch indexes, the same for every capability: one shard,
 * no replica (one node; a restore rebuilds from the event store), refreshed every second.
 */
public final class IndexLifecycle {

    private IndexLifecycle() {
    }

    /**
     * Creates the index with its mapping unless it exists; an existing one (and its documents) is kept. Two
     * nodes creating it at once is fine: the loser's "already exists" is the outcome it wanted.
     */
    public static void createIfMissing(ElasticsearchClient client, String index, TypeMapping mapping) {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).mappings(mapping)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s"))));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the indexes (a rebuild: the processing group's token is reset and the events replayed); missing ones are fine. */
    public static void delete(ElasticsearchClient client, String... indexes) {
        delete(client, List.of(indexes));
    }

    public static void delete(ElasticsearchClient client, List<String> indexes) {
        try {
            client.indices().delete(d -> d.index(indexes).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
