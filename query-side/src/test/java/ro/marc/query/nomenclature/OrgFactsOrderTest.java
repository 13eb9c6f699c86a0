package ro.marc.query.nomenclature;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.query.support.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the nomenclature projections build from their own events. The organisation's events (a work unit
 * defined and renamed, an org unit created with its county) and the nomenclature's (a domain, an activity
 * naming the work unit, proposed from the org unit, its task and risk) sit in different catalogues, so two
 * segments may hand them to a group in either order: the read model rows and the search documents must come
 * out the same in every order.
 */
class OrgFactsOrderTest {

    private static final String PREFIX = "marc-test-orgfacts-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final List<NomenclatureIndex> indexes = new ArrayList<>();

    private final UUID workUnit = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID domain = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();
    private final UUID risk = UUID.randomUUID();
    private final String proposer = UUID.randomUUID().toString();

    private final DomainEventMessage<?> workUnitDefined = event(workUnit, 0, 1, new WorkUnitDefined(workUnit, "Permise auto"));
    private final DomainEventMessage<?> workUnitRenamed = event(workUnit, 1, 2,
            new WorkUnitRenamed(workUnit, "Permise și certificate", "Permise auto"));
    private final DomainEventMessage<?> orgUnitCreated = event(cluj, 0, 3,
            new OrgUnitCreated(cluj, UUID.randomUUID(), "IPJ Cluj", 2, County.CJ));
    private final List<DomainEventMessage<?>> organisation = List.of(workUnitDefined, workUnitRenamed, orgUnitCreated);
    private final List<DomainEventMessage<?>> nomenclature = List.of(
            event(domain, 0, 10, new DomainDefined(domain, null, "Ordine publică")),
            event(activity, 0, 11, new ActivityProposed(activity, "Emiterea permiselor", null, domain, List.of(workUnit),
                    List.of(), proposer, cluj)),
            event(task, 0, 12, new TaskProposed(task, activity, "Verificarea dosarului", proposer, cluj)),
            event(risk, 0, 13, new RiskProposed(risk, activity, "Mită", null, proposer, cluj)));

    @BeforeEach
    void clean() {
        truncate();
    }

    @AfterEach
    void dropIndexes() {
        indexes.forEach(NomenclatureIndex::delete);
        truncate();
    }

    private void truncate() {
        jdbc.sql("""
                TRUNCATE nomenclature_domain, nomenclature_item, nomenclature_item_work_unit, nomenclature_attachment,
                         nomenclature_org_unit_county, nomenclature_search_work_unit, nomenclature_search_org_unit""")
                .update();
    }

    @Test
    void organisationFirstOrNomenclatureFirstOrInterleavedGiveTheSameRowsAndDocuments() {
        Outcome organisationFirst = project(concat(organisation, nomenclature));
        Outcome nomenclatureFirst = project(concat(nomenclature, organisation));
        Outcome interleaved = project(List.of(workUnitDefined, nomenclature.get(0), nomenclature.get(1), workUnitRenamed,
                nomenclature.get(2), orgUnitCreated, nomenclature.get(3)));

        // what every order must give: the work unit's latest name, the org unit's county, on every entry
        for (String id : List.of(activity.toString(), task.toString(), risk.toString())) {
            Map<String, Object> document = organisationFirst.documents().get(id);
            assertThat(document.get(NomenclatureIndex.WORK_UNIT_NAMES)).as(id).isEqualTo(List.of("Permise și certificate"));
            assertThat(document.get(NomenclatureIndex.WORK_UNIT_SORT)).as(id)
                    .isEqualTo(NomenclatureSearchProjection.sortKey("Permise și certificate"));
            assertThat(document.get(NomenclatureIndex.PROPOSER_COUNTY)).as(id).isEqualTo("CJ");
        }
        assertThat(organisationFirst.rows()).hasSize(3).allMatch(row -> row.contains("county=CJ"));

        assertThat(nomenclatureFirst).isEqualTo(organisationFirst);
        assertThat(interleaved).isEqualTo(organisationFirst);
    }

