package ro.marc.api.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a mutation's payload show the entity as written: polls the read model until it reaches the
 * version the command produced (projections run asynchronously, usually within milliseconds).
 */
public final class ReadYourWrites {

    /** How long a payload waits for the read model to catch up with the write. */
    public static final Duration WAIT = Duration.ofSeconds(3);

    private ReadYourWrites() {
    }

    /** Polls until the read model shows {@code wanted} (or the wait ends; then the latest it has, or null). */
    public static <T> T awaitVersion(Supplier<Optional<T>> read, ToLongFunction<T> version, long wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<T> current = read.get();
        while ((current.isEmpty() || version.applyAsLong(current.get()) < wanted) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = read.get();
        }
        return current.orElse(null);
    }
}
