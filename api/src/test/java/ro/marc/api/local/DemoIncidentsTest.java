package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.incident.IncidentFiles;
import ro.marc.events.incident.IncidentDocument;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.UnlinkReason;
import ro.marc.events.incident.event.IncidentDocumentAttached;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IncidentRiskUnlinked;
import ro.marc.events.incident.event.IntegrityIncidentArchived;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.org.County;
import ro.marc.query.incident.IncidentFilter;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentSearch;
import ro.marc.query.incident.IncidentSort;
import ro.marc.query.incident.IncidentView;
import ro.marc.query.incident.IncidentVisibility;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo incidents as the start-up sequence seeded them in the local profile: recorded in Cluj, Iași and
 * Bucharest, linked to the demo nomenclature's risks, with their documents kept by hash, a conviction, an
 * acquittal without links, an archived one; found by text without diacritics; member.cluj notified; and a
 * second seeding sends nothing.
 */
class DemoIncidentsTest extends ApiTestSupport {

    private static final UUID MEMBER_CLUJ = DemoAccess.userId("member.cluj");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Autowired
    private EventStore eventStore;

    @Autowired
    private DemoIncidents demo;

    @Autowired
    private IncidentFiles files;

    @Autowired
    private IncidentSearch search;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private IncidentQueries queries;

    private List<Object> events(UUID incidentId) {
        return DemoAccess.history(eventStore, incidentId);
    }

    private <T> List<T> events(UUID incidentId, Class<T> type) {
        return events(incidentId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private IncidentType type(UUID incidentId) {
        IncidentType type = events(incidentId, IntegrityIncidentRecorded.class).getFirst().details().type();
        List<IntegrityIncidentEdited> edits = events(incidentId, IntegrityIncidentEdited.class);
        return edits.isEmpty() ? type : edits.getLast().details().type();
    }

    /** The links not removed since. */
    private List<RiskLink> liveLinks(UUID incidentId) {
        List<UUID> unlinked = events(incidentId, IncidentRiskUnlinked.class).stream().map(IncidentRiskUnlinked::linkId).toList();
        return events(incidentId, IncidentRiskLinked.class).stream().map(IncidentRiskLinked::link)
                .filter(l -> !unlinked.contains(l.linkId())).toList();
    }

    private List<IncidentDocument> documents(UUID incidentId) {
        return events(incidentId, IncidentDocumentAttached.class).stream().map(IncidentDocumentAttached::document).toList();
    }

    @Test
    void six_incidents_in_cluj_iasi_and_bucharest_with_links_documents_a_conviction_an_acquittal_and_an_archived_one() {
        Map<UUID, County> counties = DemoIncidents.ALL.stream().collect(Collectors.toMap(id -> id,
                id -> events(id, IntegrityIncidentRecorded.class).getFirst().details().county()));
        assertThat(counties.values()).containsOnly(County.CJ, County.IS, County.B).contains(County.CJ, County.IS, County.B);
        assertThat(events(DemoIncidents.BUCHAREST_CONVICTION, IntegrityIncidentRecorded.class).getFirst().details().orgUnitName())
                .isEqualTo("Direcția Generală de Poliție a Municipiului București");

        // indictment → conviction, linked on a work unit member.cluj is assigned in the active plan, two documents
        UUID cluj = DemoIncidents.CLUJ_CONVICTION;
        assertThat(events(cluj, IntegrityIncidentRecorded.class).getFirst().details().type()).isEqualTo(IncidentType.INDICTMENT);
        assertThat(type(cluj)).isEqualTo(IncidentType.CONVICTION);
        assertThat(liveLinks(cluj)).singleElement().satisfies(link -> {
            assertThat(link.workUnitId()).isEqualTo(DemoOrganisation.id("wu:Poliție rutieră"));
            assertThat(link.orgUnitId()).isEqualTo(DemoIncidents.IPJ_CLUJ);
            assertThat(link.activityName()).isEqualTo(DemoIncidents.CONTRAVENTII);
            assertThat(link.riskId()).isEqualTo(DemoNomenclature.riskId(DemoIncidents.CONTRAVENTII, DemoIncidents.MITA_CONTRAVENTII));
            assertThat(link.domainName()).isEqualTo("Contravenții");
            assertThat(link.categories()).isNotEmpty();
        });
        assertThat(documents(cluj)).extracting(IncidentDocument::kind)
                .containsExactly(IncidentDocumentKind.EVALUATION_REPORT, IncidentDocumentKind.OTHER);
        assertThat(documents(cluj)).extracting(IncidentDocument::mediaType).containsOnly("application/pdf");

        // indictment → acquittal: its link removed (reason ACQUITTAL), kept in history
        UUID acquitted = DemoIncidents.IASI_ACQUITTAL;
        assertThat(type(acquitted)).isEqualTo(IncidentType.ACQUITTAL);
        assertThat(events(acquitted, IncidentRiskLinked.class)).hasSize(1);
        assertThat(events(acquitted, IncidentRiskUnlinked.class)).singleElement()
                .extracting(IncidentRiskUnlinked::reason).isEqualTo(UnlinkReason.ACQUITTAL);
        assertThat(liveLinks(acquitted)).isEmpty();

        // archived by the central administrator; the others not
        assertThat(events(DemoIncidents.BUCHAREST_ARCHIVED, IntegrityIncidentArchived.class)).hasSize(1);
        assertThat(DemoIncidents.ALL.stream().filter(id -> !events(id, IntegrityIncidentArchived.class).isEmpty()))
                .containsExactly(DemoIncidents.BUCHAREST_ARCHIVED);

        // every incident but the acquitted one keeps a live link; a PNG among the documents
        DemoIncidents.ALL.stream().filter(id -> !id.equals(acquitted))
                .forEach(id -> assertThat(liveLinks(id)).as(id.toString()).isNotEmpty());
        assertThat(documents(DemoIncidents.IASI_CONVICTION)).extracting(IncidentDocument::mediaType).containsExactly("image/png");
    }

    @Test
    void every_document_is_kept_byte_for_byte_under_its_hash() throws NoSuchAlgorithmException {
        List<IncidentDocument> all = DemoIncidents.ALL.stream().flatMap(id -> documents(id).stream()).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        for (IncidentDocument document : all) {
            byte[] content = files.content(document.sha256()).orElseThrow(() -> new AssertionError("no content for " + document));
            assertThat(content).as(document.fileName()).hasSize((int) document.size());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))).isEqualTo(document.sha256());
            if (document.fileName().endsWith(".pdf")) {
                assertThat(new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            } else {
                assertThat(Arrays.copyOf(content, PNG.length)).isEqualTo(PNG);
            }
        }
    }

