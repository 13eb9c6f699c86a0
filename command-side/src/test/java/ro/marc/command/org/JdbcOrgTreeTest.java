package ro.marc.command.org;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.org.County;
import ro.marc.events.org.command.AssignWorkUnits;
import ro.marc.events.org.command.MoveOrgUnit;
import ro.marc.events.org.event.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.command.org.Rejections.rejected;

/**
 * {@link JdbcOrgTree} on a real PostgreSQL: the questions the org unit's handlers ask, and the tree lock
 * that keeps two structural commands from deciding on the same state (the real {@link OrgUnit} handler
 * decides, in a transaction, and its events are applied to the lookup in that transaction as
 * CommandLookups does).
 */
class JdbcOrgTreeTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID MINISTRY = UUID.randomUUID();
    private static final UUID POLICE = UUID.randomUUID();
    private static final UUID POLICE_CLUJ = UUID.randomUUID();
    private static final UUID STATION = UUID.randomUUID();
    private static final UUID GENDARMERIE = UUID.randomUUID();
    private static final UUID HR = UUID.randomUUID();
    private static final UUID ITC = UUID.randomUUID();

    private final JdbcClient jdbc = TestDatabase.jdbc();
    private final TransactionTemplate transactions = TestDatabase.transactions();
    /** Threads of the racing transactions (not the common pool: on a small machine it runs one task at a time). */
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private final OrgLookup lookup = new OrgLookup(jdbc);
    private final JdbcOrgTree tree = new JdbcOrgTree(jdbc);

    @BeforeEach
    void setUp() {
        transactions.executeWithoutResult(s -> lookup.clear());
        apply(ROOT, 0, new OrgUnitCreated(ROOT, null, "MARC", 0, null));
        apply(MINISTRY, 0, new OrgUnitCreated(MINISTRY, ROOT, "Ministerul Afacerilor Interne", 1, null));
        apply(POLICE, 0, new OrgUnitCreated(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", 2, null));
        apply(POLICE_CLUJ, 0, new OrgUnitCreated(POLICE_CLUJ, POLICE, "IPJ Cluj", 3, County.CJ));
        apply(STATION, 0, new OrgUnitCreated(STATION, POLICE_CLUJ, "Secția 1", 4, County.CJ));
        apply(GENDARMERIE, 0, new OrgUnitCreated(GENDARMERIE, MINISTRY, "Jandarmeria Română", 2, null));
        apply(HR, 0, new WorkUnitDefined(HR, "Resurse umane"));
        apply(ITC, 0, new WorkUnitDefined(ITC, "IT&C"));
        apply(MINISTRY, 1, new WorkUnitAssigned(MINISTRY, HR));
        apply(MINISTRY, 2, new WorkUnitAssigned(MINISTRY, ITC));
        apply(POLICE, 1, new WorkUnitAssigned(POLICE, HR));
        apply(POLICE_CLUJ, 1, new WorkUnitAssigned(POLICE_CLUJ, HR));
        apply(STATION, 1, new WorkUnitAssigned(STATION, HR));
    }

    @Test
    void answers_what_the_handlers_ask() {
        assertThat(tree.rootId()).contains(ROOT);
        assertThat(tree.childNamed(MINISTRY, "JANDARMERIA ROMANA", null)).contains("Jandarmeria Română");
        assertThat(tree.childNamed(MINISTRY, "Jandarmeria Română", GENDARMERIE)).as("itself is no namesake").isEmpty();
        assertThat(tree.childNamed(POLICE, "Jandarmeria Română", null)).isEmpty();
        assertThat(tree.activeChildNames(MINISTRY)).containsExactly("Inspectoratul General al Poliției Române", "Jandarmeria Română");
        apply(GENDARMERIE, 1, new OrgUnitDeactivated(GENDARMERIE));
        assertThat(tree.activeChildNames(MINISTRY)).containsExactly("Inspectoratul General al Poliției Române");
        assertThat(tree.descendantsHolding(MINISTRY, HR)).extracting(OrgTree.Named::name)
                .containsExactly("Inspectoratul General al Poliției Române", "IPJ Cluj", "Secția 1");
        assertThat(tree.descendantsHolding(POLICE_CLUJ, HR)).containsExactly(new OrgTree.Named(STATION, "Secția 1"));
        assertThat(tree.descendantsHolding(STATION, HR)).isEmpty();
        assertThat(tree.workUnitNamed("it&C", null)).contains("IT&C");
        assertThat(tree.workUnitNamed("IT&C", ITC)).isEmpty();
        assertThat(tree.workUnit(ITC)).contains(new OrgFacts.WorkUnitFact(ITC, "IT&C", false));
        assertThat(tree.orgUnit(STATION).orElseThrow().ancestorIds()).containsExactly(ROOT, MINISTRY, POLICE, POLICE_CLUJ);
    }

    /**
     * Police → under the gendarmerie and, at the same moment, the gendarmerie → under police: each
     * alone is fine, together a cycle. The second takes the tree lock after the first committed and sees it.
     */
    @Test
    void two_moves_racing_into_a_cycle_give_one_move_and_one_refusal() throws Exception {
        apply(GENDARMERIE, 1, new WorkUnitAssigned(GENDARMERIE, HR));
        CountDownLatch firstDecided = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            List<Object> events = decide(POLICE, List.of(
                    new OrgUnitCreated(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", 2, null),
                    new WorkUnitAssigned(POLICE, HR)), new MoveOrgUnit(POLICE, GENDARMERIE, 2), null);
            assertThat(events).containsExactly(new OrgUnitMoved(POLICE, MINISTRY, GENDARMERIE, 2, 3));
            apply(POLICE, 2, events.getFirst(), false);
            firstDecided.countDown();
            await(releaseFirst);
        }), threads);
        assertThat(firstDecided.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s ->
                decide(GENDARMERIE, List.of(new OrgUnitCreated(GENDARMERIE, MINISTRY, "Jandarmeria Română", 2, null),
                                new WorkUnitAssigned(GENDARMERIE, HR)),
                        new MoveOrgUnit(GENDARMERIE, POLICE, 2), rejected("newParentId", "CYCLE"))), threads);
        Thread.sleep(300);
        assertThat(second).as("the second move waits for the tree lock").isNotDone();
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(tree.orgUnit(POLICE_CLUJ).orElseThrow().ancestorIds()).containsExactly(ROOT, MINISTRY, GENDARMERIE, POLICE);
        assertThat(tree.orgUnit(GENDARMERIE).orElseThrow().parentId()).isEqualTo(MINISTRY);
    }

    /** An assignment that read a work unit as not retired holds it until it commits: the retirement comes after. */
    @Test
    void a_retirement_waits_for_an_assignment_that_read_the_work_unit() throws Exception {
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch releaseAssignment = new CountDownLatch(1);
        CompletableFuture<Void> assignment = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            List<Object> events = decide(GENDARMERIE, List.of(new OrgUnitCreated(GENDARMERIE, MINISTRY, "Jandarmeria Română", 2, null)),
                    new AssignWorkUnits(GENDARMERIE, List.of(ITC), 1), null);
            apply(GENDARMERIE, 1, events.getFirst(), false);
            assigned.countDown();
            await(releaseAssignment);
        }), threads);
        assertThat(assigned.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> retirement = CompletableFuture.runAsync(() -> apply(ITC, 1, new WorkUnitRetired(ITC)), threads);
        Thread.sleep(300);
        assertThat(retirement).isNotDone();
        releaseAssignment.countDown();
        assignment.get(10, TimeUnit.SECONDS);
        retirement.get(10, TimeUnit.SECONDS);
        assertThat(tree.orgUnit(GENDARMERIE).orElseThrow().workUnitIds()).containsExactly(ITC);
        assertThat(tree.workUnit(ITC).orElseThrow().retired()).isTrue();
    }

    /**
     * Runs the real {@link OrgUnit} handler over this lookup, in the caller's transaction; returns the
     * events it applied, or checks its refusal when {@code refusal} is given.
     */
    private List<Object> decide(UUID unit, List<Object> past, Object command, org.hamcrest.Matcher<CommandRejected> refusal) {
        FixtureConfiguration<OrgUnit> fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(tree);
        List<Object> published = new ArrayList<>();
        var result = fixture.given(past).when(command);
        if (refusal != null) {
            result.expectException(refusal).expectNoEvents();
        } else {
            result.expectSuccessfulHandlerExecution().expectEventsMatching(new BaseMatcher<>() {
                @Override
                public boolean matches(Object actual) {
                    ((List<?>) actual).forEach(m -> published.add(((EventMessage<?>) m).getPayload()));
                    return true;
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText("any events of " + unit);
                }
            });
        }
        return published;
    }

    private void apply(UUID aggregate, long seq, Object payload) {
        apply(aggregate, seq, payload, true);
    }

    private void apply(UUID aggregate, long seq, Object payload, boolean ownTransaction) {
        GenericDomainEventMessage<?> event = new GenericDomainEventMessage<>("OrgUnit", aggregate.toString(), seq, payload);
        if (ownTransaction) {
            transactions.executeWithoutResult(s -> lookup.apply(event));
        } else {
            lookup.apply(event);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
