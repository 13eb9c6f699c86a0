package ro.marc.ops.bench;

import java.util.UUID;

/**
 * One command (a createOrgUnit or a renameOrgUnit): when it was sent and acknowledged, and when each
 * read model first showed its org unit at {@link #version} or later. Times are {@link System#nanoTime()};
 * 0 means "not yet". Written by one client thread and one watcher thread per store, read after all of
 * them finished.
 */
final class Tracked {

    static final int POSTGRES = 0;
    static final int ELASTICSEARCH = 1;

    final UUID id;
    /**
     * The org unit's version once this command is applied: 1 for a create, expectedVersion + 1 for a
     * rename. Only this command can produce it (each org unit has one writer), so the read model
     * showing it, or a later one, means the command reached that read model.
     */
    final long version;
    volatile long sentNanos;
    volatile long ackNanos;
    /** The command failed: it will never appear, the watchers stop looking for it. */
    volatile boolean failed;
    private final long[] seenNanos = new long[2];

    Tracked(UUID id, long version) {
        this.id = id;
        this.version = version;
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
