package ro.marc.api.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;

/**
 * Runs each projection event handler in a savepoint of the batch's transaction
 * ({@code PROPAGATION_NESTED}: {@code SAVEPOINT} before, {@code RELEASE SAVEPOINT} after, {@code
 * ROLLBACK TO SAVEPOINT} when the handler throws).
 *
 * <p>Why: a pooled processor handles a batch of events in one database transaction. When a handler's
 * statement fails, PostgreSQL aborts the whole transaction ("current transaction is aborted, commands
 * ignored until end of transaction block"), so Axon's dead-letter INSERT, which joins that
 * transaction, failed too: nothing was parked and the batch was retried for ever. Rolled back to its
 * savepoint, the failed handler leaves the transaction usable: the dead letter is stored in the same
 * transaction as the other events' writes and the token (atomically: never a parked event whose effects
 * were committed, never a lost one), and the rest of the batch goes on.
 *
 * <p>Handler enhancers wrap the handler method itself, i.e. <em>inside</em> the dead-lettering invoker's
 * try/catch (a processor's handler interceptors would sit outside it). Only event handlers of classes
 * with {@link ProcessingGroup} (MARC's projections) are wrapped, and only while a transaction is active,
 * so aggregates' event-sourcing handlers and handlers called outside a processor are untouched.
 */
public final class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition nested;

    public SavepointPerEvent(PlatformTransactionManager transactions) {
        this.transactions = transactions;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        definition.setName("projection-event-savepoint");
        this.nested = definition;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !AnnotatedElementUtils.hasAnnotation(original.declaringClass(), ProcessingGroup.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                TransactionStatus savepoint = transactions.getTransaction(nested);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Throwable failure) {
                    transactions.rollback(savepoint);
                    throw failure;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }
}
