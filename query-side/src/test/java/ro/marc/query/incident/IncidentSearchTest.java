package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.org.County;
import ro.marc.query.support.TestServices;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IncidentSearchProjection} on the running Elasticsearch, fed the incidents' events, read back through
 * {@link ElasticsearchIncidentSearch}: title and content, every word, diacritics optional, edits replace the text,
 * a replayed event changes nothing.
 */
class IncidentSearchTest {

    private static final String PREFIX = "marc-it-incident-" + UUID.randomUUID().toString().substring(0, 8);

    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final IncidentIndex index = new IncidentIndex(client, PREFIX);
    private final IncidentSearchProjection projection = new IncidentSearchProjection(index);
    private final IncidentSearch search = new ElasticsearchIncidentSearch(client, index);

    private final UUID bribe = UUID.randomUUID();
    private final UUID permits = UUID.randomUUID();
    private final UUID fuel = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        index.delete();
        index.ensureCreated();
    }

    @AfterAll
    static void dropIndex() throws IOException {
        TestServices.elasticsearch().indices().delete(d -> d.index(PREFIX + "-incidents").ignoreUnavailable(true));
    }

    private static IncidentDetails details(String title, String content, IncidentType type) {
        return new IncidentDetails(title, County.CJ, UUID.randomUUID(), "IPJ Cluj", type, LocalDate.of(2026, 3, 12),
                "1234", LocalDate.of(2026, 4, 2), content);
    }

    private void recorded(UUID id, String title, String content) {
        projection.on(new IntegrityIncidentRecorded(id, details(title, content, IncidentType.INDICTMENT)), 0);
    }

    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index.name()));
    }

    private void threeIncidents() throws IOException {
        recorded(bribe, "Luare de mită în trafic",
                "Un agent a pretins o sumă de bani pentru a nu aplica amenda contravențională la un control rutier.");
        recorded(permits, "Permise de armă eliberate fără îndeplinirea condițiilor",
                "Lucrătorul a primit foloase necuvenite (mită) pentru eliberarea permisului de armă.");
        recorded(fuel, "Bonuri de carburant însușite",
                "Foi de parcurs completate cu deplasări fictive; ştampilă aplicată fără verificare.");
        refresh();
    }

    @Test
    void words_without_diacritics_find_the_text_with_them_in_the_title_and_the_content() throws IOException {
        threeIncidents();

        assertThat(search.matching("mita")).containsExactlyInAnyOrder(bribe, permits);
        assertThat(search.matching("MITĂ")).containsExactlyInAnyOrder(bribe, permits);
        assertThat(search.matching("  contraventionala  ")).containsExactly(bribe);
        assertThat(search.matching("insusite")).as("a title word").containsExactly(fuel);
        // the legacy cedilla letters fold like the comma-below ones, on either side
        assertThat(search.matching("ștampilă")).containsExactly(fuel);
        assertThat(search.matching("ştampila")).containsExactly(fuel);
    }

    @Test
    void every_word_must_match_across_title_and_content_the_last_one_also_as_a_prefix() throws IOException {
        threeIncidents();

        assertThat(search.matching("mita arma")).containsExactly(permits);
        assertThat(search.matching("trafic amenda")).as("title and content together").containsExactly(bribe);
        assertThat(search.matching("mita carburant")).isEmpty();
        assertThat(search.matching("mita perm")).as("the last word as typed").containsExactly(permits);
        assertThat(search.matching("perm mita")).as("a word before the last is whole").isEmpty();
        assertThat(search.matching("spaga")).isEmpty();
    }

    @Test
    void blank_text_matches_nothing() throws IOException {
        threeIncidents();

        assertThat(search.matching(null)).isEmpty();
        assertThat(search.matching("   ")).isEmpty();
    }

    @Test
    void an_edit_replaces_the_text_and_a_replayed_older_event_changes_nothing() throws IOException {
        recorded(bribe, "Luare de mită", "Un agent a pretins bani la un control rutier.");
        refresh();
        assertThat(search.matching("rutier")).containsExactly(bribe);

        // the second change of the incident (seq 2: a link came between): the text is the edit's
        projection.on(new IntegrityIncidentEdited(bribe, details("Luare de mită — condamnare",
                "Instanța a dispus condamnarea pentru fapta săvârșită la punctul de trecere a frontierei.",
                IncidentType.CONVICTION), IncidentType.INDICTMENT), 2);
        refresh();
        assertThat(search.matching("rutier")).isEmpty();
        assertThat(search.matching("condamnare frontier")).containsExactly(bribe);

        // redelivered after the edit (a replay, a retried batch): refused by the external version
        recorded(bribe, "Luare de mită", "Un agent a pretins bani la un control rutier.");
        refresh();
        assertThat(search.matching("rutier")).isEmpty();
        assertThat(search.matching("frontierei")).containsExactly(bribe);
    }

    @Test
    void a_reset_empties_the_index_for_the_replay() throws IOException {
        threeIncidents();
        assertThat(search.matching("mita")).hasSize(2);

        projection.reset();
        refresh();
        assertThat(search.matching("mita")).isEmpty();

        recorded(bribe, "Luare de mită în trafic", "Un agent a pretins bani.");
        refresh();
        assertThat(search.matching("mita")).containsExactly(bribe);
    }
}
