package ro.marc.command.common.lookup;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps every {@link CommandLookup} in step with the event store.
 *
 * <p><b>Live:</b> subscribed to the event store, it is handed the events of each unit of work in its
 * prepare-commit phase, inside the command's transaction, and applies them there. A failure
 * propagates and rolls the command back: no event is stored whose effect on a lookup is not.
 * (Not a subscribing event processor: MARC gives every processing group a dead-letter queue, which
 * would park the failure and let the command commit.)
 *
 * <p><b>Build:</b> at start-up, before anything can send a command (a lifecycle phase far below the
 * web server's), each lookup without a row in {@code command_lookup_build} (new, or reset by an
 * upgrade migration) is emptied and rebuilt from the whole event store, in one transaction under a
 * PostgreSQL advisory lock: two nodes starting at once build it once. Old and new releases never
 * write at the same time (an upgrade re-keys the streams), so nothing is missed between the two.
 */
@Component
public class CommandLookups implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandLookups.class);
    /** pg_advisory_xact_lock key: 'MARCLKUP' as a number, shared by every node. */
    static final long BUILD_LOCK = 0x4D4152434C4B5550L;

    private final List<CommandLookup> lookups;
    private final EventStorageEngine storage;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Registration subscription;
    private volatile boolean running;

    public CommandLookups(List<CommandLookup> lookups, EventStore eventStore, EventStorageEngine storage,
                          JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.lookups = List.copyOf(lookups);
        this.storage = storage;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.subscription = eventStore.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                continue;
            }
            for (CommandLookup lookup : lookups) {
                if (!lookup.handles(event.getPayloadType())) {
                    continue;
                }
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    // fail closed: outside the command's transaction the table could diverge from the events
                    throw new IllegalStateException(event.getPayloadType().getSimpleName()
                            + " published outside a transaction: lookup " + lookup.name() + " cannot be kept in step");
                }
                lookup.apply(domain);
            }
        }
    }

    /** Builds the lookups that are not built yet; returns how many events were applied. */
    public int buildMissing() {
        Integer applied = transaction.execute(status -> {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(BUILD_LOCK).query(Integer.class).single();
            List<String> built = jdbc.sql("SELECT name FROM command_lookup_build").query(String.class).list();
            List<CommandLookup> missing = lookups.stream().filter(l -> !built.contains(l.name())).toList();
            if (missing.isEmpty()) {
                return 0;
            }
            missing.forEach(CommandLookup::clear);
            int count = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
                var iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (!(event instanceof DomainEventMessage<?> domain)) {
                        continue;
                    }
                    for (CommandLookup lookup : missing) {
                        if (lookup.handles(event.getPayloadType())) {
                            lookup.apply(domain);
                            count++;
                        }
                    }
                }
            }
            for (CommandLookup lookup : missing) {
                jdbc.sql("INSERT INTO command_lookup_build (name, built_at) VALUES (?, now())").param(lookup.name()).update();
            }
            log.info("command-side lookups {} built from the event store: {} events applied",
                    missing.stream().map(CommandLookup::name).toList(), count);
            return count;
        });
        return applied == null ? 0 : applied;
    }

    @Override
    public void start() {
        buildMissing();
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

    /** Far before the web server (and everything else): no command is decided on an unbuilt table. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void destroy() {
        subscription.cancel();
    }
}
