package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import ro.marc.command.nomenclature.Domain;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.nomenclature.InMemoryNomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureItem;
import ro.marc.command.nomenclature.ReferenceEntry;
import ro.marc.command.nomenclature.RegulatoryCause;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The nomenclature's real aggregates ({@link CommandSideForTests}) behind the calls projection tests
 * make: each call sends the command a client would and returns the first event it published (with its
 * real aggregate identifier and sequence number), already handed to the projections. Proposals are sent
 * by the proposer (metadata {@code userId}), every other command by {@link #actingAs}. Proposers act
 * with national reach, so the org rules never refuse a test's set-up (the aggregate tests cover them).
 * Event timestamps are deterministic while it is open: {@link #START}, then one minute per event.
 */
public final class NomenclatureCommands implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

    private final CommandSideForTests side;
    private final List<Object> projections;
    private final Clock previousClock = GenericEventMessage.clock;
    private final Map<UUID, String> proposers = new HashMap<>();
    private final Map<UUID, ReviseProposal> pendingChanges = new HashMap<>();
    private String actingUserId = "system";

    public NomenclatureCommands(Object... projections) {
        GenericEventMessage.clock = new TickingClock(START);
        this.projections = List.of(projections);
        InMemoryNomenclatureCatalogue catalogue = new InMemoryNomenclatureCatalogue();
        List<Object> handlers = new ArrayList<>();
        handlers.add(catalogue);
        handlers.addAll(this.projections);
        side = CommandSideForTests.with(Domain.class, NomenclatureItem.class, ReferenceEntry.class, RegulatoryCause.class)
                .resource(NomenclatureCatalogue.class, catalogue)
                .resource(OrgFacts.class, new FixedOrgFacts())
                .resource(ActivePlans.class, new InMemoryActivePlans())
                .projections(handlers.toArray())
                .start();
    }

    /** The metadata {@code userId} of the commands sent from now on (proposals: the proposer). */
    public NomenclatureCommands actingAs(String userId) {
        actingUserId = userId;
        return this;
    }

    public NomenclatureCommands actingAs(UUID userId) {
        return actingAs(userId.toString());
    }

    // ------------------------------------------------------------------ domains

    public DomainEventMessage<?> defineDomain(UUID id, UUID parentId, String name) {
        return send(new DefineDomain(id, parentId, name));
    }

    public DomainEventMessage<?> renameDomain(UUID id, String name) {
        return send(new RenameDomain(id, name, version(id)));
    }

    // ------------------------------------------------------------------ proposals

    public DomainEventMessage<?> proposeActivity(UUID id, String name, String description, UUID domainId,
                                                 List<UUID> workUnitIds, List<Attachment> attachments,
                                                 Object proposer, UUID proposerOrgUnitId) {
        return propose(id, proposer, new ProposeActivity(id, name, description, domainId, workUnitIds, attachments,
                actor(proposer, proposerOrgUnitId), false));
    }

    public DomainEventMessage<?> proposeTask(UUID id, UUID activityId, String name, Object proposer, UUID proposerOrgUnitId) {
        return proposeTask(id, activityId, name, null, proposer, proposerOrgUnitId);
    }

    public DomainEventMessage<?> proposeTask(UUID id, UUID activityId, String name, String description, Object proposer,
                                             UUID proposerOrgUnitId) {
        return propose(id, proposer, new ProposeTask(id, activityId, name, description, actor(proposer, proposerOrgUnitId),
                false));
    }

    public DomainEventMessage<?> proposeDocument(UUID id, UUID taskId, String name, Periodicity periodicity,
                                                 Object proposer, UUID proposerOrgUnitId) {
        return proposeDocument(id, taskId, name, null, periodicity, proposer, proposerOrgUnitId);
    }

    public DomainEventMessage<?> proposeDocument(UUID id, UUID taskId, String name, String content, Periodicity periodicity,
                                                 Object proposer, UUID proposerOrgUnitId) {
        return propose(id, proposer, new ProposeDocument(id, taskId, name, content, periodicity,
                actor(proposer, proposerOrgUnitId), false));
    }

    public DomainEventMessage<?> proposeRisk(UUID id, UUID activityId, String name, String description,
                                             Object proposer, UUID proposerOrgUnitId) {
        return propose(id, proposer, new ProposeRisk(id, activityId, name, description, actor(proposer, proposerOrgUnitId),
                false));
    }

    /**
     * The proposer's revision; {@code byAdministrator}: the administrator's changes, sent with the
     * acceptance that follows ({@link #accept}: "edit and accept"), so nothing is returned now.
     */
    public DomainEventMessage<?> revise(UUID id, String name, String description, List<UUID> workUnitIds,
                                        Periodicity periodicity, boolean byAdministrator) {
        ReviseProposal revision = new ReviseProposal(id, name, description, workUnitIds, periodicity, version(id),
                actor(proposers.get(id), UUID.randomUUID()));
        if (byAdministrator) {
            pendingChanges.put(id, revision);
            return null;
        }
        String acting = actingUserId;
        actingAs(proposers.get(id));
        try {
            return send(revision);
        } finally {
            actingAs(acting);
        }
    }

    /** Accepts at the current version (with the administrator's pending changes, if any): the acceptance event. */
    public DomainEventMessage<?> accept(UUID id) {
        ReviseProposal changes = pendingChanges.remove(id);
        List<DomainEventMessage<?>> events = changes == null ? sendAll(new AcceptProposal(id, version(id)))
                : sendAll(new AcceptProposalWithChanges(id, version(id), changes.name(), changes.description(),
                changes.workUnitIds(), changes.periodicity()));
        return events.getLast();
    }

    /** A central administrator's correction of an approved entry (null = unchanged). */
    public DomainEventMessage<?> correct(UUID id, String name, String description, List<UUID> workUnitIds,
                                         Periodicity periodicity) {
        return send(new CorrectApprovedItem(id, name, description, workUnitIds, periodicity, version(id)));
    }

    public DomainEventMessage<?> reject(UUID id, String reason) {
        return send(new RejectProposal(id, version(id), reason));
    }

    public DomainEventMessage<?> deactivateItem(UUID id) {
        return send(new DeactivateItem(id, version(id)));
    }

    // ------------------------------------------------------------------ reference lists

    public DomainEventMessage<?> defineEntry(UUID id, ReferenceList list, String name) {
        return send(new DefineReferenceEntry(id, list, name));
    }

    public DomainEventMessage<?> renameEntry(UUID id, String name) {
        return send(new RenameReferenceEntry(id, name, version(id)));
    }

    public DomainEventMessage<?> deactivateEntry(UUID id) {
        return send(new DeactivateReferenceEntry(id, version(id)));
    }

    // ------------------------------------------------------------------ regulatory causes

    /** Added by {@code author}, who is also the acting account. */
    public DomainEventMessage<?> addCause(UUID id, RegulatoryCauseDetails details, Object author, UUID authorOrgUnitId) {
        String acting = actingUserId;
        actingAs(author.toString());
        try {
            return send(new AddRegulatoryCause(id, details, actor(author, authorOrgUnitId)));
        } finally {
            actingAs(acting);
        }
    }

    public DomainEventMessage<?> editCause(UUID id, RegulatoryCauseDetails details) {
        return send(new EditRegulatoryCause(id, details, version(id), Actor.centralAdministrator(actingUserId, UUID.randomUUID())));
    }

    public DomainEventMessage<?> deactivateCause(UUID id) {
        return send(new DeactivateRegulatoryCause(id, version(id)));
    }

    // ------------------------------------------------------------------ what was published

    /** The entity's version now (its events so far). */
    public long version(UUID id) {
        String aggregate = id.toString();
        return side.published().stream().filter(m -> m.getAggregateIdentifier().equals(aggregate)).count();
    }

    public List<DomainEventMessage<?>> messages() {
        return side.published();
    }

    public static Instant timestampOf(DomainEventMessage<?> message) {
        return message.getTimestamp();
    }

    // ------------------------------------------------------------------ delivery

    /** Delivers every event again, in the order published, as a replay or an at-least-once redelivery would. */
    public void replayAll() {
        messages().forEach(this::deliver);
    }

    /** A processor reset: the projections' {@code @ResetHandler}s, then every event from the start. */
    public void resetAndReplay() {
        projections.forEach(p -> new AnnotationEventHandlerAdapter(p).prepareReset());
        replayAll();
    }

    /** Delivers one (typically old) event again, to the projections that handle it. */
    public void deliver(DomainEventMessage<?> message) {
        for (Object projection : projections) {
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
            if (!handler.canHandle(message)) {
                continue;
            }
            try {
                handler.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + message.getPayload() + " again failed", e);
            }
        }
    }

    @Override
    public void close() {
        GenericEventMessage.clock = previousClock;
        side.shutdown();
    }

    // ------------------------------------------------------------------ plumbing

    private static Actor actor(Object user, UUID orgUnit) {
        return new Actor(user.toString(), orgUnit, true, true, Set.of());
    }

    private DomainEventMessage<?> propose(UUID id, Object proposer, Object command) {
        proposers.put(id, proposer.toString());
        String acting = actingUserId;
        actingAs(proposer.toString());
        try {
            return send(command);
        } finally {
            actingAs(acting);
        }
    }

    private DomainEventMessage<?> send(Object command) {
        List<DomainEventMessage<?>> events = sendAll(command);
        return events.isEmpty() ? null : events.getFirst();
    }

    private List<DomainEventMessage<?>> sendAll(Object command) {
        int before = side.published().size();
        side.actingAs(actingUserId).send(command);
        List<DomainEventMessage<?>> all = side.published();
        return all.subList(before, all.size());
    }

    /** One minute later at every reading: deterministic, distinct timestamps. */
    private static final class TickingClock extends Clock {
        private Instant next;

        TickingClock(Instant start) {
            this.next = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plusSeconds(60);
            return now;
        }
    }
}
