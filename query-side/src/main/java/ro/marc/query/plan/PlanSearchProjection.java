package ro.marc.query.plan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.event.*;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.search.PendingWrites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Projects the plans into Elasticsearch (one document per plan: purpose, org unit, status), from the plan's
 * own events. Every write is a full document indexed with {@code version_type=external} and version = the
 * event's position in the event store, so a replayed (older or equal) write is refused by Elasticsearch
 * itself. Writes are collected per processing batch ({@link PendingWrites}).
 */
@ProcessingGroup(PlanSearchProjection.PROCESSING_GROUP)
public class PlanSearchProjection {

    public static final String PROCESSING_GROUP = "plan-elasticsearch";

    private final ElasticsearchClient client;
    private final PlanSearchIndex index;

    public PlanSearchProjection(ElasticsearchClient client, PlanSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(PlanDrafted event, @SequenceNumber long seq, EventMessage<?> message) {
        write(event.planId(), event.orgUnitId(), event.purpose(), PlanStatus.DRAFT, seq, message);
    }

    @EventHandler
    void on(PlanDraftSaved event, @SequenceNumber long seq, EventMessage<?> message) {
        write(event.planId(), event.orgUnitId(), event.purpose(), PlanStatus.DRAFT, seq, message);
    }

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long seq, EventMessage<?> message) {
        write(event.planId(), event.orgUnitId(), event.purpose(), PlanStatus.ACTIVE, seq, message);
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long seq, EventMessage<?> message) {
        write(event.planId(), event.orgUnitId(), event.purpose(), PlanStatus.ACTIVE, seq, message);
    }

    @EventHandler
    void on(PlanClosed event, @SequenceNumber long seq, EventMessage<?> message) {
        PlanDocument current = document(event.planId().toString());
        write(event.planId(), event.orgUnitId(), current == null ? null : current.name(), PlanStatus.CLOSED, seq, message);
    }

    @ResetHandler
    void reset() {
        index.recreate();
    }

    private void write(UUID planId, UUID orgUnitId, String purpose, PlanStatus status, long seq, EventMessage<?> message) {
        String name = purpose == null ? "" : purpose;
        PlanDocument document = new PlanDocument(PlanDocument.KIND, planId.toString(), name, RomanianText.fold(name),
                orgUnitId.toString(), status.name(), EntityVersion.of(seq));
        pendingWrites().put(index.name(), document.id(), document, position(message, seq));
    }

    private PlanDocument document(String id) {
        Object buffered = pendingWrites().buffered(index.name(), id);
        if (buffered != null) {
            return (PlanDocument) buffered;
        }
        try {
            var response = client.get(g -> g.index(index.name()).id(id), PlanDocument.class);
            return response.found() ? response.source() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long position(EventMessage<?> message, long seq) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        return seq;
    }

    private PendingWrites pendingWrites() {
        return PendingWrites.ofCurrentBatch(client, this);
    }
}