    @Test
    void beforeTheFactsArriveTheIdStandsForTheNameAndTheCountyIsEmpty() {
        Outcome early = project(nomenclature);

        Map<String, Object> document = early.documents().get(activity.toString());
        assertThat(document.get(NomenclatureIndex.WORK_UNIT_NAMES)).isEqualTo(List.of(workUnit.toString()));
        assertThat(document.get(NomenclatureIndex.PROPOSER_COUNTY)).isNull();
        assertThat(early.rows()).allMatch(row -> row.contains("county=null"));
    }

    @Test
    void aRedeliveredOldRenameDoesNotBringBackTheOldName() {
        List<DomainEventMessage<?>> events = new ArrayList<>(concat(organisation, nomenclature));
        events.add(workUnitDefined); // at-least-once: an old event again, after the rename
        Outcome outcome = project(events);

        assertThat(outcome.documents().get(activity.toString()).get(NomenclatureIndex.WORK_UNIT_NAMES))
                .isEqualTo(List.of("Permise și certificate"));
    }

    // ------------------------------------------------------------------ projecting one order

    private record Outcome(List<String> rows, Map<String, Map<String, Object>> documents) {
    }

    /** Both projections (read model and a fresh search index) fed {@code events} in this order, from empty tables. */
    private Outcome project(List<DomainEventMessage<?>> events) {
        truncate();
        NomenclatureIndex index = new NomenclatureIndex(client, PREFIX + "-" + INDEXES.incrementAndGet());
        index.delete();
        index.ensureCreated();
        indexes.add(index);
        List<AnnotationEventHandlerAdapter> handlers = List.of(
                new AnnotationEventHandlerAdapter(new NomenclatureReadModelProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new NomenclatureSearchProjection(client, index, jdbc)));
        for (DomainEventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Handling " + event.getPayload() + " failed", e);
                }
            }
        }
        List<String> rows = jdbc.sql("""
                        SELECT id, kind, name, activity_id, proposer_org_unit_id, proposer_county, version, last_event_seq,
                               ARRAY(SELECT x.work_unit_id::text FROM nomenclature_item_work_unit x WHERE x.item_id = i.id
                                      ORDER BY 1) AS work_units
                          FROM nomenclature_item i ORDER BY id""")
                .query((rs, n) -> rs.getString("id") + " " + rs.getString("kind") + " " + rs.getString("name")
                        + " activity=" + rs.getString("activity_id") + " orgUnit=" + rs.getString("proposer_org_unit_id")
                        + " county=" + rs.getString("proposer_county") + " v" + rs.getLong("version")
                        + " seq=" + rs.getLong("last_event_seq") + " " + Arrays.toString((Object[]) rs.getArray("work_units").getArray()))
                .list();
        Map<String, Map<String, Object>> documents = new TreeMap<>();
        for (UUID id : List.of(domain, activity, task, risk)) {
            documents.put(id.toString(), source(index, id.toString()));
        }
        return new Outcome(rows, documents);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(NomenclatureIndex index, String id) {
        try {
            var response = client.get(g -> g.index(index.name()).id(id), Map.class);
            assertThat(response.found()).as("document " + id).isTrue();
            return new TreeMap<>((Map<String, Object>) response.source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event of entity {@code id}, its {@code seq}-th; {@code minute}: its fixed timestamp and identifier. */
    private static DomainEventMessage<?> event(UUID id, long seq, int minute, Object payload) {
        return new GenericDomainEventMessage<>("Test", id.toString(), seq, payload,
                MetaData.with("userId", "system"), UUID.nameUUIDFromBytes((id + "/" + seq).getBytes()).toString(),
                T0.plusSeconds(60L * minute));
    }

    private static List<DomainEventMessage<?>> concat(List<DomainEventMessage<?>> first, List<DomainEventMessage<?>> then) {
        List<DomainEventMessage<?>> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
