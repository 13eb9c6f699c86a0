package ro.marc.query.plan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.org.County;
import ro.marc.events.plan.*;
import ro.marc.events.plan.event.*;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlanReadModelProjection} on a real PostgreSQL and {@link PlanSearchProjection} on a real
 * Elasticsearch, fed the plan's events (draft → saved → activated → revised → closed), read back through
 * {@link PlanQueries} and {@link PlanSearch}; replays change nothing; the Gantt data and picture.
 */
class PlanProjectionsTest {

    private static final String PREFIX = "marc-it-plans-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong POSITION = new AtomicLong(1_000_000);

    private final JdbcClient jdbc = TestServices.jdbc();
    private final ElasticsearchClient es = TestServices.elasticsearch();
    private final PlanQueries queries = new PlanQueries(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));
    private PlanSearchIndex index;
    private PlanSearch search;
    private AnnotationEventHandlerAdapter postgres;
    private AnnotationEventHandlerAdapter elasticsearch;

    private final UUID root = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID ipjIasi = UUID.randomUUID();
    private final UUID ordine = UUID.randomUUID();
    private final UUID rutiera = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID bogdan = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("TRUNCATE plan, plan_member, plan_edition, plan_history").update();
        org.initialise(root, "MARC");
        org.create(ipjCluj, root, "IPJ Cluj", County.CJ);
        org.create(ipjIasi, root, "IPJ Iași", County.IS);
        index = new PlanSearchIndex(es, PREFIX);
        index.recreate();
        search = new PlanSearch(es, index);
        postgres = new AnnotationEventHandlerAdapter(new PlanReadModelProjection(jdbc));
        elasticsearch = new AnnotationEventHandlerAdapter(new PlanSearchProjection(es, index));
    }

    private final Map<UUID, Long> sequences = new HashMap<>();

    private TrackedEventMessage<?> publish(UUID planId, Object event) {
        long seq = sequences.merge(planId, 0L, (a, b) -> a + 1);
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Plan", planId.toString(), seq, event,
                MetaData.with("userId", head.toString()));
        TrackedEventMessage<?> tracked = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(POSITION.incrementAndGet()), message);
        deliver(tracked);
        return tracked;
    }

    private void deliver(TrackedEventMessage<?> tracked) {
        try {
            postgres.handle(tracked);
            elasticsearch.handle(tracked);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final StageDeadlines DEADLINES = new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31),
            LocalDate.of(2027, 5, 31));

    private PlanEdition edition(int number, String purpose, StageDeadlines d, boolean anaActive) {
        List<PlanEdition.StageSchedule> stages = List.of(
                new PlanEdition.StageSchedule(Stage.IDENTIFICATION, LocalDate.of(2026, 11, 2), d.identification()),
                new PlanEdition.StageSchedule(Stage.EVALUATION, d.identification().plusDays(1), d.evaluation()),
                new PlanEdition.StageSchedule(Stage.MEASURES, d.evaluation().plusDays(1), d.measures()));
        return new PlanEdition(number, ipjCluj, "IPJ Cluj", County.CJ, LocalDate.of(2026, 11, 2), purpose, stages, List.of(
                new PlanEdition.MemberEdition(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER, anaActive,
                        List.of(new PlanEdition.WorkUnitRef(ordine, "Ordine publică"), new PlanEdition.WorkUnitRef(rutiera, "Poliție rutieră")),
                        true, false),
                new PlanEdition.MemberEdition(bogdan, "Bogdan Țurcanu", Role.INTEGRITY_COUNSELLOR, true, List.of(), false, true)),
                head, "Șef Grup");
    }

    private List<PlanMember> members() {
        return List.of(new PlanMember(ana, List.of(ordine, rutiera), true, false), new PlanMember(bogdan, List.of(), false, true));
    }

    @Test
    void a_plan_from_draft_to_closed_with_its_editions_and_history() throws Exception {
        UUID plan = UUID.randomUUID();
        publish(plan, new PlanDrafted(plan, ipjCluj, null, "Evaluarea riscurilor", List.of(new PlanMember(ana, List.of(ordine), true, false)), null));
        PlanView draft = queries.plan(plan).orElseThrow();
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.edition()).isNull();
        assertThat(draft.members()).singleElement().satisfies(m -> {
            assertThat(m.userId()).isEqualTo(ana);
            assertThat(m.displayName()).isNull();
            assertThat(m.workUnits()).containsExactly(new PlanMemberView.WorkUnitRefView(ordine, null));
        });

        TrackedEventMessage<?> saved = publish(plan, new PlanDraftSaved(plan, ipjCluj, LocalDate.of(2026, 11, 2),
                "Evaluarea riscurilor de corupție 2026–2027", members(), DEADLINES));
        publish(plan, new PlanActivated(plan, ipjCluj, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor de corupție 2026–2027",
                members(), DEADLINES, edition(1, "Evaluarea riscurilor de corupție 2026–2027", DEADLINES, true)));
        deliver(saved); // a replay of an older event changes nothing

        PlanView active = queries.activePlanOf(ipjCluj).orElseThrow();
        assertThat(active.id()).isEqualTo(plan);
        assertThat(active.version()).isEqualTo(3);
        assertThat(active.edition()).isEqualTo(1);
        assertThat(active.orgUnitName()).isEqualTo("IPJ Cluj");
        assertThat(active.deadlines()).isEqualTo(DEADLINES);
        assertThat(active.members()).extracting(PlanMemberView::displayName).containsExactly("Ana Mureșan", "Bogdan Țurcanu");
        assertThat(active.member(ana).orElseThrow().workUnits()).extracting(PlanMemberView.WorkUnitRefView::name)
                .containsExactly("Ordine publică", "Poliție rutieră");
        assertThat(active.member(bogdan).orElseThrow().followsMemberWorkflow()).isTrue();
        assertThat(active.stages()).extracting(PlanView.StageSpan::start)
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 30), LocalDate.of(2027, 4, 1));

        StageDeadlines later = new StageDeadlines(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
        publish(plan, new PlanRevised(plan, ipjCluj, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor de corupție 2026–2027",
                members(), later, edition(2, "Evaluarea riscurilor de corupție 2026–2027", later, false)));
        PlanView revised = queries.plan(plan).orElseThrow();
        assertThat(revised.edition()).isEqualTo(2);
        assertThat(revised.deadlines().identification()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(revised.member(ana).orElseThrow().active()).isFalse();
        assertThat(queries.editions(plan)).extracting(PlanEditionView::edition).containsExactly(2, 1);
        assertThat(queries.editions(plan).getFirst().publishedByName()).isEqualTo("Șef Grup");

        publish(plan, new PlanClosed(plan, ipjCluj));
        assertThat(queries.plan(plan).orElseThrow().status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(queries.activePlanOf(ipjCluj)).isEmpty();
        assertThat(queries.history(plan)).extracting(PlanHistoryView::type)
                .containsExactly("PlanDrafted", "PlanDraftSaved", "PlanActivated", "PlanRevised", "PlanClosed");
        assertThat(queries.history(plan).get(3).edition()).isEqualTo(2);
        assertThat(queries.history(plan).getFirst().byUserId()).isEqualTo(head.toString());

        // searchable by purpose, diacritics folded, the closed status kept
        es.indices().refresh(r -> r.index(index.name()));
        assertThat(search.matching("evaluarea riscurilor de coruptie", null, null)).containsExactly(plan);
        assertThat(search.matching("corupţie", ipjCluj, PlanStatus.CLOSED)).containsExactly(plan);
        assertThat(search.matching("coruptie", null, PlanStatus.ACTIVE)).isEmpty();
        assertThat(search.matching("inexistent", null, null)).isEmpty();
    }

    @Test
    void lists_are_limited_to_the_callers_reach_and_follow_the_search_order() throws Exception {
        UUID cluj = UUID.randomUUID();
        UUID iasi = UUID.randomUUID();
        publish(cluj, new PlanDrafted(cluj, ipjCluj, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor Cluj", List.of(), null));
        publish(iasi, new PlanDrafted(iasi, ipjIasi, LocalDate.of(2027, 1, 11), "Evaluarea riscurilor Iași", List.of(), null));

        Page<PlanView> all = queries.plans(new PlanFilter(null, null, null), OrgScope.everything(), 10, null);
        assertThat(all.items()).extracting(PlanView::id).containsExactly(iasi, cluj); // newest start first
        Page<PlanView> clujOnly = queries.plans(new PlanFilter(null, null, null),
                new OrgScope(false, Set.of("CJ"), Set.of(), Set.of()), 10, null);
        assertThat(clujOnly.items()).extracting(PlanView::id).containsExactly(cluj);
        Page<PlanView> first = queries.plans(new PlanFilter(null, PlanStatus.DRAFT, null), OrgScope.everything(), 1, null);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(queries.plans(new PlanFilter(null, PlanStatus.DRAFT, null), OrgScope.everything(), 1, first.endCursor())
                .items()).extracting(PlanView::id).containsExactly(cluj);

        es.indices().refresh(r -> r.index(index.name()));
        List<UUID> found = search.matching("iasi", null, null);
        assertThat(found).containsExactly(iasi);
        assertThat(queries.plans(new PlanFilter(null, null, found), new OrgScope(false, Set.of("CJ"), Set.of(), Set.of()), 10, null)
                .items()).isEmpty();
        assertThat(queries.plans(new PlanFilter(null, null, found), OrgScope.everything(), 10, null).items())
                .extracting(PlanView::id).containsExactly(iasi);
    }

    @Test
    void the_gantt_chart_clips_bars_to_the_period_and_ticks_at_the_scale() throws Exception {
        UUID plan = UUID.randomUUID();
        publish(plan, new PlanDrafted(plan, ipjCluj, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor de corupție 2026–2027",
                members(), DEADLINES));
        PlanView view = queries.plan(plan).orElseThrow();

        Gantt months = PlanGantt.of(view, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28), GanttScale.MONTHS);
        assertThat(months.ticks()).extracting(Gantt.Tick::label).containsExactly("decembrie 2026", "ianuarie 2027", "februarie 2027");
        // identification (to 29.01) and evaluation (from 30.01) fall in the period, measures (from 01.04) does not
        assertThat(months.bars()).filteredOn(b -> b.kind() == Gantt.BarKind.STAGE).extracting(Gantt.Bar::stage)
                .containsExactly(Stage.IDENTIFICATION, Stage.EVALUATION);
        assertThat(months.bars()).hasSize(2 + Stage.IDENTIFICATION.standardActivities().size() + Stage.EVALUATION.standardActivities().size());
        Gantt.Bar identification = months.bars().getFirst();
        assertThat(identification.shownStart()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(identification.clippedStart()).isTrue();
        assertThat(identification.shownEnd()).isEqualTo(LocalDate.of(2027, 1, 29));
        assertThat(identification.clippedEnd()).isFalse();
        Gantt.Bar evaluation = months.bars().stream().filter(b -> b.kind() == Gantt.BarKind.STAGE && b.stage() == Stage.EVALUATION)
                .findFirst().orElseThrow();
        assertThat(evaluation.shownEnd()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(evaluation.clippedEnd()).isTrue();

        assertThat(PlanGantt.of(view, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 17), GanttScale.WEEKS).ticks())
                .extracting(Gantt.Tick::label).containsExactly("S45 (02.11)", "S46 (09.11)", "S47 (16.11)");
        assertThat(PlanGantt.of(view, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 6), GanttScale.DAYS).ticks())
                .extracting(Gantt.Tick::label).containsExactly("04.11", "05.11", "06.11");
        assertThat(PlanGantt.of(view, LocalDate.of(2026, 11, 4), LocalDate.of(2027, 6, 6), GanttScale.YEAR).ticks())
                .extracting(Gantt.Tick::label).containsExactly("2026", "2027");
        assertThat(PlanGantt.tickCount(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), GanttScale.DAYS)).isEqualTo(365);

        System.setProperty("java.awt.headless", "true");
        Gantt whole = PlanGantt.of(view, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 6, 30), GanttScale.MONTHS);
        byte[] png = GanttChartRenderer.png(view.purpose(), whole, LocalDate.of(2026, 12, 5));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Path file = Path.of("target", "plan-gantt-months.png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        System.out.println("Gantt chart rendered: " + file.toAbsolutePath());
    }
}
