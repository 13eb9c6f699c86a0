package ro.marc.api.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a projection group does with an event whose handler failed.
 *
 * <ul>
 *   <li><b>Transient</b> ({@link TransientFailures}: Elasticsearch refusing, timing out, 429/5xx;
 *       PostgreSQL connection errors): the failure is <em>thrown on</em>, not dead-lettered. Axon's
 *       {@code DeadLetteringEventHandlerInvoker} swallows a failure the policy declines to enqueue
 *       (the event would be lost), so declining is not enough: throwing from the policy makes the
 *       batch fail, its transaction roll back, and the pooled processor release the segment and try
 *       it again with its exponential back-off (1 s, 2 s, ... 60 s; reset after a good batch). Nothing
 *       is parked, order is kept, and after the outage the batch passes: no operator action.</li>
 *   <li><b>Anything else</b> is a poison event: dead-lettered (with the cause truncated as Axon does),
 *       which parks only its entity's sequence ({@link EntitySequencingPolicy}). The ERROR line and
 *       the counter are written by {@link ObservedDeadLetterQueue}, which sees every enqueue.</li>
 *   <li>When an already dead-lettered event is <b>retried</b> ({@link DeadLetterRetrier}) and fails
 *       again (whatever the cause), it is requeued with its retry count in the diagnostics; it is never
 *       evicted by the policy (only an operator evicts).</li>
 * </ul>
 */
public final class ProjectionFailurePolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailurePolicy.class);
    static final String RETRIES = "retries";

    private final String group;
    private final Counter transientFailures;

    public ProjectionFailurePolicy(String group, MeterRegistry meters) {
        this.group = group;
        this.transientFailures = Counter.builder("marc.projection.transient.failures")
                .description("Projection batches that failed transiently and are retried with back-off")
                .tag("group", group).register(meters);
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (letter instanceof JdbcDeadLetter<?>) {
            // a retry of a dead letter (the queue hands out JdbcDeadLetters): keep it, count the attempt
            long retries = letter.diagnostics().getOrDefault(RETRIES, 0L) instanceof Number n ? n.longValue() : 0L;
            // ThrowableCause.truncated of a ThrowableCause would record "ThrowableCause" as the cause's type
            return Decisions.requeue(cause instanceof ThrowableCause known ? known : ThrowableCause.truncated(cause),
                    l -> MetaData.with(RETRIES, retries + 1));
        }
        if (TransientFailures.isTransient(cause)) {
            transientFailures.increment();
            log.warn("Projection {}: transient failure on {} [{}] ({}); the batch is rolled back and retried with back-off",
                    group, letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(),
                    DeadLetterText.shortCause(cause));
            throw new TransientProjectionFailure(group, cause);
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    /** Thrown out of the dead-lettering invoker so that the processor retries the batch. */
    public static final class TransientProjectionFailure extends RuntimeException {
        TransientProjectionFailure(String group, Throwable cause) {
            super("Transient failure in projection " + group + ": " + DeadLetterText.shortCause(cause), cause);
        }
    }
}
