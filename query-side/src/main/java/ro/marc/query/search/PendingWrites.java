package ro.marc.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Search documents written during one processing batch, keyed by index and id. A later write of
 * the same document replaces the earlier one (it carries a higher version anyway), and reads see
 * the buffered document first, so handlers behave as if every write had already reached the index.
 */
final class PendingWrites {

    record Write(String index, String id, Object document, long version) {
    }

    private final Map<String, Write> writes = new LinkedHashMap<>();
    private final Consumer<List<Write>> sink;
    private final boolean writeThrough;

    PendingWrites(Consumer<List<Write>> sink, boolean writeThrough) {
        this.sink = sink;
        this.writeThrough = writeThrough;
    }

    /**
     * The write buffer of {@code owner} (a projection) in the current processing batch, flushed as one
     * bulk request when the batch prepares to commit; outside a unit of work (tools, tests) writes go
     * straight through.
     */
    static PendingWrites ofCurrentBatch(ElasticsearchClient client, Object owner) {
        Consumer<List<Write>> sink = writes -> bulk(client, writes);
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingWrites(sink, true);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PendingWrites.class.getName() + "@" + System.identityHashCode(owner), key -> {
            PendingWrites writes = new PendingWrites(sink, false);
            batch.onPrepareCommit(u -> writes.flush());
            return writes;
        });
    }

    /** External versions: a version conflict means this event (or a later one) is already indexed, which is success. */
    private static void bulk(ElasticsearchClient client, List<Write> writes) {
        List<BulkOperation> operations = writes.stream().map(w -> BulkOperation.of(b -> b.index(i -> i
                .index(w.index()).id(w.id()).version(w.version()).versionType(VersionType.External)
                .document(w.document())))).toList();
        try {
            BulkResponse response = client.bulk(b -> b.operations(operations));
            for (var item : response.items()) {
                if (item.error() != null && !"version_conflict_engine_exception".equals(item.error().type())) {
                    throw new IllegalStateException("Indexing " + item.index() + "/" + item.id() + " failed: "
                            + item.error().type() + " " + item.error().reason());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElasticsearchException e) {
            throw new IllegalStateException("Indexing failed: " + e.getMessage(), e);
        }
    }

    void put(String index, String id, Object document, long version) {
        writes.put(index + "/" + id, new Write(index, id, document, version));
        if (writeThrough) {
            flush();
        }
    }

    Object buffered(String index, String id) {
        Write write = writes.get(index + "/" + id);
        return write == null ? null : write.document();
    }

    void flush() {
        if (!writes.isEmpty()) {
            List<Write> batch = new ArrayList<>(writes.values());
            writes.clear();
            sink.accept(batch);
        }
    }
}
