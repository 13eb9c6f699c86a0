package ro.marc.query.nomenclature;

import ro.marc.query.search.PendingWrites;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.*;
import java.util.function.Consumer;

import static ro.marc.query.nomenclature.NomenclatureIndex.*;

/**
 * Projects the nomenclature's events into the {@link NomenclatureIndex}.
 * Every write is a whole document indexed with {@code version_type=external}; writes are buffered per
 * unit of work ({@link PendingWrites}) and sent as one bulk request when it commits. Each entry is its own
 * aggregate, so the external version is built from the entry's own sequence number: {@code (seq + 1) << 20}
 * for the entry's events, and the document's current version + 1 for a cascade from its parent (a domain
 * renamed, an activity or task revised), which leaves room for 2^20 cascades between two events of the
 * entry. A replayed event of the entry (an older or equal version) is refused by Elasticsearch and changes
 * nothing; a cascading event already applied (its entry's document is at its version or later) is skipped
 * whole, so a late redelivery cannot bring back an older parent name.
 *
 * <p>The projection needs nothing but its own documents (read back by id, or by parent id for the
 * rarer cascades), which documents are an activity's or a task's children ({@code nomenclature_search_child},
 * so revising them searches nothing) and its own copy of two organisation facts, kept from the organisation's events by this group:
 * work-unit names ({@code nomenclature_search_work_unit}) and org-unit counties
 * ({@code nomenclature_search_org_unit}). Until a work unit is known its id stands for its name, until an org
 * unit is known the county stays empty; when it arrives (or a work unit is renamed) it is carried into every
 * document already written that names it, as a cascade (the document's version + 1), so the documents come out
 * the same whichever came first ({@link OrgFactsLock} orders the two when two segments handle them at the same
 * time). Children (tasks, documents, risks) carry their activity's name, domain and work units, documents also
 * their task's name: revising an activity or a task, or renaming a domain, rewrites them. Regulatory causes keep
 * their own work unit. Reference lists are not indexed.
 */
@ProcessingGroup(NomenclatureSearchProjection.PROCESSING_GROUP)
public class NomenclatureSearchProjection {

    public static final String PROCESSING_GROUP = "nomenclature-elasticsearch";
    private static final int PAGE = 1000;
    /** The advisory lock of this group's org facts ({@link OrgFactsLock}). */
    private static final long ORG_FACTS_LOCK = 0x6d617263_00000102L;

    private final ElasticsearchClient client;
    private final NomenclatureIndex index;
    private final JdbcClient jdbc;

    public NomenclatureSearchProjection(ElasticsearchClient client, NomenclatureIndex index, JdbcClient jdbc) {
        this.client = client;
        this.index = index;
        this.jdbc = jdbc;
    }

    /** Every batch takes the org facts' lock (shared) before it reads them; see {@link OrgFactsLock}. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object orgFactsFirst(EventMessage<?> event, InterceptorChain chain) throws Exception {
        OrgFactsLock.shared(jdbc, ORG_FACTS_LOCK);
        return chain.proceed();
    }

    /** Before a replay from the start of the stream (a rebuild): the index is emptied, as {@link OrgSearchProjection#reset()}. */
    @ResetHandler
    void reset() {
        index.delete();
        index.ensureCreated();
        jdbc.sql("DELETE FROM nomenclature_search_work_unit").update();
        jdbc.sql("DELETE FROM nomenclature_search_org_unit").update();
        jdbc.sql("DELETE FROM nomenclature_search_child").update();
    }

    // ---------------------------------------------------------------- organisation facts

    /** A work unit's name, also into every document that names it (until now by its id, or by its old name). */
    @EventHandler
    void on(WorkUnitDefined event, @SequenceNumber long seq) {
        workUnit(event.workUnitId(), event.name(), seq, false);
    }

    @EventHandler
    void on(WorkUnitRenamed event, @SequenceNumber long seq) {
        workUnit(event.workUnitId(), event.name(), seq, true);
    }

