package ro.marc.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.time.Instant;
import java.util.*;

/**
 * The single access directory stream (aggregate "marc-access") as the command side would write it:
 * every event gets the next sequence number, a deterministic timestamp, the metadata {@code userId}
 * of the acting account ({@link #actingAs}) and the account and working-group versions the aggregate
 * would compute. Each appended event is delivered at once, through Axon's
 * {@link AnnotationEventHandlerAdapter}, to the projections given; {@link #replayAll()} delivers
 * them all again.
 */
public final class AccessStream {

    public static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();
    private final Map<UUID, String[]> identities = new HashMap<>();
    private final Map<UUID, UUID> leaders = new HashMap<>();
    private String actingUserId = "system";

    public AccessStream(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /** The metadata {@code userId} of the events appended from now on. */
    public AccessStream actingAs(String userId) {
        actingUserId = userId;
        return this;
    }

    // ------------------------------------------------------------------ accounts

    public DomainEventMessage<?> register(UUID userId, String issuer, String subject, String displayName, String email,
                                         UUID orgUnitId) {
        identities.put(userId, new String[]{issuer, subject, displayName, email});
        return append(new UserRegistered(userId, issuer, subject, displayName, email, orgUnitId, nextVersion(userId)));
    }

    public DomainEventMessage<?> updateDetails(UUID userId, String displayName, String email) {
        String[] identity = identities.get(userId);
        identities.put(userId, new String[]{identity[0], identity[1], displayName, email});
        return append(new UserDetailsUpdated(userId, displayName, email, nextVersion(userId)));
    }

    public DomainEventMessage<?> grant(UUID userId, Role role, County... counties) {
        return grant(userId, role, false, counties);
    }

    public DomainEventMessage<?> grant(UUID userId, Role role, boolean followsMemberWorkflow, County... counties) {
        List<County> sorted = Arrays.stream(counties).sorted(Comparator.comparing(County::name)).toList();
        return append(new RoleGranted(userId, role, sorted, followsMemberWorkflow, nextVersion(userId)));
    }

    public DomainEventMessage<?> revoke(UUID userId, Role role) {
        return append(new RoleRevoked(userId, role, nextVersion(userId)));
    }

    public DomainEventMessage<?> deactivate(UUID userId, String reason) {
        return append(new UserDeactivated(userId, reason, nextVersion(userId)));
    }

    public DomainEventMessage<?> reactivate(UUID userId) {
        return append(new UserReactivated(userId, nextVersion(userId)));
    }

    public DomainEventMessage<?> transfer(UUID userId, String issuer, String subject, String displayName, String email,
                                         String details) {
        String[] previous = identities.put(userId, new String[]{issuer, subject, displayName, email});
        return append(new UserTransferred(userId, previous[0], previous[1], previous[2], previous[3], issuer, subject,
                displayName, email, details, nextVersion(userId)));
    }

    // ------------------------------------------------------------------ working groups

    public DomainEventMessage<?> defineGroup(UUID groupId, UUID orgUnitId, String name) {
        return append(new WorkingGroupDefined(groupId, orgUnitId, name, nextVersion(groupId)));
    }

    public DomainEventMessage<?> addMember(UUID groupId, UUID userId) {
        return append(new WorkingGroupMemberAdded(groupId, userId, nextVersion(groupId)));
    }

    public DomainEventMessage<?> removeMember(UUID groupId, UUID userId) {
        boolean wasLeader = userId.equals(leaders.get(groupId));
        if (wasLeader) {
            leaders.remove(groupId);
        }
        return append(new WorkingGroupMemberRemoved(groupId, userId, wasLeader, nextVersion(groupId)));
    }

    public DomainEventMessage<?> appointLeader(UUID groupId, UUID userId) {
        UUID previous = leaders.put(groupId, userId);
        return append(new WorkingGroupLeaderAppointed(groupId, userId, previous, nextVersion(groupId)));
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

    /** Delivers one (typically old) event again. */
    public void deliver(DomainEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (!handler.canHandle(message)) {
                throw new AssertionError("No handler for " + message.getPayloadType().getSimpleName());
            }
            try {
                handler.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("Handling event #" + message.getSequenceNumber() + " "
                        + message.getPayload() + " failed", e);
            }
        }
    }

    private DomainEventMessage<?> append(Object payload) {
        long seq = messages.size();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("AccessDirectory", AccessIds.DIRECTORY_ID,
                seq, payload, MetaData.with("userId", actingUserId).and("role", "CENTRAL_ADMIN"),
                UUID.randomUUID().toString(), timestampOf(seq));
        messages.add(message);
        deliver(message);
        return message;
    }

    private long nextVersion(UUID id) {
        return versions.merge(id, 1L, Long::sum);
    }
}
