package ro.marc.query.incident;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.incident.CategoryRecord;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentDocument;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.InvolvedPerson;
import ro.marc.events.incident.PersonCategory;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.UnlinkReason;
import ro.marc.events.incident.event.IncidentDocumentAttached;
import ro.marc.events.incident.event.IncidentDocumentRemoved;
import ro.marc.events.incident.event.IncidentDocumentRevised;
import ro.marc.events.incident.event.IncidentRiskLinkRevised;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IncidentRiskUnlinked;
import ro.marc.events.incident.event.IntegrityIncidentArchived;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.org.County;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link IncidentReadModelProjection} on a real PostgreSQL, fed the incidents' events as the command side writes
 * them (through Axon's {@link AnnotationEventHandlerAdapter}, so sequence numbers, timestamps and the sender are
 * resolved the real way), read back through {@link IncidentQueries}: the lifecycle (indictment → conviction,
 * indictment → acquittal removing the links, archive), documents, every filter, every sort both ways with its
 * keyset cursor, statistics, counts by activity, visibility by org scope and by activities, and redelivery.
 * The org tree comes from the real org aggregates; the nomenclature's approved activities are written as its
 * read model holds them.
 */
class IncidentProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final IncidentReadModelProjection projection = new IncidentReadModelProjection(jdbc, JsonMapper.builder().build());
    private final AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
    private final IncidentQueries queries = new IncidentQueries(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));

    private final UUID root = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID turda = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID bucuresti = UUID.randomUUID();

    private final UUID wuOrdine = UUID.randomUUID();
    private final UUID wuRutiera = UUID.randomUUID();
    private final UUID domOrdine = UUID.randomUUID();
    private final UUID domRutier = UUID.randomUUID();
    private final UUID actControl = UUID.randomUUID();
    private final UUID actPaza = UUID.randomUUID();
    private final UUID actPermis = UUID.randomUUID();
    private final UUID actProposed = UUID.randomUUID();
    private final UUID riskMita = UUID.randomUUID();
    private final UUID riskFavor = UUID.randomUUID();

    private final UUID admin = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID e = UUID.randomUUID();

    private final Map<UUID, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();
    private int clock;

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE incident, incident_risk_link, incident_document").update();
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit, app_user").update();
        jdbc.sql("TRUNCATE nomenclature_domain, nomenclature_item, nomenclature_item_work_unit").update();
        org.initialise(root, "MARC");
        org.create(cluj, root, "IPJ Cluj", County.CJ);
        org.create(turda, cluj, "Poliția Municipiului Turda", County.CJ);
        org.create(iasi, root, "IPJ Iași", County.IS);
        org.create(bucuresti, root, "DGPMB", County.B);
        domain(domOrdine, "Ordine publică");
        domain(domRutier, "Circulație rutieră");
        activity(actControl, "Constatarea contravențiilor", domOrdine, "APPROVED", wuOrdine);
        activity(actPaza, "Paza obiectivelor", domOrdine, "APPROVED", wuOrdine);
        activity(actPermis, "Examinarea pentru permis", domRutier, "APPROVED", wuRutiera);
        activity(actProposed, "Activitate propusă", domOrdine, "PROPOSED", wuOrdine);
        jdbc.sql("""
                INSERT INTO app_user (id, issuer, subject, display_name, display_name_folded, email, org_unit_id, active,
                                      version, last_event_seq, created_at, updated_at)
                VALUES (?, 'iss', 'sub-admin', 'Adrian Central', 'adrian central', NULL, ?, TRUE, 1, 0, now(), now())""")
                .params(admin, root).update();
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void indictmentThenConvictionWithLinksAndDocuments() {
        deliver(a, recorded(a, "Mită la constatarea contravențiilor", County.CJ, cluj, "IPJ Cluj", IncidentType.INDICTMENT,
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)));
        IncidentView recorded = queries.incident(a).orElseThrow();
        assertThat(recorded.type()).isEqualTo(IncidentType.INDICTMENT);
        assertThat(recorded.version()).isEqualTo(1);
        assertThat(recorded.recordedByName()).isEqualTo("Adrian Central");
        assertThat(recorded.fileNumber()).isEqualTo("12345");
        assertThat(recorded.content()).isEqualTo("Conținut scurt, fără date personale.");
        assertThat(recorded.createdAt()).isEqualTo(recorded.updatedAt());

        UUID link = UUID.randomUUID();
        deliver(a, new IncidentRiskLinked(a, link(link, cluj, "IPJ Cluj", wuOrdine, actControl, riskMita)));
        UUID report = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        deliver(a, new IncidentDocumentAttached(a, new IncidentDocument(report, IncidentDocumentKind.EVALUATION_REPORT,
                "Raport de evaluare", "Constatări", "raport.pdf", "application/pdf", "ab".repeat(32), 1234), "Tudor Clujeanu"));
        deliver(a, new IncidentDocumentAttached(a, new IncidentDocument(decision, IncidentDocumentKind.OTHER,
                "Sentința penală", null, "sentinta.pdf", "application/pdf", "ab".repeat(32), 1234), "Tudor Clujeanu"));
        deliver(a, new IncidentDocumentRevised(a, report, "Raport de evaluare (revizuit)", "Constatări completate"));
        deliver(a, new IncidentDocumentRemoved(a, decision, "ab".repeat(32)));
        deliver(a, new IntegrityIncidentEdited(a, details("Mită la constatarea contravențiilor", County.CJ, cluj, "IPJ Cluj",
                IncidentType.CONVICTION, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)), IncidentType.INDICTMENT));
        RiskLink revised = new RiskLink(link, cluj, "IPJ Cluj", wuOrdine, "Ordine publică", domOrdine, "Ordine publică",
                actControl, "Constatarea contravențiilor", riskMita, "Mită",
                List.of(new CategoryRecord(PersonCategory.AGENTS, List.of(new InvolvedPerson(2, "Condamnare", null)), List.of())));
        deliver(a, new IncidentRiskLinkRevised(a, revised));

        IncidentView convicted = queries.incident(a).orElseThrow();
        assertThat(convicted.type()).isEqualTo(IncidentType.CONVICTION);
        assertThat(convicted.version()).isEqualTo(8);
        assertThat(convicted.archived()).isFalse();
        assertThat(convicted.links()).containsExactly(revised);
        assertThat(convicted.links()).extracting(RiskLink::domainName).containsExactly("Ordine publică");
        assertThat(convicted.documents()).singleElement().satisfies(doc -> {
            assertThat(doc.documentId()).isEqualTo(report);
            assertThat(doc.incidentId()).isEqualTo(a);
            assertThat(doc.orgUnitId()).isEqualTo(cluj);
            assertThat(doc.kind()).isEqualTo(IncidentDocumentKind.EVALUATION_REPORT);
            assertThat(doc.title()).isEqualTo("Raport de evaluare (revizuit)");
            assertThat(doc.summary()).isEqualTo("Constatări completate");
            assertThat(doc.fileName()).isEqualTo("raport.pdf");
            assertThat(doc.sha256()).isEqualTo("ab".repeat(32));
            assertThat(doc.size()).isEqualTo(1234);
            assertThat(doc.uploadedByName()).isEqualTo("Tudor Clujeanu");
        });
        assertThat(queries.document(report)).map(IncidentDocumentView::title).contains("Raport de evaluare (revizuit)");
        assertThat(queries.document(decision)).isEmpty();
        assertThat(queries.incident(UUID.randomUUID())).isEmpty();
    }

    @Test
    void categoriesAndAdditionalFieldsComeBackAsLinked() {
        deliver(a, recorded(a, "Mită", County.CJ, cluj, "IPJ Cluj", IncidentType.INDICTMENT, LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 20)));
        RiskLink link = link(UUID.randomUUID(), cluj, "IPJ Cluj", wuOrdine, actControl, riskMita);
        deliver(a, new IncidentRiskLinked(a, link));
        assertThat(queries.incident(a).orElseThrow().links()).containsExactly(link);
        assertThat(link.categories().getFirst().additionalFields()).hasSize(2);
    }

    @Test
    void anAcquittalRemovesTheLinksAndTheIncidentNoLongerCounts() {
        seed();
        IncidentView acquitted = queries.incident(c).orElseThrow();
        assertThat(acquitted.type()).isEqualTo(IncidentType.ACQUITTAL);
        assertThat(acquitted.links()).isEmpty();
        assertThat(list(IncidentFilter.none(), IncidentVisibility.everything())).contains(c);
        assertThat(list(filter(f -> f.activityIds = Set.of(actControl)), IncidentVisibility.everything()))
                .containsExactlyInAnyOrder(a, e);
        assertThat(queries.visible(c, new IncidentVisibility(OrgScope.nothing(), Set.of(actControl)))).isFalse();
    }

    @Test
    void anArchivedIncidentIsOutOfListsAndCountsButStillReadable() {
        seed();
        assertThat(queries.incident(d).orElseThrow().archived()).isTrue();
        assertThat(list(IncidentFilter.none(), IncidentVisibility.everything())).containsExactlyInAnyOrder(a, b, c, e);
        assertThat(list(filter(f -> f.includeArchived = true), IncidentVisibility.everything()))
                .containsExactlyInAnyOrder(a, b, c, d, e);
        assertThat(queries.statistics(IncidentFilter.none(), IncidentVisibility.everything(), null).total()).isEqualTo(4);
        assertThat(queries.statistics(filter(f -> f.includeArchived = true), IncidentVisibility.everything(), null).total())
                .isEqualTo(5);
    }

    // ------------------------------------------------------------------ filters

    @Test
    void everyFilter() {
        seed();
        IncidentVisibility all = IncidentVisibility.everything();
        assertThat(list(filter(f -> f.counties = Set.of(County.IS)), all)).containsExactlyInAnyOrder(b, e);
        assertThat(list(filter(f -> f.counties = Set.of(County.IS, County.B)), all)).containsExactlyInAnyOrder(b, c, e);
        assertThat(list(filter(f -> f.orgUnitIds = Set.of(cluj)), all)).containsExactly(a);
        assertThat(list(filter(f -> {
            f.orgUnitIds = Set.of(turda);
            f.includeArchived = true;
        }), all)).containsExactly(d);
        assertThat(list(filter(f -> f.types = Set.of(IncidentType.INDICTMENT)), all)).containsExactlyInAnyOrder(b, e);
        assertThat(list(filter(f -> f.types = Set.of(IncidentType.CONVICTION, IncidentType.ACQUITTAL)), all))
                .containsExactlyInAnyOrder(a, c);
        assertThat(list(filter(f -> f.from = LocalDate.of(2026, 3, 10)), all)).containsExactlyInAnyOrder(a, b, e);
        assertThat(list(filter(f -> f.to = LocalDate.of(2026, 3, 10)), all)).containsExactlyInAnyOrder(a, c);
        assertThat(list(filter(f -> {
            f.from = LocalDate.of(2026, 1, 1);
            f.to = LocalDate.of(2026, 4, 30);
        }), all)).containsExactly(a);
        assertThat(list(filter(f -> f.workUnitIds = Set.of(wuRutiera)), all)).containsExactly(b);
        assertThat(list(filter(f -> f.domainIds = Set.of(domOrdine)), all)).containsExactlyInAnyOrder(a, e);
        assertThat(list(filter(f -> f.domainIds = Set.of(domOrdine, domRutier)), all)).containsExactlyInAnyOrder(a, b, e);
        assertThat(list(filter(f -> f.activityIds = Set.of(actPermis)), all)).containsExactly(b);
        assertThat(list(filter(f -> f.riskIds = Set.of(riskMita)), all)).containsExactlyInAnyOrder(a, e);
        assertThat(list(filter(f -> {
            f.riskIds = Set.of(riskMita);
            f.counties = Set.of(County.IS);
        }), all)).containsExactly(e);
        // the text search's matches narrow the list; none matched: nothing
        assertThat(ids(queries.incidents(IncidentFilter.none(), all, List.of(a, d, UUID.randomUUID()),
                IncidentSort.byDefault(), 10, null))).containsExactly(a);
        assertThat(ids(queries.incidents(IncidentFilter.none(), all, List.of(), IncidentSort.byDefault(), 10, null))).isEmpty();
        assertThat(queries.statistics(IncidentFilter.none(), all, List.of(a, b)).total()).isEqualTo(2);
    }

    @Test
    void statisticsPerTypeAndCounty() {
        seed();
        IncidentStatistics stats = queries.statistics(IncidentFilter.none(), IncidentVisibility.everything(), null);
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.byType()).isEqualTo(Map.of(IncidentType.INDICTMENT, 2, IncidentType.CONVICTION, 1,
                IncidentType.ACQUITTAL, 1));
        assertThat(stats.byCounty()).isEqualTo(Map.of(County.CJ, 1, County.IS, 2, County.B, 1));

        IncidentStatistics withArchived = queries.statistics(filter(f -> f.includeArchived = true),
                new IncidentVisibility(new OrgScope(false, Set.of("CJ"), Set.of(), Set.of()), Set.of()), null);
        assertThat(withArchived.total()).isEqualTo(2);
        assertThat(withArchived.byType()).isEqualTo(Map.of(IncidentType.CONVICTION, 2));
        assertThat(withArchived.byCounty()).isEqualTo(Map.of(County.CJ, 2));
    }

    // ------------------------------------------------------------------ sorting and paging

    @Test
    void everySortBothWaysPagesThroughWithItsCursor() {
        seed();
        Map<UUID, IncidentView> views = new HashMap<>();
        for (UUID id : List.of(a, b, c, d, e)) {
            views.put(id, queries.incident(id).orElseThrow());
        }
        Map<IncidentSort.Field, Function<IncidentView, Comparable>> keys = Map.of(
                IncidentSort.Field.INCIDENT_DATE, IncidentView::incidentDate,
                IncidentSort.Field.FILE_REGISTERED_ON, IncidentView::fileRegisteredOn,
                IncidentSort.Field.TITLE, v -> RomanianText.fold(v.title()),
                IncidentSort.Field.COUNTY, v -> RomanianText.fold(v.county().displayName()),
                IncidentSort.Field.ORG_UNIT, v -> RomanianText.fold(v.orgUnitName()),
                IncidentSort.Field.TYPE, v -> v.type().ordinal(),
                IncidentSort.Field.RECORDED_AT, IncidentView::createdAt);
        IncidentFilter withArchived = filter(f -> f.includeArchived = true);
        for (IncidentSort.Field field : IncidentSort.Field.values()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<IncidentView> byKey = (x, y) -> keys.get(field).apply(x).compareTo(keys.get(field).apply(y));
            // PostgreSQL orders uuids byte by byte, as their text
            Comparator<IncidentView> ascending = byKey.thenComparing((IncidentView v) -> v.id().toString());
            List<UUID> expected = views.values().stream().sorted(ascending).map(IncidentView::id).toList();
            assertThat(pageThrough(withArchived, new IncidentSort(field, false), 2)).as(field + " ascending")
                    .containsExactlyElementsOf(expected);
            assertThat(pageThrough(withArchived, new IncidentSort(field, true), 2)).as(field + " descending")
                    .containsExactlyElementsOf(expected.reversed());
        }
        // the designed orders, by hand, for the fields whose order is not plain
        assertThat(pageThrough(withArchived, new IncidentSort(IncidentSort.Field.TITLE, false), 3))
                .containsExactly(d, b, e, a, c);
        assertThat(pageThrough(withArchived, new IncidentSort(IncidentSort.Field.RECORDED_AT, false), 1))
                .containsExactly(a, b, c, d, e);
        assertThat(pageThrough(withArchived, new IncidentSort(IncidentSort.Field.TYPE, false), 5).subList(0, 2))
                .containsExactlyInAnyOrder(b, e);
        // the default: newest incident first
        assertThat(ids(queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null, null, 1, null)))
                .containsExactly(b.toString().compareTo(e.toString()) > 0 ? b : e);
    }

    @Test
    void aCursorOfAnotherListOrSortOrNoCursorAtAllIsRefused() {
        seed();
        IncidentSort byTitle = new IncidentSort(IncidentSort.Field.TITLE, false);
        Page<IncidentView> first = queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null, byTitle, 1, null);
        assertThat(first.hasNextPage()).isTrue();
        String cursor = first.endCursor();
        assertThatThrownBy(() -> queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                new IncidentSort(IncidentSort.Field.TITLE, true), 1, cursor)).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                new IncidentSort(IncidentSort.Field.INCIDENT_DATE, false), 1, cursor)).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                byTitle, 1, "not-a-cursor!")).isInstanceOf(InvalidCursor.class);
        String badDate = Cursor.encode("INCIDENT_DATE:asc", "2026-13-40", a.toString());
        assertThatThrownBy(() -> queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                new IncidentSort(IncidentSort.Field.INCIDENT_DATE, false), 1, badDate)).isInstanceOf(InvalidCursor.class);
        String badRank = Cursor.encode("TYPE:asc", "-1", a.toString());
        assertThatThrownBy(() -> queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                new IncidentSort(IncidentSort.Field.TYPE, false), 1, badRank)).isInstanceOf(InvalidCursor.class);
    }

    // ------------------------------------------------------------------ counts by activity

    @Test
    void countsByActivityOfTheWorkUnitsWithZeroIncluded() {
        seed();
        assertThat(queries.countsByActivity(List.of(wuOrdine))).containsExactly(
                new ActivityIncidentCount(actControl, "Constatarea contravențiilor", domOrdine, "Ordine publică", 2),
                new ActivityIncidentCount(actPaza, "Paza obiectivelor", domOrdine, "Ordine publică", 0));
        assertThat(queries.countsByActivity(List.of(wuOrdine, wuRutiera))).containsExactly(
                new ActivityIncidentCount(actPermis, "Examinarea pentru permis", domRutier, "Circulație rutieră", 1),
                new ActivityIncidentCount(actControl, "Constatarea contravențiilor", domOrdine, "Ordine publică", 2),
                new ActivityIncidentCount(actPaza, "Paza obiectivelor", domOrdine, "Ordine publică", 0));
        assertThat(queries.countsByActivity(List.of(UUID.randomUUID()))).isEmpty();
        assertThat(queries.countsByActivity(List.of())).isEmpty();
        assertThat(queries.activitiesOf(List.of(wuOrdine))).containsExactlyInAnyOrder(actControl, actPaza);
        assertThat(queries.activitiesOf(List.of(wuOrdine, wuRutiera))).containsExactlyInAnyOrder(actControl, actPaza, actPermis);
        assertThat(queries.activitiesOf(List.of())).isEmpty();

        // unarchived incidents count again when another link names the activity: an incident counts once
        deliver(a, new IncidentRiskLinked(a, link(UUID.randomUUID(), turda, "Poliția Municipiului Turda", wuOrdine,
                actControl, riskMita)));
        assertThat(queries.countsByActivity(List.of(wuOrdine)).getFirst().incidents()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ visibility

    @Test
    void visibilityByOrgScopeAndByActivities() {
        seed();
        IncidentFilter withArchived = filter(f -> f.includeArchived = true);
        OrgScope clujCounty = new OrgScope(false, Set.of("CJ"), Set.of(), Set.of());
        assertThat(list(withArchived, new IncidentVisibility(clujCounty, Set.of()))).containsExactlyInAnyOrder(a, d);
        String turdaPath = jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(turda).query(String.class).single();
        assertThat(list(withArchived, new IncidentVisibility(new OrgScope(false, Set.of(), Set.of(turdaPath), Set.of()),
                Set.of()))).containsExactly(d);
        assertThat(list(withArchived, new IncidentVisibility(new OrgScope(false, Set.of(), Set.of(), Set.of(iasi)),
                Set.of()))).containsExactlyInAnyOrder(b, e);
        // a member whose work units hold the activity: the incidents linked to it, wherever they happened
        IncidentVisibility linkedToPermis = new IncidentVisibility(OrgScope.nothing(), Set.of(actPermis));
        assertThat(list(withArchived, linkedToPermis)).containsExactly(b);
        assertThat(list(withArchived, new IncidentVisibility(clujCounty, Set.of(actPermis)))).containsExactlyInAnyOrder(a, b, d);
        assertThat(queries.statistics(IncidentFilter.none(), linkedToPermis, null).total()).isEqualTo(1);

        assertThat(queries.visible(a, new IncidentVisibility(clujCounty, Set.of()))).isTrue();
        assertThat(queries.visible(c, new IncidentVisibility(clujCounty, Set.of()))).isFalse();
        assertThat(queries.visible(b, linkedToPermis)).isTrue();
        assertThat(queries.visible(e, linkedToPermis)).isFalse();
        assertThat(queries.visible(d, new IncidentVisibility(clujCounty, Set.of()))).isTrue(); // archived: readable
        assertThat(queries.visible(c, IncidentVisibility.everything())).isTrue();
        assertThat(queries.visible(UUID.randomUUID(), IncidentVisibility.everything())).isFalse();

        IncidentVisibility none = new IncidentVisibility(OrgScope.nothing(), Set.of());
        assertThat(list(withArchived, none)).isEmpty();
        assertThat(queries.statistics(withArchived, none, null).total()).isZero();
        assertThat(queries.visible(a, none)).isFalse();
    }

    @Test
    void anIncidentOfAnOrgUnitTheOrgReadModelDoesNotKnowIsOutsideEveryOrgScope() {
        UUID unknownUnit = UUID.randomUUID();
        deliver(a, recorded(a, "Mită", County.CJ, unknownUnit, "Structură nouă", IncidentType.INDICTMENT,
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)));
        assertThat(queries.visible(a, new IncidentVisibility(new OrgScope(false, Set.of("CJ"), Set.of(), Set.of()), Set.of())))
                .isFalse();
        assertThat(queries.visible(a, IncidentVisibility.everything())).isTrue();
    }

    // ------------------------------------------------------------------ redelivery and replay

    @Test
    void redeliveredEventsChangeNothingAndAReplayRebuildsTheSame() {
        seed();
        List<String> before = dump();
        assertThat(before).isNotEmpty();
        history.forEach(this::handle);
        assertThat(dump()).isEqualTo(before);
        // a late redelivery of one old event in the middle of the stream
        handle(history.get(1));
        assertThat(dump()).isEqualTo(before);

        projection.reset();
        assertThat(dump()).isEmpty();
        history.forEach(this::handle);
        assertThat(dump()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ the incidents

    /**
     * A: Cluj, conviction, linked to the control activity; B: Iași, indictment, linked to the driving-licence exam;
     * C: Bucharest, acquitted (its link removed); D: Turda (Cluj), conviction, linked, archived; E: Iași,
     * indictment, linked to the control activity, the same day as B.
     */
    private void seed() {
        deliver(a, recorded(a, "Mită la constatarea contravențiilor", County.CJ, cluj, "IPJ Cluj", IncidentType.INDICTMENT,
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)));
        deliver(a, new IncidentRiskLinked(a, link(UUID.randomUUID(), cluj, "IPJ Cluj", wuOrdine, actControl, riskMita)));
        deliver(a, new IntegrityIncidentEdited(a, details("Mită la constatarea contravențiilor", County.CJ, cluj,
                "IPJ Cluj", IncidentType.CONVICTION, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)),
                IncidentType.INDICTMENT));

        deliver(b, recorded(b, "Favorizare la examinarea auto", County.IS, iasi, "IPJ Iași", IncidentType.INDICTMENT,
                LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 4)));
        deliver(b, new IncidentRiskLinked(b, link(UUID.randomUUID(), iasi, "IPJ Iași", wuRutiera, actPermis, riskFavor)));

        deliver(c, recorded(c, "Trafic de influență", County.B, bucuresti, "DGPMB", IncidentType.INDICTMENT,
                LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 1)));
        UUID cLink = UUID.randomUUID();
        deliver(c, new IncidentRiskLinked(c, link(cLink, bucuresti, "DGPMB", wuOrdine, actControl, riskMita)));
        deliver(c, new IntegrityIncidentEdited(c, details("Trafic de influență", County.B, bucuresti, "DGPMB",
                IncidentType.ACQUITTAL, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 1)), IncidentType.INDICTMENT));
        deliver(c, new IncidentRiskUnlinked(c, cLink, riskMita, UnlinkReason.ACQUITTAL));

        deliver(d, recorded(d, "Abuz în serviciu", County.CJ, turda, "Poliția Municipiului Turda", IncidentType.CONVICTION,
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16)));
        deliver(d, new IncidentRiskLinked(d, link(UUID.randomUUID(), turda, "Poliția Municipiului Turda", wuOrdine,
                actControl, riskMita)));
        deliver(d, new IntegrityIncidentArchived(d));

        deliver(e, recorded(e, "Luare de mită la ghișeu", County.IS, iasi, "IPJ Iași", IncidentType.INDICTMENT,
                LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3)));
        deliver(e, new IncidentRiskLinked(e, link(UUID.randomUUID(), iasi, "IPJ Iași", wuOrdine, actControl, riskMita)));
    }

    private IntegrityIncidentRecorded recorded(UUID id, String title, County county, UUID orgUnit, String orgUnitName,
                                               IncidentType type, LocalDate on, LocalDate registeredOn) {
        return new IntegrityIncidentRecorded(id, details(title, county, orgUnit, orgUnitName, type, on, registeredOn));
    }

    private static IncidentDetails details(String title, County county, UUID orgUnit, String orgUnitName, IncidentType type,
                                           LocalDate on, LocalDate registeredOn) {
        return new IncidentDetails(title, county, orgUnit, orgUnitName, type, on, "12345", registeredOn,
                "Conținut scurt, fără date personale.");
    }

    private RiskLink link(UUID linkId, UUID orgUnit, String orgUnitName, UUID workUnit, UUID activity, UUID risk) {
        boolean permis = activity.equals(actPermis);
        return new RiskLink(linkId, orgUnit, orgUnitName, workUnit, permis ? "Poliție rutieră" : "Ordine publică",
                permis ? domRutier : domOrdine, permis ? "Circulație rutieră" : "Ordine publică", activity,
                permis ? "Examinarea pentru permis" : "Constatarea contravențiilor", risk, permis ? "Favorizare" : "Mită",
                List.of(new CategoryRecord(PersonCategory.OFFICERS,
                                List.of(new InvolvedPerson(3, "Condamnare la 2 ani cu suspendare", "2024–2025"),
                                        new InvolvedPerson(1, "Amendă penală", null)),
                                List.of("Prejudiciu recuperat", "Măsuri disciplinare")),
                        new CategoryRecord(PersonCategory.CIVIL_SERVANTS, List.of(new InvolvedPerson(1, "Renunțare", null)),
                                List.of())));
    }

    // ------------------------------------------------------------------ plumbing

    /** A mutable filter, for the tests' one-liners. */
    private static final class FilterBuilder {
        Set<County> counties;
        Set<UUID> orgUnitIds;
        Set<IncidentType> types;
        LocalDate from;
        LocalDate to;
        Set<UUID> workUnitIds;
        Set<UUID> domainIds;
        Set<UUID> activityIds;
        Set<UUID> riskIds;
        boolean includeArchived;
    }

    private static IncidentFilter filter(Consumer<FilterBuilder> set) {
        FilterBuilder f = new FilterBuilder();
        set.accept(f);
        return new IncidentFilter(null, f.counties, f.orgUnitIds, f.types, f.from, f.to, f.workUnitIds, f.domainIds,
                f.activityIds, f.riskIds, f.includeArchived);
    }

    private List<UUID> list(IncidentFilter filter, IncidentVisibility visibility) {
        return ids(queries.incidents(filter, visibility, null, IncidentSort.byDefault(), 100, null));
    }

    private List<UUID> pageThrough(IncidentFilter filter, IncidentSort sort, int size) {
        List<UUID> all = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 20; pages++) {
            Page<IncidentView> page = queries.incidents(filter, IncidentVisibility.everything(), null, sort, size, after);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            all.addAll(ids(page));
            if (!page.hasNextPage()) {
                return all;
            }
            after = page.endCursor();
        }
        throw new AssertionError("paging did not end");
    }

    private static List<UUID> ids(Page<IncidentView> page) {
        return page.items().stream().map(IncidentView::id).toList();
    }

    private void domain(UUID id, String name) {
        jdbc.sql("""
                INSERT INTO nomenclature_domain (id, parent_id, name, name_folded, version, last_event_seq, created_at, updated_at)
                VALUES (?, NULL, ?, ?, 1, 0, now(), now())""").params(id, name, RomanianText.fold(name)).update();
    }

    private void activity(UUID id, String name, UUID domain, String status, UUID workUnit) {
        jdbc.sql("""
                INSERT INTO nomenclature_item (id, kind, parent_id, activity_id, name, name_folded, domain_id, status,
                                               version, last_event_seq, created_at, updated_at)
                VALUES (?, 'ACTIVITY', NULL, ?, ?, ?, ?, ?, 1, 0, now(), now())""")
                .params(id, id, name, RomanianText.fold(name), domain, status).update();
        jdbc.sql("INSERT INTO nomenclature_item_work_unit (item_id, work_unit_id) VALUES (?, ?)").params(id, workUnit).update();
    }

    /** The next event of incident {@code id}, sent by the administrator, one minute after the previous event. */
    private DomainEventMessage<?> deliver(UUID id, Object payload) {
        long seq = sequences.merge(id, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("IntegrityIncident", id.toString(), seq, payload,
                MetaData.with("userId", admin.toString()), UUID.randomUUID().toString(), T0.plusSeconds(60L * clock++));
        history.add(message);
        handle(message);
        return message;
    }

    private void handle(DomainEventMessage<?> message) {
        try {
            assertThat(handler.canHandle(message)).isTrue();
            handler.handle(message);
        } catch (Exception ex) {
            throw new IllegalStateException("Handling " + message.getPayload() + " failed", ex);
        }
    }

    private List<String> dump() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("incident ORDER BY id", "incident_risk_link ORDER BY incident_id, link_id",
                "incident_document ORDER BY incident_id, document_id")) {
            rows.addAll(jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                }
                return row.toString();
            }).list());
        }
        return rows;
    }
}
