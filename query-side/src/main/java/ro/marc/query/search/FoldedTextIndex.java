package ro.marc.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.search.Hit;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An index that only answers "which ids match these words": one document per entity, its id and its searched
 * text {@link RomanianText#fold folded} (folding happens in Java on both sides: the distribution we run has no
 * asciifolding filter). Everything else (filters, reach, what is shown) is the PostgreSQL read model's. The
 * mapping is strict. The activity analyses and the integrity incidents each have one (a subclass, so each is
 * its own bean type).
 */
public class FoldedTextIndex {

    public static final String ID = "id";
    public static final String TEXT_FOLDED = "textFolded";

    private final ElasticsearchClient client;
    private final String name;

    protected FoldedTextIndex(ElasticsearchClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates the index when it does not exist yet; an existing one (and its documents) is kept. */
    public void ensureCreated() {
        TypeMapping mapping = TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties(ID, p -> p.keyword(k -> k))
                .properties(TEXT_FOLDED, p -> p.text(t -> t)));
        IndexLifecycle.createIfMissing(client, name, mapping);
    }

    /** Deletes the index (a rebuild: reset the processing group's token and replay). */
    public void delete() {
        IndexLifecycle.delete(client, name);
    }

    /** Empties the index for a rebuild (the projection's reset handler). */
    public void recreate() {
        delete();
        ensureCreated();
    }

    /**
     * Writes the entity's whole document — its texts folded, one per line — in the current batch of
     * {@code projection} ({@link PendingWrites}), with the entity's version ({@code seq + 1}) as the external
     * version: a replayed or late event is refused by Elasticsearch and changes nothing.
     */
    public void put(Object projection, UUID id, List<String> texts, long seq) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(ID, id.toString());
        document.put(TEXT_FOLDED, texts.stream().filter(Objects::nonNull).map(RomanianText::fold)
                .collect(Collectors.joining("\n")));
        PendingWrites.ofCurrentBatch(client, projection).put(name, id.toString(), document, EntityVersion.of(seq));
    }

    /**
     * The ids (at most {@code max}) whose text holds every word of {@code text}, diacritics optional ("mita" finds
     * "mită"), the last word also as a prefix (as typed). {@code searches}: the client searches run on (with the
     * search timeout).
     */
    public List<UUID> matching(ElasticsearchClient searches, String text, int max) {
        String folded = RomanianText.fold(text == null ? "" : text.strip());
        if (folded.isBlank()) {
            return List.of();
        }
        try {
            var response = searches.search(s -> s.index(name).size(max).source(src -> src.fetch(false))
                    .query(q -> q.matchBoolPrefix(m -> m.field(TEXT_FOLDED).query(folded).operator(Operator.And))),
                    Void.class);
            return response.hits().hits().stream().map(Hit::id).map(UUID::fromString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
