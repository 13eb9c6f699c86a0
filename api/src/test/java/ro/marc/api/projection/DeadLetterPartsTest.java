package ro.marc.api.projection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.OrganisationInitialised;
import ro.marc.events.org.event.WorkUnitAssigned;
import ro.marc.query.search.IndexingFailed;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the dead-letter handling that need no running application. */
class DeadLetterPartsTest {

    @Test
    void sequences_are_per_entity_but_keep_the_catalogue_segment() {
        UUID unit = UUID.randomUUID();
        Object created = EntitySequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                event(unit.toString(), new OrgUnitCreated(unit, null, "A", 0, null)));
        Object assigned = EntitySequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                event(unit.toString(), new WorkUnitAssigned(unit, UUID.randomUUID())));
        UUID otherUnit = UUID.randomUUID();
        Object other = EntitySequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                event(otherUnit.toString(), new OrgUnitCreated(otherUnit, null, "B", 0, null)));
        Object initialised = EntitySequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                event("marc", new OrganisationInitialised("marc", unit)));
        Object anonymous = EntitySequencingPolicy.INSTANCE.getSequenceIdentifierFor(
                new org.axonframework.eventhandling.GenericEventMessage<>(new NoEntity("x")));

        assertThat(EntitySequencingPolicy.queueKey(created)).isEqualTo(unit.toString()).isEqualTo(EntitySequencingPolicy.queueKey(assigned));
        assertThat(created).isEqualTo(assigned).isNotEqualTo(other);
        // the segment is chosen by hashCode: the catalogue's, the same as when the organisation was one stream "marc"
        assertThat(created.hashCode()).isEqualTo(other.hashCode()).isEqualTo(initialised.hashCode()).isEqualTo("marc".hashCode());
        assertThat(EntitySequencingPolicy.queueKey(initialised)).as("a stream of several entities: aggregate/entity")
                .isEqualTo("marc/" + unit);
        assertThat(anonymous).as("not from an aggregate, no UUID in the payload: Axon's fallback").isNull();
        assertThat(EntitySequencingPolicy.catalogueOf(ro.marc.events.access.event.UserRegistered.class)).isEqualTo("marc-access");
        assertThat(EntitySequencingPolicy.catalogueOf(ro.marc.events.nomenclature.event.ProposalAccepted.class))
                .isEqualTo("marc-nomenclature");
    }

    @Test
    void transient_failures_are_told_from_poison() {
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new IndexingFailed("rejected", 429, null)))).isTrue();
        assertThat(TransientFailures.isTransient(new IndexingFailed("unavailable", 503, null))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new PSQLException("connection lost", PSQLState.CONNECTION_FAILURE))).isTrue();

        assertThat(TransientFailures.isTransient(new IndexingFailed("mapper_parsing_exception", 400, null))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("null value",
                new PSQLException("null value in column", PSQLState.NOT_NULL_VIOLATION)))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Search document is missing"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void a_full_queue_skips_the_event_instead_of_throwing() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservedDeadLetterQueue queue = new ObservedDeadLetterQueue("test-group",
                InMemorySequencedDeadLetterQueue.<EventMessage<?>>builder().maxSequences(1).maxSequenceSize(2).build(), meters);
        EventMessage<?> first = event(new OrgUnitCreated(UUID.randomUUID(), null, "A", 0, null));
        EventMessage<?> second = event(new OrgUnitCreated(UUID.randomUUID(), null, "B", 0, null));

        queue.enqueue("a", new GenericDeadLetter<>("a", first, new IllegalStateException("poison")));
        queue.enqueue("b", new GenericDeadLetter<>("b", second, new IllegalStateException("poison"))); // no room: skipped
        assertThat(queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", second))).isTrue();
        assertThat(queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", second))).as("sequence full: skipped").isTrue();

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.contains("b")).isFalse();
        assertThat(meters.get("marc.projection.dead.letters.dropped").counter().count()).isEqualTo(2);
        assertThat(meters.get("marc.projection.dead.letters.enqueued").tag("reason", "failed").counter().count()).isEqualTo(1);
        assertThat(meters.get("marc.projection.dead.letters.enqueued").tag("reason", "sequence-parked").counter().count()).isEqualTo(1);
    }

    record NoEntity(String text) {
    }

    private static GenericDomainEventMessage<?> event(Object payload) {
        return event(UUID.randomUUID().toString(), payload);
    }

    private static GenericDomainEventMessage<?> event(String aggregate, Object payload) {
        return new GenericDomainEventMessage<>("OrgUnit", aggregate, 0, payload);
    }
}
