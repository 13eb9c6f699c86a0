package ro.marc.query.questionnaire;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.org.County;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerDraftSaved;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;
import ro.marc.events.questionnaire.event.QuestionnairePublished;
import ro.marc.query.common.OrgScope;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerItemView;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link QuestionnaireReadModelProjection} on a real PostgreSQL and {@link QuestionnaireSearchProjection} on a
 * real Elasticsearch, fed the questionnaire's events, read back through {@link QuestionnaireQueries} and
 * {@link QuestionnaireSearch}.
 */
class QuestionnaireProjectionTest {

    private final JdbcClient jdbc = TestServices.jdbc();
    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final QuestionnaireQueries queries = new QuestionnaireQueries(jdbc);
    private final QuestionnaireReadModelProjection projection = new QuestionnaireReadModelProjection(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));
    private QuestionnaireIndex index;
    private QuestionnaireSearchProjection searchProjection;
    private QuestionnaireSearch search;

    private final UUID root = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID rutierCluj = UUID.randomUUID();
    private final UUID ipjIasi = UUID.randomUUID();
    private final UUID planCluj = UUID.randomUUID();
    private final UUID planRutier = UUID.randomUUID();
    private final UUID planIasi = UUID.randomUUID();
    private final UUID maria = UUID.randomUUID();
    private final UUID horia = UUID.randomUUID();
    private final UUID ioana = UUID.randomUUID();
    private final UUID q1 = UUID.randomUUID();
    private final UUID q2 = UUID.randomUUID();
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE questionnaire_answer_item, questionnaire_answer, questionnaire_question, questionnaire_version").update();
        org.initialise(root, "MARC");
        org.create(ipjCluj, root, "IPJ Cluj", County.CJ);
        org.create(rutierCluj, ipjCluj, "Serviciul Rutier Cluj", null);
        org.create(ipjIasi, root, "IPJ Iași", County.IS);
        index = new QuestionnaireIndex(client, "marc-test-questionnaire-" + UUID.randomUUID());
        index.ensureCreated();
        searchProjection = new QuestionnaireSearchProjection(client, index);
        search = new QuestionnaireSearch(client, index);
    }

    @AfterEach
    void dropIndex() throws IOException {
        client.indices().delete(d -> d.index(index.name()).ignoreUnavailable(true));
    }

    private List<Question> questions() {
        return List.of(new Question(q1, "Care sunt activitățile cele mai vulnerabile la corupție?", "Gândiți-vă la ultimul an", AnswerKind.TEXT),
                new Question(q2, "Există proceduri scrise?", null, AnswerKind.YES_NO));
    }

    private void saved(UUID plan, UUID orgUnit, String orgUnitName, UUID respondent, String name, long seq, AnswerItem... items) {
        QuestionnaireAnswerDraftSaved event = new QuestionnaireAnswerDraftSaved(QuestionnaireIds.answerId(plan, respondent), plan,
                orgUnit, orgUnitName, respondent, name, 1, List.of(items));
        projection.on(event, seq, t0.plusSeconds(seq));
        searchProjection.on(event, seq);
    }

    @Test
    void versions_are_kept_with_their_questions_newest_first() {
        projection.on(new QuestionnairePublished(QuestionnaireIds.STANDARD, 1, questions()), t0, "system");
        projection.on(new QuestionnairePublished(QuestionnaireIds.STANDARD, 2, questions().subList(1, 2)), t0.plusSeconds(5), "admin");
        projection.on(new QuestionnairePublished(QuestionnaireIds.STANDARD, 2, questions()), t0.plusSeconds(6), "admin"); // replayed: ignored
        assertThat(queries.current().orElseThrow().version()).isEqualTo(2);
        assertThat(queries.current().orElseThrow().questions()).extracting(QuestionnaireViews.QuestionView::id).containsExactly(q2);
        assertThat(queries.versions()).extracting(QuestionnaireViews.VersionView::version).containsExactly(2, 1);
        QuestionnaireViews.VersionView first = queries.version(1).orElseThrow();
        assertThat(first.publishedAt()).isEqualTo(t0);
        assertThat(first.questions().getFirst().text()).isEqualTo("Care sunt activitățile cele mai vulnerabile la corupție?");
        assertThat(first.questions().getFirst().help()).isEqualTo("Gândiți-vă la ultimul an");
        assertThat(first.questions().get(1).kind()).isEqualTo("YES_NO");
    }

    @Test
    void an_answer_is_saved_replaced_and_finalised_and_replays_change_nothing() {
        saved(planCluj, ipjCluj, "IPJ Cluj", maria, "Maria Pop", 0, new AnswerItem(q1, "Achizițiile", null));
        saved(planCluj, ipjCluj, "IPJ Cluj", maria, "Maria Pop", 1, new AnswerItem(q1, "Achizițiile publice", null),
                new AnswerItem(q2, "parțial", true));
        saved(planCluj, ipjCluj, "IPJ Cluj", maria, "Maria Pop", 0, new AnswerItem(q1, "vechi", null)); // replayed
        UUID id = QuestionnaireIds.answerId(planCluj, maria);
        projection.on(new QuestionnaireAnswerFinalised(id, planCluj, ipjCluj, maria, "Maria Pop", 1), 2, t0.plusSeconds(9));

        AnswerView answer = queries.answerOf(planCluj, maria).orElseThrow();
        assertThat(answer.status()).isEqualTo("FINALISED");
        assertThat(answer.version()).isEqualTo(3);
        assertThat(answer.questionnaireVersion()).isEqualTo(1);
        assertThat(answer.orgUnitName()).isEqualTo("IPJ Cluj");
        assertThat(answer.startedAt()).isEqualTo(t0);
        assertThat(answer.finalisedAt()).isEqualTo(t0.plusSeconds(9));
        assertThat(answer.answers()).containsExactly(new AnswerItemView(q1, "Achizițiile publice", null),
                new AnswerItemView(q2, "parțial", true));
        assertThat(queries.answerOf(planCluj, horia)).isEmpty();
    }

    @Test
    void answers_of_a_structure_and_below_within_the_caller_s_reach() {
        saved(planCluj, ipjCluj, "IPJ Cluj", maria, "Maria Pop", 0, new AnswerItem(q1, "Achiziții", null));
        saved(planRutier, rutierCluj, "Serviciul Rutier Cluj", horia, "Horia Șerban", 0, new AnswerItem(q1, "Permise", null));
        saved(planIasi, ipjIasi, "IPJ Iași", ioana, "Ioana Țurcanu", 0, new AnswerItem(q1, "Avizări", null));

        assertThat(queries.answersOf(ipjCluj, false, null, OrgScope.everything())).extracting(AnswerView::respondentName)
                .containsExactly("Maria Pop");
        assertThat(queries.answersOf(ipjCluj, true, null, OrgScope.everything())).extracting(AnswerView::respondentName)
                .containsExactly("Maria Pop", "Horia Șerban");
        assertThat(queries.answersOf(ipjCluj, true, planRutier, OrgScope.everything())).extracting(AnswerView::respondentName)
                .containsExactly("Horia Șerban");
        // a territorial administrator of Iași reaches nothing in Cluj; of Cluj, both
        assertThat(queries.answersOf(ipjCluj, true, null, new OrgScope(false, Set.of("IS"), Set.of(), Set.of()))).isEmpty();
        assertThat(queries.answersOf(ipjCluj, true, null, new OrgScope(false, Set.of("CJ"), Set.of(), Set.of()))).hasSize(2);
        // the Rutier head's own subtree does not reach IPJ Cluj itself
        assertThat(queries.answersOf(ipjCluj, true, null, new OrgScope(false, Set.of(), Set.of(), Set.of(rutierCluj))))
                .extracting(AnswerView::respondentName).containsExactly("Horia Șerban");

        // paged one at a time (keyset on structure, respondent, id): the same two, then no more
        var first = queries.answersPage(ipjCluj, true, null, null, OrgScope.everything(), 1, null);
        assertThat(first.items()).extracting(AnswerView::respondentName).containsExactly("Maria Pop");
        assertThat(first.hasNextPage()).isTrue();
        var second = queries.answersPage(ipjCluj, true, null, null, OrgScope.everything(), 1, first.endCursor());
        assertThat(second.items()).extracting(AnswerView::respondentName).containsExactly("Horia Șerban");
        assertThat(second.hasNextPage()).isFalse();
        assertThat(queries.countAnswers(ipjCluj, true, null, null, OrgScope.everything())).isEqualTo(2);
        assertThatThrownBy(() -> queries.answersPage(ipjCluj, true, null, null,
                OrgScope.everything(), 1, "bm9wZQ")).isInstanceOf(ro.marc.query.common.InvalidCursor.class);
    }

    @Test
    void answers_are_found_by_text_with_diacritics_folded() throws IOException {
        saved(planCluj, ipjCluj, "IPJ Cluj", maria, "Maria Pop", 0, new AnswerItem(q1, "Achizițiile publice și avizările", null));
        saved(planRutier, rutierCluj, "Serviciul Rutier Cluj", horia, "Horia Șerban", 0, new AnswerItem(q1, "Examinarea pentru permise", null));
        saved(planRutier, rutierCluj, "Serviciul Rutier Cluj", horia, "Horia Șerban", 1, new AnswerItem(q1, "Înmatriculări și permise", null));
        client.indices().refresh(r -> r.index(index.name()));

        UUID mariaAnswer = QuestionnaireIds.answerId(planCluj, maria);
        UUID horiaAnswer = QuestionnaireIds.answerId(planRutier, horia);
        assertThat(search.search("achizitiile", null)).containsExactly(mariaAnswer);
        assertThat(search.search("ACHIZIȚIILE publ", null)).containsExactly(mariaAnswer);
        assertThat(search.search("inmatriculari", null)).containsExactly(horiaAnswer);
        assertThat(search.search("examinarea", null)).isEmpty(); // replaced by the later draft
        assertThat(search.search("serban", null)).containsExactly(horiaAnswer); // the respondent's name
        assertThat(search.search("permise", planCluj)).isEmpty();
        assertThat(search.search("  ", null)).isEmpty();
        assertThat(queries.answersByIds(search.search("permise", null), OrgScope.everything()))
                .extracting(AnswerView::respondentName).containsExactly("Horia Șerban");
        assertThat(queries.answersByIds(search.search("permise", null), new OrgScope(false, Set.of("IS"), Set.of(), Set.of()))).isEmpty();
    }
}
