package ro.marc.command.plan;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.InMemoryAccessLookup;
import ro.marc.command.access.WorkingGroupDirectory;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.RoleGranted;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.access.event.WorkingGroupDefined;
import ro.marc.events.access.event.WorkingGroupMemberAdded;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.DraftPlan;
import ro.marc.events.plan.event.*;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlanLookup} on a real PostgreSQL: the plan's rows as {@link ActivePlans} answers them, idempotent apply,
 * and the race the unique partial index settles: two plans of one org unit activated at the same moment on two
 * threads, through Axon's JDBC event store and {@link CommandLookups} as the application wires them (the lookup
 * written in the transaction that appends the event). Both handlers see no active plan; exactly one commits,
 * the other is refused with the typed CONFLICT ACTIVE_PLAN_EXISTS and nothing of it is stored.
 */
class PlanLookupPostgresTest {

    private static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
            .payloadColumn("payload").metaDataColumn("meta_data").build();
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final StageDeadlines DEADLINES =
            new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));

    private final DataSource dataSource = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);
    private final PlanLookup lookup = new PlanLookup(dataSource);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Configuration axon;

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (axon != null) {
            axon.shutdown();
        }
    }

    private void commit(UUID plan, long sequence, Object payload) {
        transaction.executeWithoutResult(s -> lookup.apply(new GenericDomainEventMessage<>("Plan", plan.toString(), sequence, payload)));
    }

    // ------------------------------------------------------------------ rows

    @Test
    void plan_events_build_the_fact_the_rules_read_guarded_by_the_plan_own_sequence_number() {
        UUID plan = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID wu1 = UUID.randomUUID();
        UUID wu2 = UUID.randomUUID();
        commit(plan, 0, new PlanDrafted(plan, unit, null, "Ciornă", List.of(new PlanMember(first, List.of(wu1), true, false)),
                new StageDeadlines(null, null, null)));
        ActivePlans.PlanFact draft = lookup.plan(plan).orElseThrow();
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.startDate()).isNull();
        assertThat(draft.members()).containsOnlyKeys(first);
        assertThat(lookup.activePlanOf(unit)).isEmpty();

        List<PlanMember> members = List.of(new PlanMember(second, List.of(wu2, wu1), false, false),
                new PlanMember(first, List.of(), false, true));
        commit(plan, 1, new PlanDraftSaved(plan, unit, START, "Evaluarea riscurilor de corupție", members, DEADLINES));
        commit(plan, 2, new PlanActivated(plan, unit, START, "Evaluarea riscurilor de corupție", members, DEADLINES, null));
        ActivePlans.PlanFact active = lookup.activePlanOf(unit).orElseThrow();
        assertThat(active.planId()).isEqualTo(plan);
        assertThat(active.purpose()).isEqualTo("Evaluarea riscurilor de corupție");
        assertThat(active.startDate()).isEqualTo(START);
        assertThat(active.deadlines()).isEqualTo(DEADLINES);
        assertThat(List.copyOf(active.members().values())).containsExactlyInAnyOrderElementsOf(members);
        assertThat(active.member(second).orElseThrow().workUnitIds()).containsExactly(wu2, wu1);
        assertThat(active.assigns(second, wu2, w -> true)).isTrue();
        assertThat(active.assigns(first, wu2, w -> w.equals(wu2))).as("A103: every work unit the structure holds").isTrue();
        assertThat(active.assigns(first, UUID.randomUUID(), w -> false)).isFalse();

        // an old event again (a rebuild racing a live write, a redelivery): nothing changes
        commit(plan, 1, new PlanDraftSaved(plan, unit, null, "Vechi", List.of(), new StageDeadlines(null, null, null)));
        commit(plan, 0, new PlanDrafted(plan, unit, null, "Vechi", List.of(), new StageDeadlines(null, null, null)));
        assertThat(lookup.plan(plan)).contains(active);

        commit(plan, 3, new PlanClosed(plan, unit));
        assertThat(lookup.activePlanOf(unit)).isEmpty();
        assertThat(lookup.plan(plan).orElseThrow().status()).isEqualTo(PlanStatus.CLOSED);

        // a closed plan frees the org unit: another may be activated
        UUID next = UUID.randomUUID();
        commit(next, 0, new PlanDrafted(next, unit, START, "Următorul", members, DEADLINES));
        commit(next, 1, new PlanActivated(next, unit, START, "Următorul", members, DEADLINES, null));
        assertThat(lookup.activePlanOf(unit).map(ActivePlans.PlanFact::planId)).contains(next);
    }

    @Test
    void a_second_active_plan_of_one_org_unit_is_refused_by_the_lookup_itself() {
        UUID unit = UUID.randomUUID();
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        commit(one, 0, new PlanDrafted(one, unit, START, "Primul", List.of(), DEADLINES));
        commit(two, 0, new PlanDrafted(two, unit, START, "Al doilea", List.of(), DEADLINES));
        commit(one, 1, new PlanActivated(one, unit, START, "Primul", List.of(), DEADLINES, null));
        try {
            commit(two, 1, new PlanActivated(two, unit, START, "Al doilea", List.of(), DEADLINES, null));
            throw new AssertionError("the second activation was stored");
        } catch (CommandRejected refused) {
            assertThat(refused.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(refused.code()).isEqualTo("ACTIVE_PLAN_EXISTS");
            assertThat(refused.details()).isEqualTo(Map.of("planId", one.toString()));
        }
        assertThat(lookup.plan(two).orElseThrow().status()).as("rolled back").isEqualTo(PlanStatus.DRAFT);
    }

    // ------------------------------------------------------------------ the race, through the event store

    @Test
    void two_plans_of_one_org_unit_activated_at_the_same_moment_exactly_one_wins() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID workUnit = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        InMemoryAccessLookup access = new InMemoryAccessLookup().given(
                new UserRegistered(head, "https://login.mai.gov.ro/realms/marc", "sub-" + head, "Horia Șef", "h@mai.gov.ro", unit),
                new RoleGranted(head, Role.WORKING_GROUP_HEAD, List.of(), false),
                new WorkingGroupDefined(group, unit, "Grupul de lucru"), new WorkingGroupMemberAdded(group, head));
        FixedOrgFacts org = new FixedOrgFacts().unit(unit, County.CJ, workUnit);
        // both activations read "no active plan" before either of them appends: the handlers cannot tell
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        ActivePlans racing = new ActivePlans() {
            @Override
            public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
                Optional<PlanFact> seen = lookup.activePlanOf(orgUnitId);
                try {
                    bothLooked.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
                return seen;
            }

            @Override
            public Optional<PlanFact> plan(UUID planId) {
                return lookup.plan(planId);
            }
        };
        SpringTransactionManager axonTransactions = new SpringTransactionManager(transactions);
        EventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource)).transactionManager(axonTransactions)
                .schema(EVENT_SCHEMA).dataType(byte[].class)
                .eventSerializer(Jackson3Serializer.builder().build()).snapshotSerializer(Jackson3Serializer.builder().build())
                .persistenceExceptionResolver(new SQLStateResolver()).build();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureTransactionManager(c -> axonTransactions)
                .configureAggregate(Plan.class)
                .registerComponent(OrgFacts.class, c -> org)
                .registerComponent(AccountDirectory.class, c -> access)
                .registerComponent(WorkingGroupDirectory.class, c -> access)
                .registerComponent(ActivePlans.class, c -> racing)
                .buildConfiguration();
        axon.start();
        // the lookup kept in the appending transaction, as in the application
        new CommandLookups(List.of(lookup), axon.eventStore(), engine, jdbc, transactions);

        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        for (UUID plan : List.of(one, two)) {
            assertThat((Object) send(new DraftPlan(plan, unit, START, "Plan " + plan, List.of(new PlanMember(head, List.of(workUnit), true, false)),
                    DEADLINES)).get(20, TimeUnit.SECONDS)).isEqualTo(1L);
        }

        List<Future<Object>> activations = new ArrayList<>();
        for (UUID plan : List.of(one, two)) {
            activations.add(threads.submit(() -> send(new ActivatePlan(plan, 1)).get(30, TimeUnit.SECONDS)));
        }
        List<Object> won = new ArrayList<>();
        List<CommandRejected> refused = new ArrayList<>();
        for (Future<Object> activation : activations) {
            try {
                won.add(activation.get(40, TimeUnit.SECONDS));
            } catch (ExecutionException failed) {
                refused.add(rejection(failed));
            }
        }

        assertThat(won).containsExactly(2L);
        assertThat(refused).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(e.field()).isEqualTo("planId");
            assertThat(e.code()).isEqualTo("ACTIVE_PLAN_EXISTS");
        });
        UUID winner = lookup.activePlanOf(unit).orElseThrow().planId();
        UUID loser = winner.equals(one) ? two : one;
        assertThat(refused.getFirst().details()).as("names the plan that won").isEqualTo(Map.of("planId", winner.toString()));
        assertThat(jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE payload_type = ? AND aggregate_identifier IN (?, ?)""")
                .params(PlanActivated.class.getName(), one.toString(), two.toString()).query(String.class).list())
                .as("only one PlanActivated is stored").containsExactly(winner.toString());
        assertThat(lookup.plan(loser).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
    }

    private CompletableFuture<Object> send(Object command) {
        return axon.commandGateway().send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("userId", "system"))));
    }

    private static CommandRejected rejection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejected rejected) {
                return rejected;
            }
        }
        throw new AssertionError("not a typed refusal", failure);
    }
}
