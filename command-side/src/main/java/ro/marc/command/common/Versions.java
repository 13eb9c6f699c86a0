package ro.marc.command.common;

import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.UUID;

/**
 * An entity's version is its aggregate's own sequence number + 1: 1 after the event that created
 * it, +1 per event since. Clients send it back as {@code expectedVersion}; no event carries it.
 * Call these only inside a command handler of the aggregate (Axon's {@link AggregateLifecycle}).
 */
public final class Versions {

    private Versions() {
    }

    /** The version now: 0 before the first event, and already counting events applied by this handler. */
    public static long current() {
        Long sequence = AggregateLifecycle.getVersion();
        return sequence == null ? 0 : sequence + 1;
    }

    /** CONFLICT STALE_VERSION unless the caller edited the current version. */
    public static void require(String entity, UUID id, long expected) {
        long actual = current();
        if (expected != actual) {
            throw CommandRejected.staleVersion(entity, id, expected, actual);
        }
    }
}
