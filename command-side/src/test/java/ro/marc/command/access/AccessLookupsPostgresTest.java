package ro.marc.command.access;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access lookups ({@link AccountAccessTable}, {@link WorkingGroupLookup}) on a real PostgreSQL:
 * rows guarded by the aggregate's own sequence number, the identity race and the working-group race
 * decided by unique indexes (the loser waits for the winner's commit and gets the handler's refusal),
 * the last-central-administrator race serialised by the advisory lock, and the after-commit notice.
 * Each "command" is a transaction applying what a handler would, as {@code CommandLookups} does.
 */
class AccessLookupsPostgresTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";
    private static final Duration BLOCKED = Duration.ofMillis(400);

    private final DataSource dataSource = LookupDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);
    private final List<UUID> heard = new CopyOnWriteArrayList<>();
    private final AccountAccessTable accounts;
    private final WorkingGroupLookup groups = new WorkingGroupLookup(dataSource);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final UUID unit = UUID.randomUUID();

    AccessLookupsPostgresTest() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("listener", (AccountAccessListener) heard::add);
        accounts = new AccountAccessTable(dataSource, beans.getBeanProvider(AccountAccessListener.class));
    }

    @BeforeEach
    void empty() {
        transaction.executeWithoutResult(s -> {
            accounts.clear();
            groups.clear();
        });
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static GenericDomainEventMessage<?> event(UUID aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("UserAccount", aggregate.toString(), sequence, payload);
    }

    /** One committed transaction applying these events of one aggregate, numbered from {@code firstSequence}. */
    private void commit(UUID aggregate, long firstSequence, Object... payloads) {
        transaction.executeWithoutResult(s -> {
            long sequence = firstSequence;
            for (Object payload : payloads) {
                (payload instanceof WorkingGroupDefined ? groups : accounts).apply(event(aggregate, sequence++, payload));
            }
        });
    }

    private UserRegistered registered(UUID id, String subject, String name) {
        return new UserRegistered(id, ISSUER, subject, name, subject + "@mai.gov.ro", unit);
    }

    private List<String> dump() {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                SELECT user_id || ' ' || issuer || ' ' || subject || ' ' || coalesce(display_name, '-') || ' ' || org_unit_id
                       || ' ' || active || ' ' || version || ' ' || last_event_sequence FROM account_access ORDER BY user_id""")
                .query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT user_id || ' ' || role || ' ' || array_to_string(counties, ',') || ' ' || follows_member_workflow
                  FROM account_access_role ORDER BY user_id, role""").query(String.class).list());
        return rows;
    }

    // ------------------------------------------------------------------ rows

    @Test
    void account_events_build_the_row_guarded_by_the_account_own_sequence_number() {
        UUID ana = UUID.randomUUID();
        List<Object> history = List.of(registered(ana, "ana", "Ana Pop"),
                new RoleGranted(ana, Role.TERRITORIAL_ADMIN, List.of(County.CJ), false),
                new RoleGranted(ana, Role.CENTRAL_ADMIN, List.of(), false),
                new RoleGranted(ana, Role.TERRITORIAL_ADMIN, List.of(County.B, County.CJ), false),
                new RoleRevoked(ana, Role.CENTRAL_ADMIN),
                new UserDetailsUpdated(ana, "Ana Popescu", "ana@mai.gov.ro"),
                new UserDeactivated(ana, "concediu"),
                new UserTransferred(ana, ISSUER, "ana", "Ana Popescu", "ana@mai.gov.ro", ISSUER, "maria", "Maria Ionescu",
                        "maria@mai.gov.ro", "predat"));
        commit(ana, 0, history.toArray());

        AccountAccess row = accounts.byUser(ana).orElseThrow();
        assertThat(row.version()).as("sequence number + 1").isEqualTo(8);
        assertThat(row.lastEventSequence()).isEqualTo(7);
        assertThat(row.active()).isFalse();
        assertThat(row.subject()).isEqualTo("maria");
        assertThat(row.displayName()).isEqualTo("Maria Ionescu");
        assertThat(row.roles()).containsExactly(new AccountAccess.Grant(Role.TERRITORIAL_ADMIN, List.of(County.B, County.CJ), false));
        assertThat(accounts.account(ana)).contains(new AccountFact(ana, "Maria Ionescu", unit, false, Set.of(Role.TERRITORIAL_ADMIN)));
        assertThat(accounts.holderOf(ISSUER, "maria").map(AccountFact::userId)).contains(ana);
        assertThat(accounts.holderOf(ISSUER, "ana")).isEmpty();
        assertThat(accounts.anyAccount()).isTrue();

        // every event again (a rebuild racing a live write, a redelivery), and one old event late: nothing changes
        List<String> before = dump();
        commit(ana, 0, history.toArray());
        commit(ana, 4, history.get(4));
        assertThat(dump()).isEqualTo(before);
        // the next event is applied
        commit(ana, 8, new UserReactivated(ana));
        assertThat(accounts.byUser(ana).orElseThrow().active()).isTrue();
        assertThat(accounts.byUser(ana).orElseThrow().version()).isEqualTo(9);

        transaction.executeWithoutResult(s -> accounts.clear());
        assertThat(dump()).isEmpty();
        assertThat(accounts.anyAccount()).isFalse();
    }

    @Test
    void an_event_of_an_account_never_registered_is_skipped() {
        UUID ghost = UUID.randomUUID();
        commit(ghost, 3, new UserDeactivated(ghost, null));
        assertThat(accounts.byUser(ghost)).isEmpty();
    }

    // ------------------------------------------------------------------ one identity, one account

    @Test
    void two_registrations_racing_for_one_identity_the_second_waits_and_is_refused_naming_the_first() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Future<?> winner = threads.submit(() -> transaction.executeWithoutResult(s -> {
            accounts.apply(event(first, 0, registered(first, "same", "Primul Venit")));
            firstApplied.countDown();
            await(mayCommit);
        }));
        assertThat(firstApplied.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> loser = threads.submit(() -> transaction.executeWithoutResult(s ->
                accounts.apply(event(second, 0, registered(second, "same", "Al Doilea")))));
        Thread.sleep(BLOCKED.toMillis());
        assertThat(loser.isDone()).as("the second insert waits for the first transaction").isFalse();
        mayCommit.countDown();
        winner.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> loser.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(e.field()).isEqualTo("subject");
            assertThat(e.code()).isEqualTo("IDENTITY_IN_USE");
            assertThat(e.details()).isEqualTo(Map.of("userId", first.toString()));
            assertThat(e.getMessage()).isEqualTo("This identity is already linked to the account of 'Primul Venit'");
        });
        assertThat(accounts.holderOf(ISSUER, "same").map(AccountFact::userId)).contains(first);
        assertThat(accounts.byUser(second)).as("rolled back").isEmpty();
    }

    @Test
    void a_transfer_racing_a_registration_for_one_identity_is_refused_the_same_way() throws Exception {
        UUID heir = UUID.randomUUID();
        commit(heir, 0, registered(heir, "old", "Titular"));
        UUID newcomer = UUID.randomUUID();
        CountDownLatch registeredFirst = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Future<?> winner = threads.submit(() -> transaction.executeWithoutResult(s -> {
            accounts.apply(event(newcomer, 0, registered(newcomer, "wanted", "Nou Venit")));
            registeredFirst.countDown();
            await(mayCommit);
        }));
        assertThat(registeredFirst.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> loser = threads.submit(() -> transaction.executeWithoutResult(s -> accounts.apply(event(heir, 1,
                new UserTransferred(heir, ISSUER, "old", "Titular", "old@mai.gov.ro", ISSUER, "wanted", "Succesor",
                        "s@mai.gov.ro", "predat")))));
        Thread.sleep(BLOCKED.toMillis());
        assertThat(loser.isDone()).isFalse();
        mayCommit.countDown();
        winner.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> loser.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.code()).isEqualTo("IDENTITY_IN_USE");
            assertThat(e.details()).isEqualTo(Map.of("userId", newcomer.toString()));
        });
        assertThat(accounts.byUser(heir).orElseThrow().subject()).isEqualTo("old");
    }

    // ------------------------------------------------------------------ at least one active central administrator

    @Test
    void two_administrators_revoking_each_other_at_once_cannot_both_succeed() throws Exception {
        UUID ana = UUID.randomUUID();
        UUID bogdan = UUID.randomUUID();
        commit(ana, 0, registered(ana, "ana", "Ana"), new RoleGranted(ana, Role.CENTRAL_ADMIN, List.of(), false));
        commit(bogdan, 0, registered(bogdan, "bogdan", "Bogdan"), new RoleGranted(bogdan, Role.CENTRAL_ADMIN, List.of(), false));

        CountDownLatch firstDecided = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        // as the handler of "revoke Ana's CENTRAL_ADMIN": ask, then apply the event, then commit
        Future<Boolean> first = threads.submit(() -> transaction.execute(s -> {
            boolean another = accounts.anotherActiveCentralAdmin(ana);
            if (another) {
                accounts.apply(event(ana, 2, new RoleRevoked(ana, Role.CENTRAL_ADMIN)));
            }
            firstDecided.countDown();
            await(mayCommit);
            return another;
        }));
        assertThat(firstDecided.await(10, TimeUnit.SECONDS)).isTrue();
        // ... and at the same moment "deactivate Bogdan"
        Future<Boolean> second = threads.submit(() -> transaction.execute(s -> {
            boolean another = accounts.anotherActiveCentralAdmin(bogdan);
            if (another) {
                accounts.apply(event(bogdan, 2, new UserDeactivated(bogdan, null)));
            }
            return another;
        }));
        Thread.sleep(BLOCKED.toMillis());
        assertThat(second.isDone()).as("the second question waits for the first command's transaction").isFalse();
        mayCommit.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).as("Ana is no longer an administrator when Bogdan's turn comes").isFalse();
        assertThat(accounts.account(bogdan).orElseThrow().active()).isTrue();
        assertThat(accounts.account(ana).orElseThrow().roles()).isEmpty();
    }

    @Test
    void inactive_administrators_and_the_account_itself_do_not_count() {
        UUID ana = UUID.randomUUID();
        UUID bogdan = UUID.randomUUID();
        commit(ana, 0, registered(ana, "ana", "Ana"), new RoleGranted(ana, Role.CENTRAL_ADMIN, List.of(), false));
        commit(bogdan, 0, registered(bogdan, "bogdan", "Bogdan"), new RoleGranted(bogdan, Role.CENTRAL_ADMIN, List.of(), false),
                new UserDeactivated(bogdan, null));
        assertThat(transaction.<Boolean>execute(s -> accounts.anotherActiveCentralAdmin(ana))).isFalse();
        assertThat(transaction.<Boolean>execute(s -> accounts.anotherActiveCentralAdmin(bogdan))).isTrue();
        assertThatThrownBy(() -> accounts.anotherActiveCentralAdmin(ana))
                .as("outside a transaction the lock would not hold").isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ one working group per org unit

    @Test
    void two_working_groups_racing_for_one_org_unit_the_second_waits_and_is_refused_naming_the_first() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        Future<?> winner = threads.submit(() -> transaction.executeWithoutResult(s -> {
            groups.apply(event(first, 0, new WorkingGroupDefined(first, unit, "GL întâi")));
            firstApplied.countDown();
            await(mayCommit);
        }));
        assertThat(firstApplied.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> loser = threads.submit(() -> transaction.executeWithoutResult(s ->
                groups.apply(event(second, 0, new WorkingGroupDefined(second, unit, "GL al doilea")))));
        Thread.sleep(BLOCKED.toMillis());
        assertThat(loser.isDone()).isFalse();
        mayCommit.countDown();
        winner.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> loser.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(e.field()).isEqualTo("orgUnitId");
            assertThat(e.code()).isEqualTo("WORKING_GROUP_EXISTS");
            assertThat(e.details()).isEqualTo(Map.of("workingGroupId", first.toString()));
        });
        assertThat(groups.workingGroupOf(unit)).contains(new WorkingGroupDirectory.WorkingGroupFact(first, unit, "GL întâi"));
        // applied twice: nothing changes
        commit(first, 0, new WorkingGroupDefined(first, unit, "GL întâi"));
        assertThat(jdbc.sql("SELECT count(*) FROM working_group_lookup").query(Long.class).single()).isEqualTo(1);
        assertThat(groups.workingGroupOf(UUID.randomUUID())).isEmpty();
    }

    // ------------------------------------------------------------------ after the commit

    @Test
    void listeners_hear_of_each_changed_account_once_after_the_commit_and_not_after_a_rollback() {
        UUID ana = UUID.randomUUID();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event(ana, 0, registered(ana, "ana", "Ana")));
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        unitOfWork.execute(() -> {
            accounts.apply(event(ana, 0, registered(ana, "ana", "Ana")));
            accounts.apply(event(ana, 1, new RoleGranted(ana, Role.AUDITOR, List.of(), false)));
            assertThat(heard).as("not before the commit").isEmpty();
        });
        assertThat(heard).containsExactly(ana);

        heard.clear();
        UUID bogdan = UUID.randomUUID();
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(event(bogdan, 0, registered(bogdan, "ana", "Bogdan")));
        failing.attachTransaction(new SpringTransactionManager(transactions));
        assertThatThrownBy(() -> failing.executeWithResult(() -> {
            accounts.apply(event(bogdan, 0, registered(bogdan, "ana", "Bogdan"))); // Ana's identity
            return null;
        }).optionalExceptionResult().ifPresent(e -> {
            throw (RuntimeException) e;
        })).isInstanceOf(CommandRejected.class);
        assertThat(heard).isEmpty();
        assertThat(accounts.byUser(bogdan)).isEmpty();
    }

    @Test
    void working_group_members_follow_their_events_guarded_by_the_group_own_sequence_number() {
        UUID group = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        List<Object> history = List.of(new WorkingGroupDefined(group, unit, "GL"), new WorkingGroupMemberAdded(group, ana),
                new WorkingGroupMemberAdded(group, dan), new WorkingGroupMemberRemoved(group, ana, false));
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < history.size(); i++) {
                groups.apply(event(group, i, history.get(i)));
            }
        });
        assertThat(groups.isMember(unit, dan)).isTrue();
        assertThat(groups.isMember(unit, ana)).isFalse();
        assertThat(groups.isMember(UUID.randomUUID(), dan)).as("another org unit's group").isFalse();

        // an old event again (a redelivery, a rebuild racing a live write): nothing changes
        transaction.executeWithoutResult(s -> groups.apply(event(group, 1, history.get(1))));
        assertThat(groups.isMember(unit, ana)).isFalse();
        transaction.executeWithoutResult(s -> groups.apply(event(group, 4, new WorkingGroupMemberAdded(group, ana))));
        assertThat(groups.isMember(unit, ana)).isTrue();

        transaction.executeWithoutResult(s -> groups.clear());
        assertThat(groups.isMember(unit, dan)).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
