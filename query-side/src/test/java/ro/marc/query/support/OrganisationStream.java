package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The single organisation stream (aggregate "marc") as the command side would write it: every event
 * gets the next sequence number, a deterministic timestamp and the entity versions and levels the
 * aggregate would compute. Each appended event is delivered at once, through Axon's
 * {@link AnnotationEventHandlerAdapter} (so {@code @SequenceNumber} and {@code @Timestamp} are
 * resolved the real way), to the projections given; {@link #replayAll()} delivers them all again.
 */
public final class OrganisationStream {

    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();
    private final Map<UUID, Integer> levels = new HashMap<>();
    private final Map<UUID, UUID> parents = new HashMap<>();
    private final Map<UUID, County> counties = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();

    public OrganisationStream(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    // ------------------------------------------------------------------ the aggregate's decisions

    public DomainEventMessage<?> initialise(UUID rootId, String rootName) {
        append(new OrganisationInitialised(OrganisationIds.ORGANISATION_ID, rootId));
        levels.put(rootId, 0);
        names.put(rootId, rootName);
        return append(new OrgUnitCreated(rootId, null, rootName, 0, null, nextVersion(rootId)));
    }

    public DomainEventMessage<?> create(UUID id, UUID parentId, String name, County county) {
        County effective = counties.get(parentId) != null ? counties.get(parentId) : county;
        int level = levels.get(parentId) + 1;
        levels.put(id, level);
        parents.put(id, parentId);
        names.put(id, name);
        if (effective != null) {
            counties.put(id, effective);
        }
        return append(new OrgUnitCreated(id, parentId, name, level, effective, nextVersion(id)));
    }

    public DomainEventMessage<?> rename(UUID id, String name) {
        String previous = names.put(id, name);
        return append(new OrgUnitRenamed(id, name, previous, nextVersion(id)));
    }

    /** Moves {@code id} with its subtree; descendants' levels shift by the same amount. */
    public DomainEventMessage<?> move(UUID id, UUID newParentId) {
        int previousLevel = levels.get(id);
        int level = levels.get(newParentId) + 1;
        int shift = level - previousLevel;
        List<UUID> subtree = new ArrayList<>();
        subtree.add(id);
        for (int i = 0; i < subtree.size(); i++) {
            UUID current = subtree.get(i);
            parents.forEach((child, parent) -> {
                if (current.equals(parent)) {
                    subtree.add(child);
                }
            });
        }
        subtree.forEach(u -> levels.merge(u, shift, Integer::sum));
        UUID from = parents.put(id, newParentId);
        return append(new OrgUnitMoved(id, from, newParentId, previousLevel, level, nextVersion(id)));
    }

    public DomainEventMessage<?> deactivate(UUID id) {
        return append(new OrgUnitDeactivated(id, nextVersion(id)));
    }

    public DomainEventMessage<?> reactivate(UUID id) {
        return append(new OrgUnitReactivated(id, nextVersion(id)));
    }

    public DomainEventMessage<?> defineWorkUnit(UUID id, String name) {
        names.put(id, name);
        return append(new WorkUnitDefined(id, name, nextVersion(id)));
    }

    public DomainEventMessage<?> renameWorkUnit(UUID id, String name) {
        String previous = names.put(id, name);
        return append(new WorkUnitRenamed(id, name, previous, nextVersion(id)));
    }

    public DomainEventMessage<?> retireWorkUnit(UUID id) {
        return append(new WorkUnitRetired(id, nextVersion(id)));
    }

    public DomainEventMessage<?> assign(UUID orgUnitId, UUID workUnitId) {
        return append(new WorkUnitAssigned(orgUnitId, workUnitId, nextVersion(orgUnitId)));
    }

    public DomainEventMessage<?> unassign(UUID orgUnitId, UUID workUnitId) {
        return append(new WorkUnitUnassigned(orgUnitId, workUnitId, nextVersion(orgUnitId)));
    }

    // ------------------------------------------------------------------ what the stream knows

    public long version(UUID id) {
        return versions.get(id);
    }

    public int level(UUID id) {
        return levels.get(id);
    }

    public List<DomainEventMessage<?>> messages() {
        return List.copyOf(messages);
    }

    public long lastSequenceNumber() {
        return messages.size() - 1;
    }

    public static Instant timestampOf(long sequenceNumber) {
        return START.plusSeconds(60 * sequenceNumber);
    }

    // ------------------------------------------------------------------ delivery

    /** Delivers every event again, in stream order, as a replay or an at-least-once redelivery would. */
    public void replayAll() {
        messages.forEach(this::deliver);
    }

    /** Delivers every event, in stream order, to another projection only (a rebuild from scratch). */
    public void deliverAllTo(Object projection) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        messages.forEach(message -> deliver(handler, message));
    }

    /**
     * Delivers every event to another projection inside one unit of work, as one batch of a
     * streaming processor is delivered; the unit of work commits at the end.
     */
    public void deliverAllInOneBatchTo(Object projection) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(messages.getFirst());
        try {
            messages.forEach(message -> deliver(handler, message));
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
    }

    /** Delivers one (typically old) event again. */
    public void deliver(DomainEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            deliver(handler, message);
        }
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, DomainEventMessage<?> message) {
        if (!handler.canHandle(message) && !(message.getPayload() instanceof OrganisationInitialised)) {
            throw new AssertionError("No handler for " + message.getPayloadType().getSimpleName());
        }
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("Handling event #" + message.getSequenceNumber() + " "
                    + message.getPayload() + " failed", e);
        }
    }

    private DomainEventMessage<?> append(Object payload) {
        long seq = messages.size();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Organisation",
                OrganisationIds.ORGANISATION_ID, seq, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), timestampOf(seq));
        messages.add(message);
        deliver(message);
        return message;
    }

    private long nextVersion(UUID id) {
        return versions.merge(id, 1L, Long::sum);
    }
}
