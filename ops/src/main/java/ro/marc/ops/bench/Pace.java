package ro.marc.ops.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When a paced client sends its next operation: a member's form autosaves every {@code interval} give or take
 * {@code jitter} (a fraction of it), so the members do not tick in step. {@link #CLOSED_LOOP} sends the next
 * operation as soon as the previous one is answered. A client that fell behind (its answer came after the next
 * tick) sends at once and then keeps its rhythm from there, never in a burst to catch up: a form does not save
 * twice because the previous save was slow.
 */
record Pace(long intervalNanos, double jitter) {

    static final Pace CLOSED_LOOP = new Pace(0, 0);

    Pace {
        if (intervalNanos < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("interval >= 0 and jitter in [0, 1), got " + intervalNanos + ", " + jitter);
        }
    }

    static Pace everyMillis(long millis, double jitter) {
        return millis == 0 ? CLOSED_LOOP : new Pace(TimeUnit.MILLISECONDS.toNanos(millis), jitter);
    }

    boolean closedLoop() {
        return intervalNanos == 0;
    }

    /** Operations per second that {@code clients} paced clients offer together (infinite in a closed loop). */
    double offeredPerSecond(int clients) {
        return closedLoop() ? Double.POSITIVE_INFINITY : clients * 1e9 / intervalNanos;
    }

    /** The first tick of a client: anywhere within the first interval, so the clients start spread out. */
    long first(long startNanos) {
        return closedLoop() ? startNanos : startNanos + ThreadLocalRandom.current().nextLong(intervalNanos);
    }

    /** The tick after one at {@code previousNanos}, not before {@code nowNanos}. */
    long next(long previousNanos, long nowNanos) {
        if (closedLoop()) {
            return nowNanos;
        }
        double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
        return Math.max(nowNanos, previousNanos + (long) (intervalNanos * factor));
    }

    /** Sleeps until {@code tickNanos} (System.nanoTime()). */
    static void awaitTick(long tickNanos) throws InterruptedException {
        long wait = tickNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
