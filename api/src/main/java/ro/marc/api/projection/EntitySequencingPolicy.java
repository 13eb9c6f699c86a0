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
 * regulatory cause), while events keep the order they had.
 *
 * <p>Why not Axon's {@code SequentialPerAggregatePolicy}: each of MARC's catalogues is one aggregate
 * (the organisation {@code "marc"}, the access directory, the nomenclature), so per-aggregate
 * sequencing makes every event of a catalogue one sequence, and one dead-lettered event parks every
 * later event of the catalogue behind it (705 of 795 org units never indexed after an Elasticsearch
 * restart).
 *
 * <p>Why not a plain per-entity id either: Axon uses the same identifier to pick a segment, and
 * projections depend on order <em>across</em> entities of one catalogue (a unit's creation reads its
 * parent's row or document, a move rewrites the descendants). Spreading a catalogue over segments
 * would process a child before its parent. So the identifier is an {@link EntitySequence} whose
 * {@code hashCode} is the aggregate identifier's (the segment stays the one it always was, existing
 * tokens stay valid, a catalogue stays in order in one segment) while its {@linkplain
 * EntitySequence#key() key}, which {@link ObservedDeadLetterQueue} stores as the dead letter's sequence
 * identifier, names the entity: one poisoned entity parks only its own later events.
 *
 * <p>The entity is the first {@link UUID} component of the event record (every MARC event names its
 * subject first: {@code OrgUnitCreated(orgUnitId, parentId, ...)}, {@code WorkUnitAssigned(orgUnitId,
 * ...)} whose projected row is the org unit's, {@code WorkingGroupMemberAdded(workingGroupId, ...)});
 * an event without one (e.g. {@code OrganisationInitialised}) falls back to its aggregate.
 *
 * <p>Known limit: a parked entity's events are applied when they are retried, after later events of
 * other entities; an event that reads another entity (a child's creation reads its parent) is parked
 * in turn and heals at the next retry once what it needs is there.
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
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        UUID entity = entityId(event.getPayload());
        if (aggregate == null) {
            // not from an aggregate: the entity alone (or, without one, Axon's fallback: the event id)
            return entity == null ? null : entity.toString();
        }
        return new EntitySequence(aggregate, entity == null ? null : entity.toString());
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
     * A sequence of one entity of one aggregate. {@link #hashCode()} is the aggregate identifier's on
     * purpose (segment assignment, see the class comment); equality is by both fields.
     */
    public record EntitySequence(String aggregate, String entity) {

        /** What the dead-letter queue stores: {@code aggregate/entity}, or the aggregate alone. */
        public String key() {
            return entity == null ? aggregate : aggregate + "/" + entity;
        }

        @Override
        public int hashCode() {
            return aggregate.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EntitySequence(String a, String e) && aggregate.equals(a)
                    && java.util.Objects.equals(entity, e);
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
