package ro.marc.ops.bench;

import java.util.UUID;

/**
 * One createOrgUnit command: when it was sent and acknowledged, and when each read model first showed
 * it. Times are {@link System#nanoTime()}; 0 means "not yet". Written by one client thread and one
 * watcher thread per store, read after all of them finished.
 */
final class Tracked {

    static final int POSTGRES = 0;
    static final int ELASTICSEARCH = 1;

    final UUID id;
    volatile long sentNanos;
    volatile long ackNanos;
    /** The command failed: it will never appear, the watchers stop looking for it. */
    volatile boolean failed;
    private final long[] seenNanos = new long[2];

    Tracked(UUID id) {
        this.id = id;
    }

    void seen(int store, long nanos) {
        synchronized (seenNanos) {
            seenNanos[store] = nanos;
        }
    }

    long seenNanos(int store) {
        synchronized (seenNanos) {
            return seenNanos[store];
        }
    }
}
