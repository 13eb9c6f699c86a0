package ro.marc.api.config;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store with a way to make it read the database now. Its event producer
 * (which feeds every processor's stream) reads new events at once after a LOCAL commit, but polls
 * for other nodes' events only every second ({@code fetchDelay}): {@link #fetchNow()} lets a
 * cluster signal ({@link CommitNotifyingEventSource}) end that wait.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Reads new events from the database now (what a local commit does), for events appended elsewhere. */
    public void fetchNow() {
        afterCommit(List.of());
    }
}
