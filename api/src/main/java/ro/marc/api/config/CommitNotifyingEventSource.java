package ro.marc.api.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import ro.marc.api.cluster.ClusterSignals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event store as the projections' source, telling the pooled processors when new events are
 * committed, on this node or another. Without it, an idle pooled processor looks for new events only
 * every 500 ms (the JDBC event store offers no "events available" callback), and the event store
 * reads other nodes' events only every second.
 *
 * <p>A local append wakes this node's processors right after its transaction commits and signals
 * {@link ClusterSignals#EVENTS} (payload: this node's id); on that signal the other nodes make their
 * event store read the database ({@link WakeableEventStore#fetchNow()}) and wake their processors.
 * A woken processor's first look waits up to {@link #WAKE_GRACE} for the event store's read, which
 * runs on its own thread (without that grace, the processor often looked first, found nothing, and
 * waited for the next wake).
 *
 * <p>Signals are hints: the processors are also woken after 500 ms without any wake, listening or not.
 * That bounds the lag after a lost signal (a node that died between its commit and its signal, a failed
 * send) and after a wake whose look came before the event store's read (under CPU load the read can
 * take longer than the grace): with a 5 s safety wake instead, read-your-writes (3 s) timed out under
 * load. The idle cost is one read of the event store per 500 ms, as with Axon's own polling. Signals are sent
 * after the commit, not by NOTIFY in the appending transaction (see {@link ClusterSignals} on why).
 */
public class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Duration FALLBACK_POLL = Duration.ofMillis(500);
    static final Duration WAKE_GRACE = Duration.ofMillis(50);

    private final EventStore eventStore;
    private final boolean enabled;
    private final ClusterSignals signals;
    /** Counts wakes: a stream waits for the event store once per wake it has not yet seen. */
    private final AtomicLong wakes = new AtomicLong();
    private volatile long lastWake = System.nanoTime();
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("event-source-poll").factory());

    /** @param enabled false gives Axon's plain behaviour (processors poll every 500 ms when idle) */
    public CommitNotifyingEventSource(EventStore eventStore, boolean enabled, ClusterSignals signals) {
        this.eventStore = eventStore;
        this.enabled = enabled;
        this.signals = signals;
        if (!enabled) {
            return;
        }
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> appended());
            } else {
                appended();
            }
        });
        // this node's own appends already woke its processors: their echo is ignored
        signals.subscribe(ClusterSignals.EVENTS, node -> {
            if (!signals.nodeId().equals(node)) {
                fetchAndWakeUp();
            }
        }, this::fetchAndWakeUp);
        timer.scheduleWithFixedDelay(this::poll, FALLBACK_POLL.toMillis(), FALLBACK_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After a local commit (the event store reads the new events by itself then). */
    private void appended() {
        wakeUp();
        signals.signal(ClusterSignals.EVENTS, signals.nodeId());
    }

    private void poll() {
        if (System.nanoTime() - lastWake >= FALLBACK_POLL.toNanos()) {
            fetchAndWakeUp();
        }
    }

    private void fetchAndWakeUp() {
        if (eventStore instanceof WakeableEventStore wakeable) {
            wakeable.fetchNow();
        }
        wakeUp();
    }

    private void wakeUp() {
        lastWake = System.nanoTime();
        wakes.incrementAndGet();
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new NotifyingStream(eventStore.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;
        private long wakesSeen = wakes.get();

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long wake = wakes.get();
            if (enabled && wake != wakesSeen && timeout == 0) {
                // the first look after a wake: give the event store's read a moment (returns as soon as it has events)
                wakesSeen = wake;
                return delegate.hasNextAvailable((int) WAKE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (!enabled) {
                return false;
            }
            if (callback != null) {
                callbacks.remove(callback);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
