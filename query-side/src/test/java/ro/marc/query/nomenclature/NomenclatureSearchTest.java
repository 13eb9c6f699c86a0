package ro.marc.query.nomenclature;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.nomenclature.*;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.text.RomanianText;
import ro.marc.query.nomenclature.ProposalVisibility;
import ro.marc.query.nomenclature.NomenclatureSearch.FacetCount;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureHit;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureQuery;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureSearchResult;
import ro.marc.query.nomenclature.NomenclatureSearch.Sort;
import ro.marc.query.support.NomenclatureCommands;
import ro.marc.query.support.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link NomenclatureSearchProjection} and {@link NomenclatureSearch} against a real Elasticsearch
 * (and the organisation read model's work_unit / org_unit rows in a real PostgreSQL). Events are fed
 * back to back without refreshing; only searches refresh.
 */
class NomenclatureSearchTest {

    private static final String PREFIX = "marc-it-nomenclature-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger INDEX_SETS = new AtomicInteger();
    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    private static final String ADMIN = "admin-central";
    private static final String MEMBER_CLUJ = "member-cluj";
    private static final String MEMBER_BIHOR = "member-bihor";

    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final JdbcClient jdbc = TestServices.jdbc();
    private NomenclatureIndex index;
    private NomenclatureSearch search;
    private NomenclatureCommands stream;
    private NomenclatureSearchProjection projection;

    private final UUID central = UUID.randomUUID();
    private final UUID ouCluj = UUID.randomUUID();
    private final UUID ouBihor = UUID.randomUUID();
    private final UUID wuRutier = UUID.randomUUID();
    private final UUID wuAchizitii = UUID.randomUUID();
    private final UUID wuResurse = UUID.randomUUID();
    private final UUID domPublic = UUID.randomUUID();
    private final UUID domAdmin = UUID.randomUUID();
    private final UUID actRutier = UUID.randomUUID();
    private final UUID actAchizitii = UUID.randomUUID();
    private final UUID actRecrutare = UUID.randomUUID();
    private final UUID riskFals = UUID.randomUUID();
    private final UUID riskFavorizare = UUID.randomUUID();
    private final UUID riskOferte = UUID.randomUUID();
    private final UUID riskNepotism = UUID.randomUUID();
    private final UUID riskConflict = UUID.randomUUID();
    private final UUID riskMita = UUID.randomUUID();
    private final UUID taskVerificare = UUID.randomUUID();
    private final UUID docProces = UUID.randomUUID();
    private final UUID cause = UUID.randomUUID();
    private final UUID issuer = UUID.randomUUID();
    private final UUID actType = UUID.randomUUID();
    private final UUID actStatus = UUID.randomUUID();

    @BeforeEach
    void indexTheNomenclature() {
        index = new NomenclatureIndex(client, PREFIX + "-" + INDEX_SETS.incrementAndGet());
        index.ensureCreated();
        search = new NomenclatureSearch(client, index);
        projection = new NomenclatureSearchProjection(client, index, jdbc);
        stream = new NomenclatureCommands(projection).actingAs(ADMIN);

        orgUnit(central, "Direcția Generală Anticorupție", null);
        orgUnit(ouCluj, "IPJ Cluj", "CJ");
        orgUnit(ouBihor, "IPJ Bihor", "BH");
        workUnit(wuRutier, "Poliție rutieră");
        workUnit(wuAchizitii, "Achiziții publice");
        workUnit(wuResurse, "Resurse umane");

        stream.defineDomain(domPublic, null, "Ordine publică");
        stream.defineDomain(domAdmin, null, "Administrativ");
        approvedActivity(actRutier, "Constatarea contravențiilor rutiere", "Sancționarea abaterilor în trafic",
                domPublic, List.of(wuRutier));
        approvedActivity(actAchizitii, "Atribuirea contractelor de achiziție publică", null, domAdmin,
                List.of(wuResurse, wuAchizitii));
        stream.proposeActivity(actRecrutare, "Recrutarea personalului", null, domAdmin, List.of(wuResurse),
                List.of(), MEMBER_CLUJ, ouCluj);

        approvedRisk(riskFals, actRutier, "Întocmirea în fals a unor documente pentru plata pe loc a contravențiilor", null);
        approvedRisk(riskFavorizare, actRutier, "Favorizarea unor persoane",
                "Întocmirea în fals a proceselor-verbale de constatare");
        stream.proposeRisk(riskOferte, actAchizitii, "Falsificarea ofertelor", null, MEMBER_BIHOR, ouBihor);
        stream.proposeRisk(riskNepotism, actRecrutare, "Nepotism la angajare", null, MEMBER_CLUJ, ouCluj);
        stream.proposeRisk(riskConflict, actAchizitii, "Conflict de interese", null, MEMBER_CLUJ, ouCluj);
        stream.reject(riskConflict, "duplicat");
        approvedRisk(riskMita, actRutier, "Mită pentru anularea amenzii", null);
        stream.deactivateItem(riskMita);

        stream.proposeTask(taskVerificare, actRutier, "Verificarea documentelor", ADMIN, central);
        stream.accept(taskVerificare);
        stream.proposeDocument(docProces, taskVerificare, "Proces-verbal de constatare", Periodicity.MONTHLY,
                ADMIN, central);
        stream.accept(docProces);

        stream.defineEntry(issuer, ReferenceList.ACT_ISSUER, "Guvernul României");
        stream.defineEntry(actType, ReferenceList.ACT_TYPE, "Ordonanță");
        stream.defineEntry(actStatus, ReferenceList.ACT_STATUS, "În vigoare");
        stream.addCause(cause, causeDetails("Lipsa controlului ierarhic"), ADMIN, central);
    }

    @AfterEach
    void dropIndex() {
        stream.close();
        index.delete();
    }

    // ------------------------------------------------------------------ text and relevance

    @Test
    void findsWithAndWithoutDiacriticsAndRanksNameMatchesFirst() {
        NomenclatureSearchResult plain = find(NomenclatureQuery.text("intocmirea in fals"), ProposalVisibility.all());
        assertThat(ids(plain)).containsExactly(id(riskFals), id(riskFavorizare));
        assertThat(plain.total()).isEqualTo(2);
        NomenclatureHit first = plain.hits().getFirst();
        assertThat(first.highlight())
                .isEqualTo("<em>Întocmirea</em> <em>în</em> <em>fals</em> a unor documente pentru plata pe loc a contravențiilor");
        assertThat(first.score()).isGreaterThan(plain.hits().get(1).score());
        assertThat(first.kind()).isEqualTo("RISK");
        assertThat(first.activityName()).isEqualTo("Constatarea contravențiilor rutiere");
        assertThat(first.domainName()).isEqualTo("Ordine publică");
        assertThat(first.workUnitNames()).containsExactly("Poliție rutieră");
        assertThat(first.status()).isEqualTo("APPROVED");
        assertThat(first.createdAt()).isNotNull();
        // the description-only match keeps its plain name
        assertThat(plain.hits().get(1).highlight()).isEqualTo("Favorizarea unor persoane");

        assertThat(ids(find(NomenclatureQuery.text("Întocmirea ÎN FALS"), ProposalVisibility.all())))
                .containsExactly(id(riskFals), id(riskFavorizare));
        // legacy cedilla letters fold the same
        assertThat(ids(find(NomenclatureQuery.text("contraven\u0163iilor rutiere"), ProposalVisibility.all())))
                .contains(id(actRutier));
        // search as you type: the last word is a prefix
        assertThat(ids(find(NomenclatureQuery.text("plata pe lo"), ProposalVisibility.all()))).containsExactly(id(riskFals));
        // every word is required, but may sit in different fields (name + description)
        assertThat(ids(find(NomenclatureQuery.text("favorizarea contraventiilor"), ProposalVisibility.all()))).isEmpty();
        assertThat(ids(find(NomenclatureQuery.text("favorizarea proceselor-verbale"), ProposalVisibility.all())))
                .containsExactly(id(riskFavorizare));
    }

    @Test
    void searchesTheTextOfRegulatoryCauses() {
        NomenclatureSearchResult factors = find(NomenclatureQuery.text("controlului ierarhic"), ProposalVisibility.all());
        assertThat(ids(factors)).containsExactly(id(cause));
        NomenclatureHit hit = factors.hits().getFirst();
        assertThat(hit.kind()).isEqualTo("CAUSE");
        assertThat(hit.name()).isEqualTo("Ordonanța privind regimul juridic al contravențiilor");
        assertThat(hit.activityName()).isEqualTo("Constatarea contravențiilor rutiere");
        assertThat(hit.workUnitNames()).containsExactly("Poliție rutieră");
        assertThat(ids(find(NomenclatureQuery.text("amenintari"), ProposalVisibility.all()))).containsExactly(id(cause));
        assertThat(ids(find(NomenclatureQuery.text("digitalizarea platii"), ProposalVisibility.all()))).containsExactly(id(cause));
        assertThat(ids(find(NomenclatureQuery.text("extrasul articolului"), ProposalVisibility.all()))).containsExactly(id(cause));
        assertThat(find(NomenclatureQuery.text("regimul juridic"), ProposalVisibility.all()).hits().getFirst().highlight())
                .isEqualTo("Ordonanța privind <em>regimul</em> <em>juridic</em> al contravențiilor");

        stream.editCause(cause, causeDetails("Lipsa transparenței"));
        assertThat(ids(find(NomenclatureQuery.text("controlului ierarhic"), ProposalVisibility.all()))).isEmpty();
        assertThat(ids(find(NomenclatureQuery.text("transparentei"), ProposalVisibility.all()))).containsExactly(id(cause));
        stream.deactivateCause(cause);
        assertThat(ids(find(NomenclatureQuery.text("transparentei"), ProposalVisibility.all()))).isEmpty();
        assertThat(ids(find(NomenclatureQuery.builder().text("transparentei").statuses(ItemStatus.INACTIVE).build(),
                ProposalVisibility.all()))).containsExactly(id(cause));
    }

    // ------------------------------------------------------------------ filters

    @Test
    void filtersByEveryCriterion() {
        ProposalVisibility all = ProposalVisibility.all();
        assertThat(ids(find(q().kinds("RISK").build(), all)))
                .containsExactlyInAnyOrder(id(riskFals), id(riskFavorizare), id(riskOferte), id(riskNepotism));
        assertThat(ids(find(q().kinds("TASK", "DOCUMENT").build(), all)))
                .containsExactlyInAnyOrder(id(taskVerificare), id(docProces));
        assertThat(ids(find(q().kinds("CAUSE").build(), all))).containsExactly(id(cause));
        assertThat(ids(find(q().kinds("DOMAIN").build(), all))).containsExactlyInAnyOrder(id(domPublic), id(domAdmin));
        // domains never appear unless asked for
        assertThat(ids(find(q().first(100).build(), all))).doesNotContain(id(domPublic), id(domAdmin)).hasSize(10);

        assertThat(ids(find(q().workUnitIds(id(wuAchizitii)).build(), all)))
                .containsExactlyInAnyOrder(id(actAchizitii), id(riskOferte));
        assertThat(ids(find(q().workUnitIds(id(wuAchizitii), id(wuRutier)).kinds("ACTIVITY").build(), all)))
                .containsExactlyInAnyOrder(id(actAchizitii), id(actRutier));
        assertThat(ids(find(q().activityId(id(actRutier)).build(), all))).containsExactlyInAnyOrder(id(actRutier),
                id(riskFals), id(riskFavorizare), id(taskVerificare), id(docProces), id(cause));
        assertThat(ids(find(q().taskId(id(taskVerificare)).build(), all)))
                .containsExactlyInAnyOrder(id(taskVerificare), id(docProces));
        assertThat(ids(find(q().domainId(id(domAdmin)).build(), all)))
                .containsExactlyInAnyOrder(id(actAchizitii), id(actRecrutare), id(riskOferte), id(riskNepotism));
        assertThat(ids(find(q().statuses(ItemStatus.REJECTED).build(), all))).containsExactly(id(riskConflict));
        assertThat(ids(find(q().statuses(ItemStatus.PROPOSED).build(), all)))
                .containsExactlyInAnyOrder(id(actRecrutare), id(riskOferte), id(riskNepotism));
        assertThat(ids(find(q().proposerUserId(MEMBER_CLUJ).build(), all)))
                .containsExactlyInAnyOrder(id(actRecrutare), id(riskNepotism));
        assertThat(ids(find(q().proposerUserId(MEMBER_CLUJ).statuses(ItemStatus.values()).build(), all)))
                .containsExactlyInAnyOrder(id(actRecrutare), id(riskNepotism), id(riskConflict));

        // created between: events are one minute apart, in the order of the set-up
        Instant riskOferteAt = createdAt(riskOferte);
        assertThat(ids(find(q().createdFrom(riskOferteAt).createdTo(riskOferteAt.plusSeconds(120)).build(), all)))
                .containsExactlyInAnyOrder(id(riskOferte), id(riskNepotism));
        assertThat(ids(find(q().createdTo(createdAt(actAchizitii)).build(), all))).containsExactly(id(actRutier));
        assertThat(ids(find(q().createdFrom(createdAt(cause)).build(), all))).containsExactly(id(cause));

        // filters combine with the text
        assertThat(ids(find(q().text("fals").kinds("RISK").workUnitIds(id(wuAchizitii)).build(), all)))
                .containsExactly(id(riskOferte));
    }

    @Test
    void statusesDefaultToApprovedAndProposed() {
        ProposalVisibility all = ProposalVisibility.all();
        List<String> byDefault = ids(find(q().kinds("RISK").build(), all));
        assertThat(byDefault).doesNotContain(id(riskConflict), id(riskMita)).hasSize(4);
        assertThat(ids(find(q().kinds("RISK").statuses(ItemStatus.REJECTED, ItemStatus.INACTIVE).build(), all)))
                .containsExactlyInAnyOrder(id(riskConflict), id(riskMita));
        assertThat(ids(find(q().kinds("RISK").statuses(ItemStatus.values()).build(), all))).hasSize(6);
        assertThat(ids(find(NomenclatureQuery.text("mita amenzii"), all))).isEmpty();
    }

    // ------------------------------------------------------------------ visibility

    @Test
    void proposalsAreVisibleOnlyToWhomTheyConcern() {
        NomenclatureQuery nepotism = NomenclatureQuery.text("nepotism");
        assertThat(ids(find(nepotism, ProposalVisibility.own(MEMBER_BIHOR)))).isEmpty();
        assertThat(ids(find(nepotism, ProposalVisibility.own(MEMBER_CLUJ)))).containsExactly(id(riskNepotism));
        assertThat(ids(find(nepotism, ProposalVisibility.all()))).containsExactly(id(riskNepotism));
        assertThat(ids(find(nepotism, new ProposalVisibility(false, null, Set.of("CJ"))))).containsExactly(id(riskNepotism));
        assertThat(ids(find(nepotism, new ProposalVisibility(false, MEMBER_BIHOR, Set.of("BH", "SV"))))).isEmpty();

        // approved entries are national; the rejected one is its proposer's only
        NomenclatureQuery risks = q().kinds("RISK").statuses(ItemStatus.values()).build();
        assertThat(ids(find(risks, ProposalVisibility.own(MEMBER_BIHOR))))
                .containsExactlyInAnyOrder(id(riskFals), id(riskFavorizare), id(riskMita), id(riskOferte));
        assertThat(ids(find(risks, ProposalVisibility.own("someone-else"))))
                .containsExactlyInAnyOrder(id(riskFals), id(riskFavorizare), id(riskMita));
        assertThat(ids(find(risks, new ProposalVisibility(false, "x", Set.of("CJ")))))
                .containsExactlyInAnyOrder(id(riskFals), id(riskFavorizare), id(riskMita), id(riskNepotism), id(riskConflict));
        assertThat(find(risks, new ProposalVisibility(false, "x", Set.of("CJ"))).total()).isEqualTo(5);

        // once accepted, the proposal is national
        stream.accept(riskNepotism);
        assertThat(ids(find(nepotism, ProposalVisibility.own(MEMBER_BIHOR)))).containsExactly(id(riskNepotism));
    }

    // ------------------------------------------------------------------ facets

    @Test
    void facetsCountWhatTheCallerMaySee() {
        NomenclatureSearchResult all = find(q().build(), ProposalVisibility.all());
        assertThat(all.total()).isEqualTo(10);
        assertThat(counts(all.facets().kinds()))
                .isEqualTo(Map.of("ACTIVITY", 3L, "TASK", 1L, "DOCUMENT", 1L, "RISK", 4L, "CAUSE", 1L));
        // the status facet ignores the status filter (so REJECTED and INACTIVE show what one could add)
        assertThat(counts(all.facets().statuses()))
                .isEqualTo(Map.of("APPROVED", 7L, "PROPOSED", 3L, "REJECTED", 1L, "INACTIVE", 1L));
        assertThat(names(all.facets().workUnits())).isEqualTo(Map.of(
                "Poliție rutieră", 6L, "Achiziții publice", 2L, "Resurse umane", 4L));
        assertThat(all.facets().workUnits()).anySatisfy(f -> {
            assertThat(f.value()).isEqualTo(id(wuRutier));
            assertThat(f.name()).isEqualTo("Poliție rutieră");
        });
        assertThat(names(all.facets().domains())).isEqualTo(Map.of("Ordine publică", 6L, "Administrativ", 4L));
        assertThat(names(all.facets().activities())).isEqualTo(Map.of(
                "Constatarea contravențiilor rutiere", 6L, "Atribuirea contractelor de achiziție publică", 2L,
                "Recrutarea personalului", 2L));

        // visibility applies to facets: a Bihor member sees neither the Cluj proposals nor the rejected one
        NomenclatureSearchResult bihor = find(q().build(), ProposalVisibility.own(MEMBER_BIHOR));
        assertThat(bihor.total()).isEqualTo(8);
        assertThat(counts(bihor.facets().kinds()))
                .isEqualTo(Map.of("ACTIVITY", 2L, "TASK", 1L, "DOCUMENT", 1L, "RISK", 3L, "CAUSE", 1L));
        assertThat(counts(bihor.facets().statuses())).isEqualTo(Map.of("APPROVED", 7L, "PROPOSED", 1L, "INACTIVE", 1L));
        assertThat(names(bihor.facets().activities())).isEqualTo(Map.of(
                "Constatarea contravențiilor rutiere", 6L, "Atribuirea contractelor de achiziție publică", 2L));

        // text and filters apply to the other facets; a facet ignores only its own filter
        NomenclatureSearchResult risks = find(q().kinds("RISK").domainId(id(domPublic)).build(), ProposalVisibility.all());
        assertThat(risks.total()).isEqualTo(2);
        assertThat(counts(risks.facets().kinds()))
                .isEqualTo(Map.of("ACTIVITY", 1L, "TASK", 1L, "DOCUMENT", 1L, "RISK", 2L, "CAUSE", 1L));
        assertThat(names(risks.facets().domains())).isEqualTo(Map.of("Ordine publică", 2L, "Administrativ", 2L));
        assertThat(counts(risks.facets().statuses())).isEqualTo(Map.of("APPROVED", 2L, "INACTIVE", 1L));
        NomenclatureSearchResult fals = find(q().text("fals").build(), ProposalVisibility.all());
        assertThat(counts(fals.facets().kinds())).isEqualTo(Map.of("RISK", 3L));
        assertThat(names(fals.facets().workUnits())).isEqualTo(Map.of(
                "Poliție rutieră", 2L, "Achiziții publice", 1L, "Resurse umane", 1L));
    }

    // ------------------------------------------------------------------ sorts and paging

    @Test
    void sortsByNameWorkUnitAndActivityBothWays() {
        ProposalVisibility all = ProposalVisibility.all();
        NomenclatureQuery everything = q().first(100).statuses(ItemStatus.values()).build();
        Comparator<NomenclatureHit> byName = Comparator.comparing(h -> RomanianText.nameKey(h.name()));
        Comparator<NomenclatureHit> byId = Comparator.comparing(NomenclatureHit::id);

        List<NomenclatureHit> nameAsc = find(everything.toBuilder().sort(Sort.NAME_ASC).build(), all).hits();
        assertThat(nameAsc).hasSize(12).isSortedAccordingTo(byName.thenComparing(byId));
        assertThat(nameAsc.getFirst().name()).isEqualTo("Atribuirea contractelor de achiziție publică");
        List<NomenclatureHit> nameDesc = find(everything.toBuilder().sort(Sort.NAME_DESC).build(), all).hits();
        assertThat(nameDesc).isSortedAccordingTo(byName.reversed().thenComparing(byId));
        assertThat(nameDesc.getFirst().name()).isEqualTo("Verificarea documentelor");

        Comparator<NomenclatureHit> byWorkUnit = Comparator.comparing(
                h -> h.workUnitNames().stream().map(RomanianText::nameKey).sorted().findFirst().orElseThrow());
        List<NomenclatureHit> workUnitAsc = find(everything.toBuilder().sort(Sort.WORK_UNIT_ASC).build(), all).hits();
        assertThat(workUnitAsc).isSortedAccordingTo(byWorkUnit.thenComparing(byName).thenComparing(byId));
        assertThat(workUnitAsc.getFirst().workUnitNames()).containsExactly("Resurse umane", "Achiziții publice");
        List<NomenclatureHit> workUnitDesc = find(everything.toBuilder().sort(Sort.WORK_UNIT_DESC).build(), all).hits();
        assertThat(workUnitDesc).isSortedAccordingTo(byWorkUnit.reversed().thenComparing(byName).thenComparing(byId));
        assertThat(workUnitDesc.getFirst().workUnitNames()).containsExactly("Resurse umane");

        Comparator<NomenclatureHit> byActivity = Comparator.comparing(h -> RomanianText.nameKey(h.activityName()));
        List<NomenclatureHit> activityAsc = find(everything.toBuilder().sort(Sort.ACTIVITY_ASC).build(), all).hits();
        assertThat(activityAsc).isSortedAccordingTo(byActivity.thenComparing(byName).thenComparing(byId));
        assertThat(activityAsc.getFirst().activityName()).isEqualTo("Atribuirea contractelor de achiziție publică");
        List<NomenclatureHit> activityDesc = find(everything.toBuilder().sort(Sort.ACTIVITY_DESC).build(), all).hits();
        assertThat(activityDesc).isSortedAccordingTo(byActivity.reversed().thenComparing(byName).thenComparing(byId));
        assertThat(activityDesc.getFirst().activityName()).isEqualTo("Recrutarea personalului");

        List<NomenclatureHit> relevance = find(everything.toBuilder().text("contraventiilor").build(), all).hits();
        assertThat(relevance).extracting(NomenclatureHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(relevance.getFirst().id()).isIn(id(actRutier), id(riskFals), id(cause));
        // without text, the default order is by name; scores only with relevance
        assertThat(find(everything, all).hits()).isSortedAccordingTo(byName.thenComparing(byId))
                .allSatisfy(h -> assertThat(h.score()).isNull());
    }

    @Test
    void pagesWithSearchAfterWithoutDuplicatesInEveryOrder() {
        UUID activity = UUID.randomUUID();
        approvedActivity(activity, "Paza obiectivelor", null, domPublic, List.of(wuRutier));
        String[] words = {"Șantaj", "Abuz", "Înțelegere", "abuz", "Trafic", "Țepuire", "Mită", "Zvon", "Acces"};
        for (int i = 0; i < 45; i++) {
            // names are unique under their activity, but all 45 tie on work unit and activity: ties are broken by id
            approvedRisk(UUID.randomUUID(), activity, words[i % words.length] + " la paza obiectivelor " + i, null);
        }
        for (Sort sort : Sort.values()) {
            NomenclatureQuery query = q().activityId(id(activity)).kinds("RISK").sort(sort).first(10)
                    .text(sort == Sort.RELEVANCE ? "paza" : null).build();
            List<String> seen = new ArrayList<>();
            NomenclatureSearchResult page = find(query, ProposalVisibility.all());
            int pages = 1;
            seen.addAll(ids(page));
            while (page.hasNextPage()) {
                assertThat(page.total()).isEqualTo(45);
                page = find(query.toBuilder().after(page.endCursor()).build(), ProposalVisibility.all());
                seen.addAll(ids(page));
                pages++;
            }
            assertThat(pages).as(sort.name()).isEqualTo(5);
            assertThat(seen).as(sort.name()).hasSize(45).doesNotHaveDuplicates();
            // paging gives the same order as one big page
            assertThat(seen).as(sort.name()).isEqualTo(ids(find(query.toBuilder().first(100).build(), ProposalVisibility.all())));
        }
        // a hit's cursor continues right after it
        NomenclatureQuery byName = q().activityId(id(activity)).kinds("RISK").sort(Sort.NAME_DESC).first(20).build();
        List<NomenclatureHit> twenty = find(byName, ProposalVisibility.all()).hits();
        assertThat(ids(find(byName.toBuilder().first(5).after(twenty.get(9).cursor()).build(), ProposalVisibility.all())))
                .isEqualTo(twenty.subList(10, 15).stream().map(NomenclatureHit::id).toList());
    }

    @Test
    void refusesInvalidQueriesNamingTheField() {
        ProposalVisibility all = ProposalVisibility.all();
        refresh();
        assertThatThrownBy(() -> search.search(NomenclatureQuery.text("a".repeat(201)), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("text");
        assertThat(search.search(NomenclatureQuery.text("a".repeat(200)), all).total()).isZero();
        assertThatThrownBy(() -> search.search(q().first(0).build(), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("first");
        assertThatThrownBy(() -> search.search(q().first(101).build(), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("first");
        assertThatThrownBy(() -> search.search(q().after("garbage!").build(), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("after");
        String nameCursor = search.search(q().first(1).sort(Sort.NAME_ASC).build(), all).endCursor();
        assertThat(nameCursor).isNotNull();
        assertThatThrownBy(() -> search.search(q().sort(Sort.ACTIVITY_ASC).after(nameCursor).build(), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("after");
        assertThatThrownBy(() -> search.search(q().kinds("ORG_UNIT").build(), all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kinds");
    }

    // ------------------------------------------------------------------ projection

    @Test
    void revisingAnActivityRenamesItOnItsChildren() throws IOException {
        stream.correct(actRutier, "Constatarea și sancționarea contravențiilor",
                "Sancționarea abaterilor în trafic", List.of(wuRutier, wuAchizitii), null);
        refresh();
        for (UUID child : List.of(riskFals, riskFavorizare, riskMita, taskVerificare, docProces, cause)) {
            assertThat(source(child).get("activityName")).as(child.toString())
                    .isEqualTo("Constatarea și sancționarea contravențiilor");
        }
        // the activity's work units reach its tasks, documents and risks; a cause keeps its own
        assertThat(source(riskFals).get("workUnitNames")).isEqualTo(List.of("Poliție rutieră", "Achiziții publice"));
        assertThat(source(docProces).get("workUnitIds")).isEqualTo(List.of(id(wuRutier), id(wuAchizitii)));
        assertThat(source(cause).get("workUnitIds")).isEqualTo(List.of(id(wuRutier)));
        assertThat(source(riskOferte).get("activityName")).isEqualTo("Atribuirea contractelor de achiziție publică");

        NomenclatureHit risk = find(NomenclatureQuery.text("intocmirea in fals"), ProposalVisibility.all()).hits().getFirst();
        assertThat(risk.activityName()).isEqualTo("Constatarea și sancționarea contravențiilor");
        assertThat(names(find(q().build(), ProposalVisibility.all()).facets().activities()))
                .containsEntry("Constatarea și sancționarea contravențiilor", 6L)
                .doesNotContainKey("Constatarea contravențiilor rutiere");

        // a task's new name reaches its documents; a domain's new name every entry in it
        stream.correct(taskVerificare, "Verificarea actelor", null, null, null);
        stream.renameDomain(domPublic, "Ordine și siguranță publică");
        refresh();
        assertThat(source(docProces).get("taskName")).isEqualTo("Verificarea actelor");
        assertThat(source(riskFals).get("domainName")).isEqualTo("Ordine și siguranță publică");
        assertThat(source(actRutier).get("domainName")).isEqualTo("Ordine și siguranță publică");
        assertThat(source(domPublic).get("name")).isEqualTo("Ordine și siguranță publică");
        assertThat(source(riskOferte).get("domainName")).isEqualTo("Administrativ");
    }

    @Test
    void revisingAnActivityOrATaskRewritesItsChildrenWithoutSearchingTheIndex() throws IOException {
        UUID activity = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID risk = UUID.randomUUID();
        UUID childless = UUID.randomUUID();
        approvedActivity(activity, "Controlul vamal", null, domPublic, List.of(wuRutier));
        stream.proposeTask(task, activity, "Verificarea declarațiilor", ADMIN, central);
        stream.accept(task);
        stream.proposeDocument(document, task, "Declarația vamală", Periodicity.MONTHLY, ADMIN, central);
        stream.proposeRisk(risk, activity, "Mită la frontieră", null, ADMIN, central);
        approvedActivity(childless, "Arhivarea dosarelor", null, domAdmin, List.of(wuResurse));
        // the cause moves from actRutier to actAchizitii: only the latter's revisions reach it from now on
        stream.editCause(cause, causeDetails("Lipsa controlului ierarhic", actAchizitii, wuAchizitii));
        long searches = searchesOfTheIndex();

        stream.correct(childless, "Arhivarea și păstrarea dosarelor", null, List.of(wuResurse), null);
        stream.correct(activity, "Controlul vamal la frontieră", null, List.of(wuRutier, wuAchizitii), null);
        stream.correct(task, "Verificarea actelor vamale", null, null, null);
        stream.correct(actRutier, "Constatarea și sancționarea contravențiilor", null, List.of(wuRutier), null);
        stream.correct(actAchizitii, "Atribuirea contractelor", null, List.of(wuAchizitii), null);

        // children are read back by id (realtime): no refresh-and-search per revision
        assertThat(searchesOfTheIndex()).isEqualTo(searches);
        for (UUID child : List.of(task, document, risk)) {
            assertThat(source(child).get("activityName")).as(child.toString()).isEqualTo("Controlul vamal la frontieră");
            assertThat(source(child).get("workUnitNames")).as(child.toString())
                    .isEqualTo(List.of("Poliție rutieră", "Achiziții publice"));
        }
        assertThat(source(document).get("taskName")).isEqualTo("Verificarea actelor vamale");
        assertThat(source(task).get("taskName")).isEqualTo("Verificarea actelor vamale");
        assertThat(source(childless).get("name")).isEqualTo("Arhivarea și păstrarea dosarelor");
        assertThat(source(cause).get("activityName")).isEqualTo("Atribuirea contractelor");
        assertThat(source(riskFals).get("activityName")).isEqualTo("Constatarea și sancționarea contravențiilor");
        // the same documents after a rebuild (the reset empties the table of children, the replay fills it)
        Map<String, List<Object>> incremental = documents(index, false);
        new AnnotationEventHandlerAdapter(projection).prepareReset();
        orgUnit(central, "Direcția Generală Anticorupție", null);
        orgUnit(ouCluj, "IPJ Cluj", "CJ");
        orgUnit(ouBihor, "IPJ Bihor", "BH");
        workUnit(wuRutier, "Poliție rutieră");
        workUnit(wuAchizitii, "Achiziții publice");
        workUnit(wuResurse, "Resurse umane");
        stream.replayAll();
        assertThat(documents(index, false)).isEqualTo(incremental);
    }

    /** How many searches the index has run (the old cascade refreshed and searched once per revision). */
    private long searchesOfTheIndex() throws IOException {
        var stats = client.indices().stats(s -> s.index(index.name()).metric("search"));
        return stats.indices().get(index.name()).total().search().queryTotal();
    }

    @Test
    void replayingEveryEventChangesNoDocument() throws IOException {
        stream.correct(actRutier, "Constatarea și sancționarea contravențiilor", null, List.of(wuRutier), null);
        stream.renameDomain(domAdmin, "Administrație");
        stream.revise(riskNepotism, "Nepotism la angajarea personalului", "Rude angajate fără concurs", null, null, false);
        refresh();
        Map<String, List<Object>> before = documents(index, true);
        assertThat(before).hasSize(14);
        // _version: the risk's own (accepted: sequence number 1), + 1 for the activity's correction reaching it
        assertThat(before.get(id(riskFals)).getFirst()).isEqualTo(NomenclatureSearchProjection.externalVersion(1) + 1);

        stream.replayAll();
        refresh();
        assertThat(documents(index, true)).isEqualTo(before);
        stream.replayAll();
        refresh();
        assertThat(documents(index, true)).isEqualTo(before);
    }

    @Test
    void oneBatchInAUnitOfWorkGivesTheSameDocumentsAsEventByEventDelivery() throws IOException {
        stream.correct(actAchizitii, "Atribuirea contractelor", null, List.of(wuAchizitii), null);
        stream.renameDomain(domAdmin, "Administrație");
        refresh();
        Map<String, List<Object>> incremental = documents(index, false);

        NomenclatureIndex fresh = new NomenclatureIndex(client, PREFIX + "-" + INDEX_SETS.incrementAndGet() + "-batched");
        fresh.ensureCreated();
        try {
            deliverAllInOneBatchTo(new NomenclatureSearchProjection(client, fresh, jdbc));
            client.indices().refresh(r -> r.index(fresh.name()));
            assertThat(documents(fresh, false)).isEqualTo(incremental);
        } finally {
            fresh.delete();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void approvedActivity(UUID id, String name, String description, UUID domain, List<UUID> workUnits) {
        stream.proposeActivity(id, name, description, domain, workUnits, List.of(), ADMIN, central);
        stream.accept(id);
    }

    private void approvedRisk(UUID id, UUID activity, String name, String description) {
        stream.proposeRisk(id, activity, name, description, ADMIN, central);
        stream.accept(id);
    }

    private RegulatoryCauseDetails causeDetails(String factors) {
        return causeDetails(factors, actRutier, wuRutier);
    }

    private RegulatoryCauseDetails causeDetails(String factors, UUID activity, UUID workUnit) {
        return new RegulatoryCauseDetails(workUnit, activity, issuer, actType, "2", 2002,
                actStatus, "Ordonanța privind regimul juridic al contravențiilor", "34", null,
                "Extrasul articolului privind plata amenzii", factors, "Amenințări: sume încasate fără chitanță",
                "Digitalizarea plății amenzilor", null);
    }

    /** The organisation facts the projection keeps, from the organisation's events (as its processor reads them). */
    private void orgUnit(UUID id, String name, String county) {
        deliverOrgEvent(id, new OrgUnitCreated(id, null, name, 1, county == null ? null : County.valueOf(county)));
    }

    private void workUnit(UUID id, String name) {
        deliverOrgEvent(id, new WorkUnitDefined(id, name));
    }

    private void deliverOrgEvent(UUID entity, Object event) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(
                    new GenericDomainEventMessage<>("Org", entity.toString(), 0, event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NomenclatureQuery.Builder q() {
        return NomenclatureQuery.builder();
    }

    private NomenclatureSearchResult find(NomenclatureQuery query, ProposalVisibility visibility) {
        refresh();
        return search.search(query, visibility);
    }

    private Instant createdAt(UUID id) {
        return Instant.parse((String) source(id).get("createdAt"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(UUID id) {
        try {
            GetResponse<Map> doc = client.get(g -> g.index(index.name()).id(id(id)), Map.class);
            assertThat(doc.found()).isTrue();
            return doc.source();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() {
        try {
            client.indices().refresh(r -> r.index(index.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** _version and _source (with _seq_no and _primary_term when asked) of every document, by id. */
    @SuppressWarnings("rawtypes")
    private Map<String, List<Object>> documents(NomenclatureIndex of, boolean withSeqNo) throws IOException {
        client.indices().refresh(r -> r.index(of.name()));
        var response = client.search(s -> s.index(of.name()).size(1000).version(true).seqNoPrimaryTerm(withSeqNo)
                .sort(o -> o.field(f -> f.field("id"))), Map.class);
        Map<String, List<Object>> documents = new LinkedHashMap<>();
        for (var hit : response.hits().hits()) {
            documents.put(hit.id(), withSeqNo ? List.of(hit.version(), hit.seqNo(), hit.primaryTerm(), hit.source())
                    : List.of(hit.version(), hit.source()));
        }
        return documents;
    }

    private static List<String> ids(NomenclatureSearchResult result) {
        return result.hits().stream().map(NomenclatureHit::id).toList();
    }

    private static Map<String, Long> counts(List<FacetCount> facets) {
        Map<String, Long> counts = new HashMap<>();
        facets.forEach(f -> counts.put(f.value(), f.count()));
        return counts;
    }

    private static Map<String, Long> names(List<FacetCount> facets) {
        Map<String, Long> counts = new HashMap<>();
        facets.forEach(f -> counts.put(f.name(), f.count()));
        return counts;
    }

    private static String id(UUID id) {
        return id.toString();
    }

    /** Every event published so far, to {@code projection}, in one unit of work (one processing batch). */
    private void deliverAllInOneBatchTo(Object projection) {
        AnnotationEventHandlerAdapter other = new AnnotationEventHandlerAdapter(projection);
        List<DomainEventMessage<?>> messages = stream.messages();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(messages.getFirst());
        try {
            for (DomainEventMessage<?> message : messages) {
                if (other.canHandle(message)) {
                    other.handle(message);
                }
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }
}