    @Test
    void seeding_again_sends_nothing() {
        Map<UUID, Integer> before = DemoIncidents.ALL.stream().collect(Collectors.toMap(id -> id, id -> events(id).size()));
        demo.seed();
        assertThat(DemoIncidents.ALL.stream().collect(Collectors.toMap(id -> id, id -> events(id).size()))).isEqualTo(before);
    }

    @Test
    void the_incidents_are_found_by_words_without_diacritics() {
        assertThat(awaitValue(() -> search.matching("mita amenzile contraventionale"), ids -> ids.contains(DemoIncidents.CLUJ_CONVICTION)))
                .contains(DemoIncidents.CLUJ_CONVICTION).doesNotContain(DemoIncidents.IASI_CONVICTION);
        // the archived one is in the index too (the list leaves it out unless asked)
        assertThat(awaitValue(() -> search.matching("incadrarii"), ids -> ids.contains(DemoIncidents.BUCHAREST_ARCHIVED)))
                .contains(DemoIncidents.BUCHAREST_ARCHIVED);
        assertThat(search.matching("stergerea inregistrarilor radar")).contains(DemoIncidents.IASI_CONVICTION)
                .doesNotContain(DemoIncidents.CLUJ_CONVICTION);
    }

    @Test
    void the_read_model_lists_them_the_archived_one_only_when_asked_and_the_acquitted_one_without_links() {
        IncidentView archived = awaitValue(() -> queries.incident(DemoIncidents.BUCHAREST_ARCHIVED).orElse(null),
                v -> v != null && v.archived());
        assertThat(archived.archived()).isTrue();
        IncidentView acquitted = awaitValue(() -> queries.incident(DemoIncidents.IASI_ACQUITTAL).orElse(null),
                v -> v != null && v.type() == IncidentType.ACQUITTAL && v.documents().size() == 1);
        assertThat(acquitted.links()).isEmpty();
        IncidentView cluj = awaitValue(() -> queries.incident(DemoIncidents.CLUJ_CONVICTION).orElse(null),
                v -> v != null && v.type() == IncidentType.CONVICTION && v.documents().size() == 2);
        assertThat(cluj.links()).hasSize(1);

        List<UUID> listed = queries.incidents(IncidentFilter.none(), IncidentVisibility.everything(), null,
                IncidentSort.byDefault(), 500, null).items().stream().map(IncidentView::id).toList();
        assertThat(listed).containsAll(DemoIncidents.ALL.stream().filter(id -> !id.equals(DemoIncidents.BUCHAREST_ARCHIVED)).toList())
                .doesNotContain(DemoIncidents.BUCHAREST_ARCHIVED);
        IncidentFilter withArchived = new IncidentFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(queries.incidents(withArchived, IncidentVisibility.everything(), null, IncidentSort.byDefault(), 500, null)
                .items().stream().map(IncidentView::id)).contains(DemoIncidents.BUCHAREST_ARCHIVED);
    }

    @Test
    void member_cluj_is_notified_of_the_incidents_linked_to_their_work_units() {
        long notified = awaitValue(() -> jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = ? AND kind = 'INCIDENT_LINKED'")
                .param(MEMBER_CLUJ).query(Long.class).single(), n -> n >= 2);
        assertThat(notified).as("the two Cluj links are on Poliție rutieră and Ordine publică, both assigned to member.cluj")
                .isGreaterThanOrEqualTo(2);
    }
}
