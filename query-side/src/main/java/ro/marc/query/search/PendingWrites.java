package ro.marc.query.search;

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
