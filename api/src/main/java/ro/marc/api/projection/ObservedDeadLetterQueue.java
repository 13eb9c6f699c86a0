package ro.marc.api.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nonnull;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The JDBC dead-letter queue of one projection group, as the group's invoker sees it:
 * <ul>
 *   <li>sequence identifiers of {@link EntitySequencingPolicy} are stored by their entity key;</li>
 *   <li>every enqueue writes one ERROR line (group, event type and id, sequence, a short cause; never the
 *       payload) and counts {@code marc.projection.dead.letters.enqueued};</li>
 *   <li>a <b>full</b> queue does not throw. Axon throws {@link DeadLetterQueueOverflowException} out of
 *       the invoker, which fails the batch, and the batch then fails again on every retry: the processor
 *       aborted in a loop and the whole group stopped. The limits are now high
 *       ({@code marc.projections.dead-letters.max-sequences}, {@code max-sequence-size}): a queue that
 *       reaches them means something systematic (a projection bug) that an operator has to fix and
 *       rebuild from the event store anyway. So the event is <em>skipped</em> for this projection (it
 *       stays in the event store, a rebuild restores it), with an ERROR line, the counter
 *       {@code marc.projection.dead.letters.dropped}; the rest of
 *       the group goes on.</li>
 * </ul>
 */
public final class ObservedDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ObservedDeadLetterQueue.class);

    private final String group;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final Counter poisoned;
    private final Counter parkedBehind;
    private final Counter dropped;

    public ObservedDeadLetterQueue(String group, SequencedDeadLetterQueue<EventMessage<?>> delegate, MeterRegistry meters) {
        this.group = group;
        this.delegate = delegate;
        this.poisoned = Counter.builder("marc.projection.dead.letters.enqueued").tag("group", group)
                .tag("reason", "failed").description("Events dead-lettered because their handler failed").register(meters);
        this.parkedBehind = Counter.builder("marc.projection.dead.letters.enqueued").tag("group", group)
                .tag("reason", "sequence-parked").description("Events parked behind an earlier dead letter of their entity")
                .register(meters);
        this.dropped = Counter.builder("marc.projection.dead.letters.dropped").tag("group", group)
                .description("Events skipped because the dead-letter queue was full").register(meters);
    }

    public String group() {
        return group;
    }

    /** The JDBC queue this one stores in. */
    public SequencedDeadLetterQueue<EventMessage<?>> delegate() {
        return delegate;
    }

    public double droppedCount() {
        return dropped.count();
    }

    @Override
    public void enqueue(@Nonnull Object sequenceIdentifier, @Nonnull DeadLetter<? extends EventMessage<?>> letter) {
        Object key = EntitySequencingPolicy.queueKey(sequenceIdentifier);
        try {
            delegate.enqueue(key, letter);
        } catch (DeadLetterQueueOverflowException e) {
            dropped(key, letter);
            return;
        }
        if (letter.cause().isPresent()) {
            poisoned.increment();
            log.error("Projection {}: event {} [{}] dead-lettered (sequence {}): {}: {}; later events of this entity "
                            + "wait behind it, it is retried periodically", group,
                    letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(), key,
                    letter.cause().get().type(), DeadLetterText.prefix(letter.cause().get().message()));
        } else {
            parkedBehind.increment();
            log.error("Projection {}: event {} [{}] dead-lettered behind an earlier dead letter of sequence {}", group,
                    letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(), key);
        }
    }

    @Override
    public boolean enqueueIfPresent(@Nonnull Object sequenceIdentifier,
                                    @Nonnull Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    private void dropped(Object key, DeadLetter<? extends EventMessage<?>> letter) {
        dropped.increment();
        log.error("Projection {}: dead-letter queue full, event {} [{}] (sequence {}) is SKIPPED by this projection; "
                        + "fix the cause, then rebuild the projection (README, Operations)", group,
                letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(), key);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(@Nonnull DeadLetter<? extends EventMessage<?>> letter,
                        @Nonnull java.util.function.UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(@Nonnull Object sequenceIdentifier) {
        return delegate.contains(EntitySequencingPolicy.queueKey(sequenceIdentifier));
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(@Nonnull Object sequenceIdentifier) {
        return delegate.deadLetterSequence(EntitySequencingPolicy.queueKey(sequenceIdentifier));
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(@Nonnull Object sequenceIdentifier) {
        return delegate.isFull(EntitySequencingPolicy.queueKey(sequenceIdentifier));
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(@Nonnull Object sequenceIdentifier) {
        return delegate.sequenceSize(EntitySequencingPolicy.queueKey(sequenceIdentifier));
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(@Nonnull Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           @Nonnull Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(@Nonnull Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
