package ro.marc.command.access;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link AccountAccessTable} in step with the event store: every account event is applied
 * to it in the transaction that appends the event (the set-based validation pattern of the Axon
 * samples). If the write fails, the exception propagates and the command is rolled back: no event
 * is stored whose effect on access is not. So when {@code deactivateUser} answers, the account is
 * refused by every node from its very next request on.
 *
 * <p>Why a direct subscription to the event store and not a subscribing event processor: it is
 * the same mechanism (the event bus hands the events of a unit of work to its subscribers in the
 * prepare-commit phase, inside the command's transaction), without the layers that could turn a
 * failure into a silent success: MARC registers a dead-letter queue for every processing group
 * (a failed write would be parked and the command would commit), and a processor's
 * listener-invocation error handler logs by default. It is subscribed when the bean is created,
 * before any command can run, and not tied to the processors' start/stop order (a processor shuts
 * down before command handlers do, which would leave a window where commands commit unseen).
 *
 * <p>After the commit, {@link AccountAccessListener}s of this node are told which accounts changed.
 */
@Component
public class AccountAccessWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountAccessWriter.class);

    private final AccountAccessTable table;
    private final ObjectProvider<AccountAccessListener> listeners;
    private final Registration subscription;

    public AccountAccessWriter(EventStore eventStore, AccountAccessTable table,
                               ObjectProvider<AccountAccessListener> listeners) {
        this.table = table;
        this.listeners = listeners;
        this.subscription = eventStore.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        Set<UUID> changed = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            UUID userId = AccountEvents.userId(payload);
            if (userId == null) {
                continue;
            }
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                // fail closed: without the command's transaction the row could diverge from the event
                throw new IllegalStateException("Account event " + payload.getClass().getSimpleName()
                        + " published outside a transaction: account_access cannot be kept in step");
            }
            long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
            AccountAccessTable.Outcome outcome = table.apply(payload, sequence);
            if (outcome == AccountAccessTable.Outcome.NO_ACCOUNT) {
                throw new IllegalStateException("account_access has no row for account " + userId
                        + ": the table was not caught up with the event store (see AccountAccessCatchUp)");
            }
            changed.add(userId);
        }
        if (!changed.isEmpty()) {
            CurrentUnitOfWork.ifStarted(uow -> uow.root().afterCommit(u -> announce(changed)));
        }
    }

    private void announce(Set<UUID> changed) {
        listeners.orderedStream().forEach(listener -> changed.forEach(id -> {
            try {
                listener.accountAccessChanged(id);
            } catch (RuntimeException e) {
                log.warn("account access listener {} failed for {}", listener, id, e);
            }
        }));
    }

    @Override
    public void destroy() {
        subscription.cancel();
    }
}
