package ro.marc.command.access;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Fills {@link AccountAccessTable} from the event store's past at start-up, before the web server
 * accepts requests (a lifecycle phase far below it): an installation upgraded to this version
 * already has accounts, and their events were appended before the table existed.
 *
 * <p>It reads the event store from where the last catch-up stopped ({@code account_access_catch_up},
 * -1 at first) and applies the account events, each guarded by its sequence number, so reading an
 * event twice is harmless; then records how far it read. Everything runs in one transaction under
 * a PostgreSQL advisory lock: two nodes starting at once do it one after the other, and the second
 * finds almost nothing left to read. Events appended meanwhile by running nodes of this version
 * are already in the table (their own transaction wrote them).
 *
 * <p>Limit: a node of an older version (without {@link AccountAccessWriter}) must not keep writing
 * after a node of this version started; stop the old nodes before starting the new ones (a restart
 * of a new node would read what an old one appended since the last catch-up).
 */
@Component
public class AccountAccessCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountAccessCatchUp.class);
    /** pg_advisory_xact_lock key: 'MARCAXS1' as a number, shared by every node. */
    static final long LOCK_KEY = 0x4D41524341585331L;
    private static final Set<Class<?>> ACCOUNT_EVENTS = Set.of(UserRegistered.class, RoleGranted.class,
            RoleRevoked.class, UserDeactivated.class, UserReactivated.class, UserTransferred.class,
            UserDetailsUpdated.class);

    private final EventStorageEngine events;
    private final AccountAccessTable table;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean running;

    public AccountAccessCatchUp(EventStorageEngine events, AccountAccessTable table, JdbcClient jdbc,
                                PlatformTransactionManager transactions) {
        this.events = events;
        this.table = table;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one catch-up did. */
    public record Result(long from, long to, int eventsApplied) {
    }

    /** Reads the event store from the last recorded position and applies what the table lacks. */
    public Result catchUp() {
        return transaction.execute(status -> {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(LOCK_KEY).query(Integer.class).single();
            long from = jdbc.sql("SELECT global_index FROM account_access_catch_up WHERE id = 1 FOR UPDATE")
                    .query(Long.class).single();
            long to = from;
            int applied = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(
                    from < 0 ? null : GapAwareTrackingToken.newInstance(from, Set.of()), false)) {
                var iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    to = Math.max(to, event.trackingToken().position().orElse(to));
                    if (!ACCOUNT_EVENTS.contains(event.getPayloadType())) {
                        continue;
                    }
                    long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
                    AccountAccessTable.Outcome outcome = table.apply(event.getPayload(), sequence);
                    if (outcome == AccountAccessTable.Outcome.APPLIED) {
                        applied++;
                    } else if (outcome == AccountAccessTable.Outcome.NO_ACCOUNT) {
                        log.warn("account event {} at {} names an account the event store never registered; skipped",
                                event.getPayloadType().getSimpleName(), event.trackingToken());
                    }
                }
            }
            jdbc.sql("UPDATE account_access_catch_up SET global_index = ?, caught_up_at = now() WHERE id = 1")
                    .param(to).update();
            return new Result(from, to, applied);
        });
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        Result result = catchUp();
        if (result.eventsApplied() > 0 || result.from() < 0) {
            log.info("account_access caught up with the event store: global index {} to {}, {} account events applied in {} ms",
                    result.from(), result.to(), result.eventsApplied(), (System.nanoTime() - started) / 1_000_000);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Far before the web server (and everything else): no request is resolved on an incomplete table. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
