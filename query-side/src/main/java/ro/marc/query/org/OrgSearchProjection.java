package ro.marc.query.org;

import ro.marc.query.search.PendingWrites;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.org.event.*;
import ro.marc.query.common.EntityVersion;
import ro.marc.events.text.RomanianText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Projects the organisation's events into Elasticsearch. Every write is a full document indexed with
 * {@code version_type=external} and version = the event's position in the event store (its global
 * index, from the tracking token), so Elasticsearch itself refuses a replayed (older or equal) write:
 * replays change nothing. Not the aggregate's sequence number: each org unit and work unit is its own
 * aggregate, and a move re-indexes every descendant, documents of other aggregates whose own sequence
 * numbers can be higher than the move's. The organisation's events are handled in their global order
 * (one processing segment): positions only grow, and a creation or a move finds its parent's document.
 * The document's {@code version} field is the entity's version ({@link EntityVersion}).
 *
 * <p>Writes are collected per processing batch (Axon unit of work) and sent as one bulk request
 * when the batch commits; documents written earlier in the same batch are read from that buffer,
 * so a batch of 100 events costs one bulk request instead of 100 round trips.
 */
@ProcessingGroup(OrgSearchProjection.PROCESSING_GROUP)
public class OrgSearchProjection {

    public static final String PROCESSING_GROUP = "org-elasticsearch";
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;

