package ro.marc.api.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.UUID;

/**
 * The sequencing policy of every projection group: one dead-letter sequence per <em>entity</em>
 * (org unit, work unit, account, working group, nomenclature item, domain, reference entry,
 * regulatory cause: each its own aggregate), while the events of one catalogue keep the order they had.
 *
 * <p>Why not Axon's {@code SequentialPerAggregatePolicy}: Axon uses the sequence identifier to pick a
 * segment, and projections depend on order <em>across</em> entities of one catalogue (a unit's creation
 * reads its parent's row or document, a move rewrites the descendants, an activity's document is
 * indexed with its task's name). Spreading a catalogue over segments would process a child before its
 * parent. So the identifier is an {@link EntitySequence} whose {@code hashCode} is the
 * <em>catalogue</em>'s ({@link #catalogueOf}: the capability of the event's package, named as the
 * single stream that held it before streams were cut per entity, so segments and existing tokens stay
 * as they were), while its {@linkplain EntitySequence#key() key}, which {@link ObservedDeadLetterQueue}
 * stores as the dead letter's sequence identifier, names the entity: its aggregate (every MARC entity is
 * one), or {@code aggregate/entity} for a stream that holds several entities (the first UUID component of
 * the payload names the subject: hand-made streams of tests). One poisoned entity parks only its own later
 * events.
 *
 * <p>Known limits: a parked entity's events are applied when they are retried, after later events of
 * other entities; an event that reads another entity (a child's creation reads its parent) is parked in
 * turn and heals at the next retry once what it needs is there. A catalogue is projected by one segment
 * at a time: spreading it needs projections that build only from their own events (issue 10).
 */
public final class EntitySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    public static final EntitySequencingPolicy INSTANCE = new EntitySequencingPolicy();

    private static final ClassValue<Optional<RecordComponent>> ENTITY_COMPONENT = new ClassValue<>() {
        @Override
        protected Optional<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == UUID.class) {
                    component.getAccessor().setAccessible(true);
                    return Optional.of(component);
                }
            }
            return Optional.empty();
        }
    };

    private EntitySequencingPolicy() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            UUID entity = entityId(event.getPayload());
            return new EntitySequence(catalogueOf(event.getPayloadType()), domain.getAggregateIdentifier(),
                    entity == null ? null : entity.toString());
        }
        // not from an aggregate: the entity it names first (or, without one, Axon's fallback: the event id)
        UUID entity = entityId(event.getPayload());
        return entity == null ? null : entity.toString();
    }

    /**
     * The catalogue an event type belongs to: {@code ro.marc.events.<capability>...} → the identifier of
     * the stream that capability had when it was one aggregate ("marc" for the organisation).
     */
    static String catalogueOf(Class<?> payloadType) {
        String name = payloadType.getName();
        String prefix = "ro.marc.events.";
        if (!name.startsWith(prefix)) {
            return name;
        }
        String capability = name.substring(prefix.length(), name.indexOf('.', prefix.length()));
        return "org".equals(capability) ? "marc" : "marc-" + capability;
    }

    static UUID entityId(Object payload) {
        if (payload == null) {
            return null;
        }
        return ENTITY_COMPONENT.get(payload.getClass()).map(component -> {
            try {
                return (UUID) component.getAccessor().invoke(payload);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }).orElse(null);
    }

    /**
     * The sequence of one entity (its aggregate) of one catalogue. {@link #hashCode()} is the catalogue's
     * on purpose (segment assignment, see the class comment); equality is by both fields.
     */
    public record EntitySequence(String catalogue, String aggregate, String entity) {

        /** What the dead-letter queue stores: the aggregate, or {@code aggregate/entity} when they differ. */
        public String key() {
            return entity == null || entity.equals(aggregate) ? aggregate : aggregate + "/" + entity;
        }

        @Override
        public int hashCode() {
            return catalogue.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EntitySequence(String c, String a, String e) && catalogue.equals(c)
                    && aggregate.equals(a) && java.util.Objects.equals(entity, e);
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The string the dead-letter queue keeps for a sequence identifier produced by this policy. */
    public static Object queueKey(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof EntitySequence sequence ? sequence.key() : sequenceIdentifier;
    }
}
