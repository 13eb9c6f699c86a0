package ro.marc.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * Search documents written during one processing batch, keyed by index and id. A later write of
 * the same document replaces the earlier one (it carries a higher version anyway), and reads see
 * the buffered document first, so handlers behave as if every write had already reached the index.
 *
 * <p>Failures: a write Elasticsearch refuses comes out as {@link IndexingFailed} with its status (429
 * and 5xx are transient: the processor retries the batch with back-off), a connection failure as
 * {@link UncheckedIOException} (transient too). A document that cannot be written (any other status)
 * fails at the batch's commit, outside any one event's handler, where the dead-letter queue cannot
 * tell which event to park; so the batch is rolled back and, until the processor has passed the
 * failed batch's last event, this projection writes through (each event's writes are sent by its own
 * handler): the retried batch then fails inside the poison event's handler, which parks that event
 * alone. Writes also go straight through in a nested unit of work (a dead letter being retried).
 */
public final class PendingWrites {

    public record Write(String index, String id, Object document, long version) {
    }

    private final Map<String, Write> writes = new LinkedHashMap<>();
    private final Consumer<List<Write>> sink;
    private final boolean writeThrough;

    public PendingWrites(Consumer<List<Write>> sink, boolean writeThrough) {
        this.sink = sink;
        this.writeThrough = writeThrough;
    }

    /**
     * The write buffer of {@code owner} (a projection) in the current processing batch, flushed as one
     * bulk request when the batch prepares to commit; outside a unit of work (tools, tests) writes go
     * straight through.
     */
    public static PendingWrites ofCurrentBatch(ElasticsearchClient client, Object owner) {
        Consumer<List<Write>> sink = writes -> bulk(client, writes);
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingWrites(sink, true);
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        if (current != batch || writesThrough(owner, current.getMessage())) {
            return new PendingWrites(sink, true);
        }
        return batch.getOrComputeResource(PendingWrites.class.getName() + "@" + System.identityHashCode(owner), key -> {
            PendingWrites writes = new PendingWrites(sink, false);
            batch.onPrepareCommit(u -> {
                try {
                    writes.flush();
                } catch (IndexingFailed e) {
                    if (!isTransient(e.status())) {
                        writeThroughUntil(owner, u);
                    }
                    throw e;
                }
            });
            return writes;
        });
    }

    /** Per projection: the position up to which its writes go through (after a batch failed on a poison write). */
    private static final Map<Object, Long> WRITE_THROUGH_UNTIL = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    private static boolean writesThrough(Object owner, Message<?> message) {
        Long until = WRITE_THROUGH_UNTIL.get(owner);
        if (until == null) {
            return false;
        }
        OptionalLong position = position(message);
        if (position.isPresent() && position.getAsLong() > until) {
            WRITE_THROUGH_UNTIL.remove(owner, until);
            return false;
        }
        return true;
    }

    private static void writeThroughUntil(Object owner, UnitOfWork<?> batch) {
        Message<?> last = batch instanceof BatchingUnitOfWork<?> b && !b.getMessages().isEmpty()
                ? b.getMessages().getLast() : batch.getMessage();
        OptionalLong position = position(last);
        WRITE_THROUGH_UNTIL.put(owner, position.isPresent() ? position.getAsLong() : Long.MAX_VALUE);
    }

    private static OptionalLong position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
    }

    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
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
                    String reason = item.error().reason();
                    throw new IndexingFailed("Indexing " + item.index() + "/" + item.id() + " failed: "
                            + item.error().type() + " " + (reason != null && reason.length() > 300
                            ? reason.substring(0, 300) + "…" : reason), item.status(), null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElasticsearchException e) {
            throw new IndexingFailed("Indexing failed: " + e.getMessage(), e.status(), e);
        }
    }

    public void put(String index, String id, Object document, long version) {
        writes.put(index + "/" + id, new Write(index, id, document, version));
        if (writeThrough) {
            flush();
        }
    }

    public Object buffered(String index, String id) {
        Write write = bufferedWrite(index, id);
        return write == null ? null : write.document();
    }

    /** The write of this document buffered in this batch (its document and version), or null. */
    public Write bufferedWrite(String index, String id) {
        return writes.get(index + "/" + id);
    }

    public void flush() {
        if (!writes.isEmpty()) {
            List<Write> batch = new ArrayList<>(writes.values());
            writes.clear();
            sink.accept(batch);
        }
    }
}