    public OrgSearchProjection(ElasticsearchClient client, SearchIndexes indexes) {
        this.client = client;
        this.indexes = indexes;
    }

    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long seq, EventMessage<?> message) {
        List<String> ancestors = new ArrayList<>();
        if (event.parentId() != null) {
            OrgUnitDocument parent = orgUnit(event.parentId().toString());
            ancestors.addAll(parent.ancestorIds());
            ancestors.add(parent.id());
        }
        index(new OrgUnitDocument(OrgUnitDocument.KIND, event.orgUnitId().toString(), event.name(),
                RomanianText.fold(event.name()), event.parentId() == null ? null : event.parentId().toString(),
                ancestors, event.level(), event.county() == null ? null : event.county().name(), true, List.of(),
                EntityVersion.of(seq)), position(message, seq));
    }

    @EventHandler
    void on(OrgUnitRenamed event, @SequenceNumber long seq, EventMessage<?> message) {
        updateOrgUnit(event.orgUnitId(), position(message, seq), d -> new OrgUnitDocument(d.kind(), d.id(), event.name(),
                RomanianText.fold(event.name()), d.parentId(), d.ancestorIds(), d.level(), d.county(), d.active(),
                d.workUnitIds(), EntityVersion.of(seq)));
    }

    @EventHandler
    void on(OrgUnitDeactivated event, @SequenceNumber long seq, EventMessage<?> message) {
        updateOrgUnit(event.orgUnitId(), position(message, seq), d -> withActive(d, false, EntityVersion.of(seq)));
    }

    @EventHandler
    void on(OrgUnitReactivated event, @SequenceNumber long seq, EventMessage<?> message) {
        updateOrgUnit(event.orgUnitId(), position(message, seq), d -> withActive(d, true, EntityVersion.of(seq)));
    }

    @EventHandler
    void on(WorkUnitAssigned event, @SequenceNumber long seq, EventMessage<?> message) {
        updateOrgUnit(event.orgUnitId(), position(message, seq), d -> {
            List<String> ids = new ArrayList<>(d.workUnitIds());
            if (!ids.contains(event.workUnitId().toString())) {
                ids.add(event.workUnitId().toString());
            }
            return withWorkUnits(d, ids, EntityVersion.of(seq));
        });
    }

    @EventHandler
    void on(WorkUnitUnassigned event, @SequenceNumber long seq, EventMessage<?> message) {
        updateOrgUnit(event.orgUnitId(), position(message, seq), d -> {
            List<String> ids = new ArrayList<>(d.workUnitIds());
            ids.remove(event.workUnitId().toString());
            return withWorkUnits(d, ids, EntityVersion.of(seq));
        });
    }

    /** Re-indexes the moved unit and every descendant with its new ancestors and level. */
    @EventHandler
    void on(OrgUnitMoved event, @SequenceNumber long seq, EventMessage<?> message) {
        OrgUnitDocument moved = orgUnit(event.orgUnitId().toString());
        OrgUnitDocument parent = orgUnit(event.toParentId().toString());
        List<String> newAncestors = new ArrayList<>(parent.ancestorIds());
        newAncestors.add(parent.id());
        int shift = event.level() - event.previousLevel();
        List<OrgUnitDocument> descendants = descendants(moved.id());
        index(new OrgUnitDocument(moved.kind(), moved.id(), moved.name(), moved.nameFolded(), parent.id(),
                newAncestors, event.level(), moved.county(), moved.active(), moved.workUnitIds(), EntityVersion.of(seq)),
                position(message, seq));
        for (OrgUnitDocument d : descendants) {
            List<String> ancestors = new ArrayList<>(newAncestors);
            ancestors.addAll(d.ancestorIds().subList(d.ancestorIds().indexOf(moved.id()), d.ancestorIds().size()));
            index(new OrgUnitDocument(d.kind(), d.id(), d.name(), d.nameFolded(), d.parentId(),
                    ancestors, d.level() + shift, d.county(), d.active(), d.workUnitIds(), d.version()),
                    position(message, seq)); // the descendant's own version stays
        }
    }

    @EventHandler
    void on(WorkUnitDefined event, @SequenceNumber long seq, EventMessage<?> message) {
        index(new WorkUnitDocument(WorkUnitDocument.KIND, event.workUnitId().toString(), event.name(),
                RomanianText.fold(event.name()), false, EntityVersion.of(seq)), position(message, seq));
    }

    @EventHandler
    void on(WorkUnitRenamed event, @SequenceNumber long seq, EventMessage<?> message) {
        WorkUnitDocument d = workUnit(event.workUnitId().toString());
        index(new WorkUnitDocument(d.kind(), d.id(), event.name(), RomanianText.fold(event.name()), d.retired(),
                EntityVersion.of(seq)), position(message, seq));
    }

    @EventHandler
    void on(WorkUnitRetired event, @SequenceNumber long seq, EventMessage<?> message) {
        WorkUnitDocument d = workUnit(event.workUnitId().toString());
        index(new WorkUnitDocument(d.kind(), d.id(), d.name(), d.nameFolded(), true, EntityVersion.of(seq)),
                position(message, seq));
    }

    /**
     * Before a replay from the start of the stream (a rebuild): external versions would refuse every
     * replayed write over an existing document, so both indexes are deleted and created again, empty.
     */
    @ResetHandler
    void reset() {
        indexes.recreate();
    }

    // ---------------------------------------------------------------- Elasticsearch plumbing

    /**
     * The external version of a write: the event's position in the event store; the sequence number in
     * its aggregate's stream only when the event comes without a tracking token (a tool calling the
     * handler directly).
     */
    private static long position(EventMessage<?> message, long seq) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        return seq;
    }

    private void updateOrgUnit(UUID id, long position, UnaryOperator<OrgUnitDocument> change) {
        index(change.apply(orgUnit(id.toString())), position);
    }

    private OrgUnitDocument orgUnit(String id) {
        return get(indexes.orgUnits(), id, OrgUnitDocument.class);
    }

    private WorkUnitDocument workUnit(String id) {
        return get(indexes.workUnits(), id, WorkUnitDocument.class);
    }

    private <T> T get(String index, String id, Class<T> type) {
        Object buffered = pendingWrites().buffered(index, id);
        if (buffered != null) {
            return type.cast(buffered);
        }
        try {
            var response = client.get(g -> g.index(index).id(id), type);
            if (!response.found()) {
                throw new IllegalStateException("Search document " + index + "/" + id + " is missing; the index needs a replay");
            }
            return response.source();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<OrgUnitDocument> descendants(String id) {
        List<OrgUnitDocument> found = new ArrayList<>();
        List<FieldValue> after = null;
        pendingWrites().flush();
        try {
            // search sees the index as of its last refresh; without this, recent writes would be missed or overwritten
            client.indices().refresh(r -> r.index(indexes.orgUnits()));
            while (true) {
                List<FieldValue> searchAfter = after;
                var response = client.search(s -> {
                    s.index(indexes.orgUnits()).size(PAGE).sort(o -> o.field(f -> f.field("id")))
                            .query(q -> q.term(t -> t.field("ancestorIds").value(id)));
                    return searchAfter == null ? s : s.searchAfter(searchAfter);
                }, OrgUnitDocument.class);
                List<Hit<OrgUnitDocument>> hits = response.hits().hits();
                hits.forEach(h -> found.add(h.source()));
                if (hits.size() < PAGE) {
                    return found;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(OrgUnitDocument document, long position) {
        pendingWrites().put(indexes.orgUnits(), document.id(), document, position);
    }

    private void index(WorkUnitDocument document, long position) {
        pendingWrites().put(indexes.workUnits(), document.id(), document, position);
    }

    private PendingWrites pendingWrites() {
        return PendingWrites.ofCurrentBatch(client, this);
    }

    private static OrgUnitDocument withActive(OrgUnitDocument d, boolean active, long version) {
        return new OrgUnitDocument(d.kind(), d.id(), d.name(), d.nameFolded(), d.parentId(), d.ancestorIds(),
                d.level(), d.county(), active, d.workUnitIds(), version);
    }

    private static OrgUnitDocument withWorkUnits(OrgUnitDocument d, List<String> workUnitIds, long version) {
        return new OrgUnitDocument(d.kind(), d.id(), d.name(), d.nameFolded(), d.parentId(), d.ancestorIds(),
                d.level(), d.county(), d.active(), workUnitIds, version);
    }
}