    @SuppressWarnings("unchecked")
    private void workUnit(UUID workUnitId, String name, long seq, boolean renamed) {
        OrgFactsLock.exclusive(jdbc, ORG_FACTS_LOCK);
        boolean awaited = awaited("nomenclature_search_work_unit", workUnitId);
        int changed = jdbc.sql("""
                INSERT INTO nomenclature_search_work_unit AS w (id, name, last_event_seq) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_event_seq = excluded.last_event_seq
                WHERE w.last_event_seq < excluded.last_event_seq""")
                .params(workUnitId, name, seq).update();
        // a definition reaches documents only when one named the work unit before it was known (rare: the
        // other order); a rename reaches every document naming it
        if (changed == 1 && (renamed || awaited)) {
            String id = id(workUnitId);
            cascade(WORK_UNIT_IDS, id, id, child -> setWorkUnits(child, (List<String>) child.get(WORK_UNIT_IDS)), seq);
        }
    }

    /** An org unit's county (set when it is created, never changed), also into the proposals made before. */
    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long seq) {
        OrgFactsLock.exclusive(jdbc, ORG_FACTS_LOCK);
        String county = event.county() == null ? null : event.county().name();
        boolean awaited = awaited("nomenclature_search_org_unit", event.orgUnitId());
        int changed = jdbc.sql("""
                INSERT INTO nomenclature_search_org_unit AS o (id, county, last_event_seq) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET county = excluded.county, last_event_seq = excluded.last_event_seq
                WHERE o.last_event_seq < excluded.last_event_seq""")
                .params(event.orgUnitId(), county, seq).update();
        if (changed == 1 && county != null && awaited) {
            String id = id(event.orgUnitId());
            cascade(PROPOSER_ORG_UNIT_ID, id, id, child -> child.put(PROPOSER_COUNTY, county), seq);
        }
    }

    // ---------------------------------------------------------------- domains

    @EventHandler
    void on(DomainDefined event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(KIND, KIND_DOMAIN);
        d.put(ID, id(event.domainId()));
        setName(d, event.name());
        d.put(STATUS, ItemStatus.APPROVED.name());
        d.put(PARENT_DOMAIN_ID, id(event.parentDomainId()));
        setDomain(d, id(event.domainId()), event.name());
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
    }

    @EventHandler
    void on(DomainRenamed event, @SequenceNumber long seq, @Timestamp Instant at) {
        String domainId = id(event.domainId());
        Map<String, Object> domain = document(domainId);
        if (alreadyApplied(domain, seq)) {
            return;
        }
        setName(domain, event.name());
        setDomain(domain, domainId, event.name());
        updated(domain, at, EntityVersion.of(seq));
        write(domain, seq);
        cascade(DOMAIN_ID, domainId, domainId, child -> setDomain(child, domainId, event.name()), seq);
    }

    // ---------------------------------------------------------------- proposals

    @EventHandler
    void on(ActivityProposed event, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = id(event.activityId());
        Map<String, Object> d = item(ItemKind.ACTIVITY.name(), id, event.name(), event.description(),
                event.proposerUserId(), event.proposerOrgUnitId());
        setActivity(d, id, event.name());
        String domainId = id(event.domainId());
        Map<String, Object> domain = domainId == null ? null : documentOrNull(domainId);
        setDomain(d, domainId, domain == null ? null : (String) domain.get(NAME));
        setWorkUnits(d, event.workUnitIds().stream().map(UUID::toString).toList());
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
    }

    @EventHandler
    void on(TaskProposed event, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = id(event.taskId());
        Map<String, Object> d = item(ItemKind.TASK.name(), id, event.name(), null,
                event.proposerUserId(), event.proposerOrgUnitId());
        inheritActivity(d, document(id(event.activityId())));
        d.put(TASK_ID, id);
        d.put(TASK_NAME, event.name());
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
        link(id(event.activityId()), id);
    }

    @EventHandler
    void on(DocumentProposed event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> task = document(id(event.taskId()));
        Map<String, Object> d = item(ItemKind.DOCUMENT.name(), id(event.documentId()), event.name(), null,
                event.proposerUserId(), event.proposerOrgUnitId());
        inheritActivity(d, task);
        d.put(TASK_ID, task.get(ID));
        d.put(TASK_NAME, task.get(NAME));
        d.put(PERIODICITY, event.periodicity() == null ? null : event.periodicity().name());
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
        link((String) task.get(ID), (String) d.get(ID));
        link((String) task.get(ACTIVITY_ID), (String) d.get(ID));
    }

    @EventHandler
    void on(RiskProposed event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> d = item(ItemKind.RISK.name(), id(event.riskId()), event.name(), event.description(),
                event.proposerUserId(), event.proposerOrgUnitId());
        inheritActivity(d, document(id(event.activityId())));
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
        link(id(event.activityId()), (String) d.get(ID));
    }

    /** The proposal as it now stands; an activity's new name and work units reach its children, a task's name its documents. */
    @EventHandler
    void on(ProposalRevised event, @SequenceNumber long seq, @Timestamp Instant at) {
        revised(event.itemId(), event.kind(), event.name(), event.description(), event.workUnitIds(), event.periodicity(),
                seq, at);
    }

    /** The description a task's proposal came with, or a document's content (§3.1 b, c): searchable like the others. */
    @EventHandler
    void on(ProposalDescribed event, @SequenceNumber long seq, @Timestamp Instant at) {
        revised(event.itemId(), event.kind(), null, event.description(), null, null, seq, at);
    }

    /** An approved entry corrected by a central administrator: as a revision, cascades included. */
    @EventHandler
    void on(ApprovedItemCorrected event, @SequenceNumber long seq, @Timestamp Instant at) {
        revised(event.itemId(), event.kind(), event.name(), event.description(), event.workUnitIds(), event.periodicity(),
                seq, at);
    }

    private void revised(UUID itemId, ItemKind kind, String name, String description, List<UUID> workUnitIds,
                         Periodicity periodicity, long seq, Instant at) {
        String id = id(itemId);
        Map<String, Object> d = document(id);
        if (alreadyApplied(d, seq)) {
            return;
        }
        String previousName = (String) d.get(NAME);
        Object previousWorkUnits = d.get(WORK_UNIT_IDS);
        if (name != null) {
            setName(d, name);
        }
        if (description != null) {
            d.put(DESCRIPTION, description);
            d.put(DESCRIPTION_FOLDED, RomanianText.fold(description));
        }
        if (periodicity != null) {
            d.put(PERIODICITY, periodicity.name());
        }
        switch (kind) {
            case ACTIVITY -> {
                setActivity(d, id, (String) d.get(NAME));
                if (workUnitIds != null) {
                    setWorkUnits(d, workUnitIds.stream().map(UUID::toString).toList());
                }
            }
            case TASK -> d.put(TASK_NAME, d.get(NAME));
            default -> {
            }
        }
        updated(d, at, EntityVersion.of(seq));
        write(d, seq);
        boolean renamed = !Objects.equals(previousName, d.get(NAME));
        if (kind == ItemKind.ACTIVITY && (renamed || !Objects.equals(previousWorkUnits, d.get(WORK_UNIT_IDS)))) {
            Map<String, Object> activity = d;
            cascadeToChildren(id, child -> inheritActivity(child, activity));
        } else if (kind == ItemKind.TASK && renamed) {
            cascadeToChildren(id, child -> child.put(TASK_NAME, d.get(NAME)));
        }
    }

    @EventHandler
    void on(ProposalAccepted event, @SequenceNumber long seq, @Timestamp Instant at) {
        setStatus(id(event.itemId()), ItemStatus.APPROVED, at, EntityVersion.of(seq), seq);
    }

    @EventHandler
    void on(ProposalRejected event, @SequenceNumber long seq, @Timestamp Instant at) {
        setStatus(id(event.itemId()), ItemStatus.REJECTED, at, EntityVersion.of(seq), seq);
    }

    @EventHandler
    void on(ItemDeactivated event, @SequenceNumber long seq, @Timestamp Instant at) {
        setStatus(id(event.itemId()), ItemStatus.INACTIVE, at, EntityVersion.of(seq), seq);
    }

    // ---------------------------------------------------------------- regulatory causes

    @EventHandler
    void on(RegulatoryCauseAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> d = item(KIND_CAUSE, id(event.causeId()), event.details().actTitle(), null,
                event.authorUserId(), event.authorOrgUnitId());
        d.put(STATUS, ItemStatus.APPROVED.name());
        setCauseDetails(d, event.details());
        created(d, at, EntityVersion.of(seq));
        write(d, seq);
        link(id(event.details().activityId()), (String) d.get(ID));
    }

    @EventHandler
    void on(RegulatoryCauseEdited event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> d = document(id(event.causeId()));
        if (!alreadyApplied(d, seq)) {
            // a cause may be edited onto another activity: only the new one's revisions reach it
            jdbc.sql("DELETE FROM nomenclature_search_child WHERE child_id = ?").param(event.causeId()).update();
            link(id(event.details().activityId()), (String) d.get(ID));
        }
        setCauseDetails(d, event.details());
        updated(d, at, EntityVersion.of(seq));
        write(d, seq);
    }

    @EventHandler
    void on(RegulatoryCauseDeactivated event, @SequenceNumber long seq, @Timestamp Instant at) {
        setStatus(id(event.causeId()), ItemStatus.INACTIVE, at, EntityVersion.of(seq), seq);
    }

    // ---------------------------------------------------------------- document building

    private Map<String, Object> item(String kind, String id, String name, String description, String proposerUserId,
                                     UUID proposerOrgUnitId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(KIND, kind);
        d.put(ID, id);
        setName(d, name);
        if (description != null) {
            d.put(DESCRIPTION, description);
            d.put(DESCRIPTION_FOLDED, RomanianText.fold(description));
        }
        d.put(STATUS, ItemStatus.PROPOSED.name());
        d.put(PROPOSER_USER_ID, proposerUserId);
        d.put(PROPOSER_ORG_UNIT_ID, id(proposerOrgUnitId));
        d.put(PROPOSER_COUNTY, county(proposerOrgUnitId));
        return d;
    }

    private void setCauseDetails(Map<String, Object> d, RegulatoryCauseDetails details) {
        setName(d, details.actTitle());
        if (details.extract() != null) {
            d.put(DESCRIPTION, details.extract());
            d.put(DESCRIPTION_FOLDED, RomanianText.fold(details.extract()));
        }
        d.put(CAUSE_TEXT_FOLDED, java.util.stream.Stream.of(details.corruptionFactors(), details.corruptionThreats(),
                details.recommendations()).filter(Objects::nonNull).map(RomanianText::fold).toList());
        String activityId = id(details.activityId());
        Map<String, Object> activity = activityId == null ? null : documentOrNull(activityId);
        setActivity(d, activityId, activity == null ? null : (String) activity.get(NAME));
        setDomain(d, activity == null ? null : (String) activity.get(DOMAIN_ID),
                activity == null ? null : (String) activity.get(DOMAIN_NAME));
        setWorkUnits(d, details.workUnitId() == null ? List.of() : List.of(details.workUnitId().toString()));
    }

    private static void setName(Map<String, Object> d, String name) {
        d.put(NAME, name);
        d.put(NAME_FOLDED, RomanianText.fold(name));
        d.put(NAME_SORT, sortKey(name));
    }

    private static void setActivity(Map<String, Object> d, String activityId, String activityName) {
        d.put(ACTIVITY_ID, activityId);
        d.put(ACTIVITY_NAME, activityName);
        d.put(ACTIVITY_NAME_SORT, sortKey(activityName));
        d.put(FACET_ACTIVITY, facetKey(activityId, activityName));
    }

    private static void setDomain(Map<String, Object> d, String domainId, String domainName) {
        d.put(DOMAIN_ID, domainId);
        d.put(DOMAIN_NAME, domainName);
        d.put(FACET_DOMAIN, facetKey(domainId, domainName));
    }

    /** Work units with their names (the id when the organisation read model does not know it). */
    private void setWorkUnits(Map<String, Object> d, List<String> workUnitIds) {
        Map<String, String> names = workUnitNames(workUnitIds);
        List<String> ordered = workUnitIds.stream().map(names::get).toList();
        d.put(WORK_UNIT_IDS, workUnitIds);
        d.put(WORK_UNIT_NAMES, ordered);
        d.put(WORK_UNIT_SORT, ordered.stream().map(NomenclatureSearchProjection::sortKey).sorted().findFirst().orElse(null));
        d.put(FACET_WORK_UNITS, workUnitIds.stream().map(w -> facetKey(w, names.get(w))).toList());
    }

    /** A task, document or risk carries its activity's id, name, domain and work units. */
    private static void inheritActivity(Map<String, Object> d, Map<String, Object> activity) {
        setActivity(d, (String) activity.get(ACTIVITY_ID), (String) activity.get(ACTIVITY_NAME));
        setDomain(d, (String) activity.get(DOMAIN_ID), (String) activity.get(DOMAIN_NAME));
        if (!KIND_CAUSE.equals(d.get(KIND))) {
            d.put(WORK_UNIT_IDS, activity.get(WORK_UNIT_IDS));
            d.put(WORK_UNIT_NAMES, activity.get(WORK_UNIT_NAMES));
            d.put(WORK_UNIT_SORT, activity.get(WORK_UNIT_SORT));
            d.put(FACET_WORK_UNITS, activity.get(FACET_WORK_UNITS));
        }
    }

    private static void created(Map<String, Object> d, Instant at, long version) {
        d.put(CREATED_AT, at.toString());
        updated(d, at, version);
    }

    private static void updated(Map<String, Object> d, Instant at, long version) {
        d.put(UPDATED_AT, at.toString());
        d.put(VERSION, version);
    }

    private void setStatus(String id, ItemStatus status, Instant at, long version, long seq) {
        Map<String, Object> d = document(id);
        d.put(STATUS, status.name());
        updated(d, at, version);
        write(d, seq);
    }

    static String sortKey(String name) {
        return name == null ? null : RomanianText.nameKey(name);
    }

    static String facetKey(String id, String name) {
        return id == null ? null : id + FACET_SEPARATOR + (name == null ? id : name);
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    // ---------------------------------------------------------------- organisation facts (this group's own copy)

    /**
     * A fact a document needed before it was known is recorded as awaited (a row without a value and
     * sequence number {@value #AWAITED}): only then does its arrival look for the documents to complete, so
     * the usual order (the organisation first, or a rebuild) costs no search per org unit or work unit.
     */
    private static final long AWAITED = -2;

    private boolean awaited(String table, UUID id) {
        return jdbc.sql("SELECT last_event_seq FROM " + table + " WHERE id = ?").param(id).query(Long.class)
                .optional().map(seq -> seq == AWAITED).orElse(false);
    }

    private void await(String table, Collection<UUID> ids) {
        for (UUID id : ids) {
            jdbc.sql("INSERT INTO " + table + " (id, last_event_seq) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(id, AWAITED).update();
        }
    }

    private Map<String, String> workUnitNames(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        ids.forEach(id -> names.put(id, id));
        if (jdbc != null && !ids.isEmpty()) {
            Set<UUID> unknown = new HashSet<>();
            ids.forEach(id -> unknown.add(UUID.fromString(id)));
            jdbc.sql("SELECT id, name FROM nomenclature_search_work_unit WHERE id IN (:ids)")
                    .param("ids", List.copyOf(unknown))
                    .query((rs, n) -> {
                        unknown.remove(rs.getObject("id", UUID.class));
                        return rs.getString("name") == null ? null : Map.entry(rs.getString("id"), rs.getString("name"));
                    })
                    .list().stream().filter(Objects::nonNull).forEach(e -> names.put(e.getKey(), e.getValue()));
            await("nomenclature_search_work_unit", unknown);
        }
        return names;
    }

    private String county(UUID orgUnitId) {
        if (jdbc == null || orgUnitId == null) {
            return null;
        }
        Optional<String> known = jdbc.sql("SELECT county FROM nomenclature_search_org_unit WHERE id = ?").param(orgUnitId)
                .query((rs, n) -> Objects.requireNonNullElse(rs.getString("county"), "")).optional();
        if (known.isEmpty()) {
            await("nomenclature_search_org_unit", List.of(orgUnitId));
        }
        return known.filter(county -> !county.isEmpty()).orElse(null);
    }

    // ---------------------------------------------------------------- Elasticsearch plumbing

    /** A modifiable copy of the current document (buffered in this batch, else from the index). */
    private Map<String, Object> document(String id) {
        Map<String, Object> d = documentOrNull(id);
        if (d == null) {
            throw new IllegalStateException("Search document " + index.name() + "/" + id + " is missing; the index needs a replay");
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> documentOrNull(String id) {
        Object buffered = pendingWrites().buffered(index.name(), id);
        if (buffered != null) {
            return new LinkedHashMap<>((Map<String, Object>) buffered);
        }
        try {
            var response = client.get(g -> g.index(index.name()).id(id), Map.class);
            return response.found() ? new LinkedHashMap<>((Map<String, Object>) response.source()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records that {@code childId}'s document carries {@code parentId}'s activity or task fields: an activity's
     * tasks, documents, risks and regulatory causes, a task's documents. In the batch's transaction, so it is
     * there exactly when the child's document is (a reset empties both).
     */
    private void link(String parentId, String childId) {
        if (parentId != null) {
            jdbc.sql("INSERT INTO nomenclature_search_child (parent_id, child_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(UUID.fromString(parentId), UUID.fromString(childId)).update();
        }
    }

    /**
     * The hot-path cascade (an activity or a task revised): the children come from this group's own table,
     * their documents from this batch's buffer or a realtime {@code mget}, so nothing is flushed, refreshed or
     * searched (no children: no Elasticsearch call at all). Each is written at its current version + 1, as
     * {@link #cascade}: the buffered write when it is the latest, else the indexed document (a redelivered
     * batch's older buffered write would be refused).
     */
    @SuppressWarnings("unchecked")
    private void cascadeToChildren(String parentId, Consumer<Map<String, Object>> change) {
        List<String> ids = jdbc.sql("SELECT child_id FROM nomenclature_search_child WHERE parent_id = ? ORDER BY child_id")
                .param(UUID.fromString(parentId)).query(UUID.class).list().stream().map(UUID::toString).toList();
        PendingWrites pending = pendingWrites();
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
            try {
                var response = client.mget(m -> m.index(index.name()).ids(page), Map.class);
                for (var item : response.docs()) {
                    if (item.isFailure()) {
                        throw new IllegalStateException("Reading " + index.name() + "/" + item.failure().id()
                                + " failed: " + item.failure().error().reason());
                    }
                    var indexed = item.result();
                    PendingWrites.Write buffered = pending.bufferedWrite(index.name(), indexed.id());
                    Map<String, Object> child;
                    long version;
                    if (buffered != null && (!indexed.found() || buffered.version() >= indexed.version())) {
                        child = new LinkedHashMap<>((Map<String, Object>) buffered.document());
                        version = buffered.version();
                    } else if (indexed.found()) {
                        child = new LinkedHashMap<>((Map<String, Object>) indexed.source());
                        version = indexed.version();
                    } else {
                        continue;
                    }
                    change.accept(child);
                    pending.put(index.name(), indexed.id(), child, version + 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rewrites every document whose {@code field} is {@code value} (but {@code exceptId}), each at its own version + 1. */
    @SuppressWarnings("unchecked")
    private void cascade(String field, String value, String exceptId, Consumer<Map<String, Object>> change, long seq) {
        pendingWrites().flush();
        try {
            // search sees the index as of its last refresh; without this, recent writes would be missed
            client.indices().refresh(r -> r.index(index.name()));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> searchAfter = after;
                var response = client.search(s -> {
                    s.index(index.name()).size(PAGE).version(true).sort(o -> o.field(f -> f.field(ID)))
                            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(field).value(value)))
                                    .mustNot(m -> m.term(t -> t.field(ID).value(exceptId)))));
                    return searchAfter == null ? s : s.searchAfter(searchAfter);
                }, Map.class);
                List<Hit<Map>> hits = response.hits().hits();
                for (Hit<Map> hit : hits) {
                    Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) hit.source());
                    change.accept(child);
                    pendingWrites().put(index.name(), (String) child.get(ID), child, hit.version() + 1);
                }
                if (hits.size() < PAGE) {
                    return;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A write for an event of the document's own entry, sequence number {@code seq}. */
    private void write(Map<String, Object> document, long seq) {
        pendingWrites().put(index.name(), (String) document.get(ID), document, externalVersion(seq));
    }

    /** The external version of a document after the event {@code seq} of its own entry (see the class comment). */
    static long externalVersion(long seq) {
        return (seq + 1) << 20;
    }

    /** Whether the entry's document already shows the event {@code seq} of the entry (or a later one). */
    private static boolean alreadyApplied(Map<String, Object> document, long seq) {
        Object version = document.get(VERSION);
        return version instanceof Number n && n.longValue() >= EntityVersion.of(seq);
    }

    private PendingWrites pendingWrites() {
        return PendingWrites.ofCurrentBatch(client, this);
    }
}
