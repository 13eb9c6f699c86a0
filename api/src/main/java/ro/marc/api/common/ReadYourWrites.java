package ro.marc.api.common;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a mutation's payload show the entity as written: waits until the read model reaches the
 * version the command produced (projections run asynchronously, usually within milliseconds, on
 * whichever node holds the segment).
 *
 * <p>The read model is re-read when a projection batch commits on any node
 * ({@link #projectionCommitted()}, fed by {@code ro.marc.api.cluster.ProjectionCommitSignals}), and
 * every 100 ms in case a signal was lost; every 5 ms (the old polling) while no signal source is
 * listening. The signal sources are static because the call sites are static (one per application
 * context; a test JVM runs a few contexts on one database, any of them hears every commit).
 */
public final class ReadYourWrites {

    /** How long a payload waits for the read model to catch up with the write. */
    public static final Duration WAIT = Duration.ofSeconds(3);
    /** Re-read this often even without a signal (a lost signal costs at most this much). */
    static final Duration FALLBACK_REREAD = Duration.ofMillis(100);
    /** Re-read this often while no signal source is listening. */
    static final Duration POLL_WITHOUT_SIGNALS = Duration.ofMillis(5);

    private static final Object COMMITS = new Object();
    private static final Set<BooleanSupplier> SOURCES = new CopyOnWriteArraySet<>();
    /** Projection commits seen so far (guarded by COMMITS). */
    private static long commits;

    private ReadYourWrites() {
    }

    /** Waits until the read model shows {@code wanted} (or the wait ends; then the latest it has, or null). */
    public static <T> T awaitVersion(Supplier<Optional<T>> read, ToLongFunction<T> version, long wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long seen = commits(); // taken before each read: a commit landing during the read is not missed
        Optional<T> current = read.get();
        while ((current.isEmpty() || version.applyAsLong(current.get()) < wanted) && System.nanoTime() < deadline) {
            Duration pause = listening() ? FALLBACK_REREAD : POLL_WITHOUT_SIGNALS;
            long remaining = deadline - System.nanoTime();
            try {
                awaitCommitAfter(seen, Math.min(pause.toNanos(), Math.max(remaining, 0)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = commits();
            current = read.get();
        }
        return current.orElse(null);
    }

    /** A projection batch committed somewhere: waiters re-read. Also after a reconnect (signals may have been lost). */
    public static void projectionCommitted() {
        synchronized (COMMITS) {
            commits++;
            COMMITS.notifyAll();
        }
    }

    /** Registers a signal source; while none {@code listening}, waiters poll every 5 ms. */
    public static void addSignalSource(BooleanSupplier listening) {
        SOURCES.add(listening);
    }

    public static void removeSignalSource(BooleanSupplier listening) {
        SOURCES.remove(listening);
    }

    private static boolean listening() {
        for (BooleanSupplier source : SOURCES) {
            if (source.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static long commits() {
        synchronized (COMMITS) {
            return commits;
        }
    }

    private static void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        synchronized (COMMITS) {
            long left;
            while (commits == seen && (left = until - System.nanoTime()) > 0) {
                COMMITS.wait(Math.max(1, left / 1_000_000), 0);
            }
        }
    }
}
