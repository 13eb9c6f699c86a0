package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import ro.marc.command.org.InMemoryOrgTree;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgTree;
import ro.marc.command.org.OrgUnit;
import ro.marc.command.org.WorkUnit;
import ro.marc.events.org.County;
import ro.marc.events.org.command.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organisation as the command side writes it, for projection tests: each method sends the real
 * command to the real {@link OrgUnit} and {@link WorkUnit} aggregates ({@link CommandSideForTests},
 * with the in-memory lookup {@link InMemoryOrgTree}), with the entity's current version, and hands the
 * events they publish, at once and in order, to the projections given (through Axon's
 * {@link AnnotationEventHandlerAdapter}, so {@code @SequenceNumber} and {@code @Timestamp} are resolved
 * the real way). Each event is delivered as a tracked event whose token is its position among all
 * events published here, as a tracking processor reading the event store would see it.
 */
public final class OrganisationStream {

    private final InMemoryOrgTree tree = new InMemoryOrgTree();
    private final CommandSideForTests commandSide = CommandSideForTests.with(OrgUnit.class, WorkUnit.class)
            .resource(OrgTree.class, tree).resource(OrgFacts.class, tree).start();
    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private final List<AnnotationEventHandlerAdapter> partialHandlers = new ArrayList<>();
    private final List<GenericTrackedDomainEventMessage<?>> messages = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();

    public OrganisationStream(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /**
     * Also delivers the events to projections of other capabilities that keep some organisation facts of
     * their own (each gets only the events it handles).
     */
    public OrganisationStream alsoTo(Object... projections) {
        for (Object projection : projections) {
            partialHandlers.add(new AnnotationEventHandlerAdapter(projection));
        }
        return this;
    }

    /** The lookup the aggregates decide from (as the command side's tables would hold it). */
    public InMemoryOrgTree lookup() {
        return tree;
    }

    // ------------------------------------------------------------------ commands

    public DomainEventMessage<?> initialise(UUID rootId, String rootName) {
        return send(rootId, new InitialiseOrganisation(rootId, rootName));
    }

    public DomainEventMessage<?> create(UUID id, UUID parentId, String name, County county) {
        return send(id, new CreateOrgUnit(id, parentId, name, county));
    }

    public DomainEventMessage<?> rename(UUID id, String name) {
        return send(id, new RenameOrgUnit(id, name, version(id)));
    }

    /** Moves {@code id} with its subtree (the new parent must hold the unit's work units). */
    public DomainEventMessage<?> move(UUID id, UUID newParentId) {
        return send(id, new MoveOrgUnit(id, newParentId, version(id)));
    }

    public DomainEventMessage<?> deactivate(UUID id) {
        return send(id, new DeactivateOrgUnit(id, version(id)));
    }

    public DomainEventMessage<?> reactivate(UUID id) {
        return send(id, new ReactivateOrgUnit(id, version(id)));
    }

    public DomainEventMessage<?> defineWorkUnit(UUID id, String name) {
        return send(id, new DefineWorkUnit(id, name));
    }

    public DomainEventMessage<?> renameWorkUnit(UUID id, String name) {
        return send(id, new RenameWorkUnit(id, name, version(id)));
    }

    public DomainEventMessage<?> retireWorkUnit(UUID id) {
        return send(id, new RetireWorkUnit(id, version(id)));
    }

    /**
     * Assigns the work unit to the org unit, after assigning it to each ancestor (below the root) that
     * does not hold it yet, as an administrator must (an org unit's work units are its parent's).
     */
    public DomainEventMessage<?> assign(UUID orgUnitId, UUID workUnitId) {
        OrgFacts.OrgUnitFact unit = tree.orgUnit(orgUnitId).orElseThrow();
        for (UUID ancestor : unit.ancestorIds()) {
            if (!tree.orgUnit(ancestor).orElseThrow().holds(workUnitId)) {
                send(ancestor, new AssignWorkUnits(ancestor, List.of(workUnitId), version(ancestor)));
            }
        }
        return send(orgUnitId, new AssignWorkUnits(orgUnitId, List.of(workUnitId), version(orgUnitId)));
    }

    public DomainEventMessage<?> unassign(UUID orgUnitId, UUID workUnitId) {
        return send(orgUnitId, new UnassignWorkUnit(orgUnitId, workUnitId, version(orgUnitId)));
    }

    // ------------------------------------------------------------------ what was written

    /** The entity's version now (its sequence number + 1), as the command side answered it. */
    public long version(UUID id) {
        Long version = versions.get(id);
        if (version == null) {
            throw new IllegalStateException("No entity " + id + " was written through this stream");
        }
        return version;
    }

    public int level(UUID id) {
        return tree.orgUnit(id).orElseThrow().level();
    }

    /** Every event written so far, in the order written (each with its position as tracking token). */
    public List<GenericTrackedDomainEventMessage<?>> messages() {
        return List.copyOf(messages);
    }

    // ------------------------------------------------------------------ delivery

    /** Delivers every event again, in order, as a replay or an at-least-once redelivery would. */
    public void replayAll() {
        messages.forEach(this::deliver);
    }

    /** Delivers every event, in order, to another projection only (a rebuild from scratch). */
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
        for (AnnotationEventHandlerAdapter handler : partialHandlers) {
            if (handler.canHandle(message)) {
                deliver(handler, message);
            }
        }
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, DomainEventMessage<?> message) {
        if (!handler.canHandle(message)) {
            throw new AssertionError("No handler for " + message.getPayloadType().getSimpleName());
        }
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("Handling " + message.getPayload() + " (" + message.getAggregateIdentifier()
                    + " #" + message.getSequenceNumber() + ") failed", e);
        }
    }

    /** Sends the command; applies its events to the lookup and delivers them; returns the last one (null: none). */
    private DomainEventMessage<?> send(UUID entity, Object command) {
        int before = commandSide.published().size();
        Number version = commandSide.send(command);
        versions.put(entity, version.longValue());
        List<DomainEventMessage<?>> published = commandSide.published();
        GenericTrackedDomainEventMessage<?> last = null;
        for (DomainEventMessage<?> event : published.subList(before, published.size())) {
            tree.apply(event.getPayload());
            last = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(messages.size()), event);
            messages.add(last);
            deliver(last);
        }
        return last;
    }
}
