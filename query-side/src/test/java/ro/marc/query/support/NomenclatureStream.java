package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;

import java.time.Instant;
import java.util.*;

/**
 * The single nomenclature stream (aggregate "marc-nomenclature") as the command side would write it:
 * every event gets the next sequence number, a deterministic timestamp, the metadata {@code userId}
 * of the acting account (the proposer for proposals, else {@link #actingAs}) and the per-entry
 * versions the aggregate would compute. Each appended event is delivered at once, through Axon's
 * {@link AnnotationEventHandlerAdapter}, to those of the projections given that handle it;
 * {@link #replayAll()} delivers them all again.
 */
public final class NomenclatureStream {

    public static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();
    private final Map<UUID, ItemKind> kinds = new HashMap<>();
    private final Map<UUID, String> proposers = new HashMap<>();
    private final Map<UUID, ReferenceList> lists = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();
    private final Map<UUID, RegulatoryCauseDetails> causes = new HashMap<>();
    private String actingUserId = "system";

    public NomenclatureStream(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /** The metadata {@code userId} of the events appended from now on (proposals: the proposer). */
    public NomenclatureStream actingAs(String userId) {
        actingUserId = userId;
        return this;
    }

    public NomenclatureStream actingAs(UUID userId) {
        return actingAs(userId.toString());
    }

    // ------------------------------------------------------------------ domains

    public DomainEventMessage<?> defineDomain(UUID id, UUID parentId, String name) {
        names.put(id, name);
        return append(new DomainDefined(id, parentId, name, nextVersion(id)));
    }

    public DomainEventMessage<?> renameDomain(UUID id, String name) {
        String previous = names.put(id, name);
        return append(new DomainRenamed(id, name, previous, nextVersion(id)));
    }

    // ------------------------------------------------------------------ proposals

    public DomainEventMessage<?> proposeActivity(UUID id, String name, String description, UUID domainId,
                                                 List<UUID> workUnitIds, List<Attachment> attachments,
                                                 UUID proposer, UUID proposerOrgUnitId) {
        proposed(id, ItemKind.ACTIVITY, proposer);
        return append(new ActivityProposed(id, name, description, domainId, workUnitIds, attachments,
                proposer.toString(), proposerOrgUnitId, nextVersion(id)), proposer.toString());
    }

    public DomainEventMessage<?> proposeTask(UUID id, UUID activityId, String name, UUID proposer,
                                             UUID proposerOrgUnitId) {
        proposed(id, ItemKind.TASK, proposer);
        return append(new TaskProposed(id, activityId, name, proposer.toString(), proposerOrgUnitId,
                nextVersion(id)), proposer.toString());
    }

    public DomainEventMessage<?> proposeDocument(UUID id, UUID taskId, String name, Periodicity periodicity,
                                                 UUID proposer, UUID proposerOrgUnitId) {
        proposed(id, ItemKind.DOCUMENT, proposer);
        return append(new DocumentProposed(id, taskId, name, periodicity, proposer.toString(), proposerOrgUnitId,
                nextVersion(id)), proposer.toString());
    }

    public DomainEventMessage<?> proposeRisk(UUID id, UUID activityId, String name, String description,
                                             UUID proposer, UUID proposerOrgUnitId) {
        proposed(id, ItemKind.RISK, proposer);
        return append(new RiskProposed(id, activityId, name, description, proposer.toString(), proposerOrgUnitId,
                nextVersion(id)), proposer.toString());
    }

    /** The proposal as it now stands (every field), by the acting account. */
    public DomainEventMessage<?> revise(UUID id, String name, String description, List<UUID> workUnitIds,
                                        Periodicity periodicity, boolean byAdministrator) {
        return append(new ProposalRevised(id, kinds.get(id), name, description, workUnitIds, periodicity,
                byAdministrator, nextVersion(id)));
    }

    public DomainEventMessage<?> accept(UUID id) {
        long decided = versions.get(id);
        return append(new ProposalAccepted(id, kinds.get(id), decided, proposers.get(id), nextVersion(id)));
    }

    public DomainEventMessage<?> reject(UUID id, String reason) {
        long decided = versions.get(id);
        return append(new ProposalRejected(id, kinds.get(id), reason, decided, proposers.get(id), nextVersion(id)));
    }

    public DomainEventMessage<?> deactivateItem(UUID id) {
        return append(new ItemDeactivated(id, kinds.get(id), nextVersion(id)));
    }

    // ------------------------------------------------------------------ reference lists

    public DomainEventMessage<?> defineEntry(UUID id, ReferenceList list, String name) {
        lists.put(id, list);
        names.put(id, name);
        return append(new ReferenceEntryDefined(id, list, name, nextVersion(id)));
    }

    public DomainEventMessage<?> renameEntry(UUID id, String name) {
        String previous = names.put(id, name);
        return append(new ReferenceEntryRenamed(id, lists.get(id), name, previous, nextVersion(id)));
    }

    public DomainEventMessage<?> deactivateEntry(UUID id) {
        return append(new ReferenceEntryDeactivated(id, lists.get(id), nextVersion(id)));
    }

    // ------------------------------------------------------------------ regulatory causes

    /** Added by {@code author}, who is also the acting account. */
    public DomainEventMessage<?> addCause(UUID id, RegulatoryCauseDetails details, UUID author, UUID authorOrgUnitId) {
        causes.put(id, details);
        return append(new RegulatoryCauseAdded(id, details, author.toString(), authorOrgUnitId, nextVersion(id)),
                author.toString());
    }

    public DomainEventMessage<?> editCause(UUID id, RegulatoryCauseDetails details) {
        RegulatoryCauseDetails previous = causes.put(id, details);
        return append(new RegulatoryCauseEdited(id, details, previous, nextVersion(id)));
    }

    public DomainEventMessage<?> deactivateCause(UUID id) {
        return append(new RegulatoryCauseDeactivated(id, nextVersion(id)));
    }

    // ------------------------------------------------------------------ what the stream knows

    public long version(UUID id) {
        return versions.get(id);
    }

    public List<DomainEventMessage<?>> messages() {
        return List.copyOf(messages);
    }

    public static Instant timestampOf(long sequenceNumber) {
        return START.plusSeconds(60 * sequenceNumber);
    }

    public static Instant timestampOf(DomainEventMessage<?> message) {
        return timestampOf(message.getSequenceNumber());
    }

    // ------------------------------------------------------------------ delivery

    /** Delivers every event again, in stream order, as a replay or an at-least-once redelivery would. */
    public void replayAll() {
        messages.forEach(this::deliver);
    }

    /** A processor reset: the projections' {@code @ResetHandler}s, then every event from the start. */
    public void resetAndReplay() {
        handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
        replayAll();
    }

    /** Delivers one (typically old) event again, to the projections that handle it. */
    public void deliver(DomainEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (!handler.canHandle(message)) {
                continue;
            }
            try {
                handler.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("Handling event #" + message.getSequenceNumber() + " "
                        + message.getPayload() + " failed", e);
            }
        }
    }

    private void proposed(UUID id, ItemKind kind, UUID proposer) {
        kinds.put(id, kind);
        proposers.put(id, proposer.toString());
    }

    private DomainEventMessage<?> append(Object payload) {
        return append(payload, actingUserId);
    }

    private DomainEventMessage<?> append(Object payload, String userId) {
        long seq = messages.size();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Nomenclature",
                NomenclatureIds.NOMENCLATURE_ID, seq, payload, MetaData.with("userId", userId),
                UUID.randomUUID().toString(), timestampOf(seq));
        messages.add(message);
        deliver(message);
        return message;
    }

    private long nextVersion(UUID id) {
        return versions.merge(id, 1L, Long::sum);
    }
}
