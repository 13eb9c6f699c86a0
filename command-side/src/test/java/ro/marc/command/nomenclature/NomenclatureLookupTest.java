package ro.marc.command.nomenclature;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.text.RomanianText;
import ro.marc.ops.services.MarcServices;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

/**
 * The JDBC lookup against a real PostgreSQL (the event store's migrations applied): what it answers
 * after each event, idempotent apply, the unique index that settles a name race at commit, and the
 * advisory locks that hold a parent.
 */
class NomenclatureLookupTest {

    private static HikariDataSource dataSource;
    private static NomenclatureLookup lookup;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void database() {
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(services.jdbcUrl());
        config.setUsername(services.dbUser());
        config.setPassword(services.dbPassword());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore").load().migrate();
        lookup = new NomenclatureLookup(JdbcClient.create(dataSource));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private static void apply(long seq, Object event) {
        transaction.executeWithoutResult(s -> lookup.apply(message(seq, event)));
    }

    private static GenericDomainEventMessage<Object> message(long seq, Object event) {
        return new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), seq, event);
    }

    private static void given(Object... events) {
        for (Object event : events) {
            apply(0, event);
        }
    }

    @Test
    void it_answers_what_the_events_say() {
        given(domains());
        given(activityProposed(ACTIVITY, "Achiziții directe"));
        given(new TaskProposed(TASK, ACTIVITY, "Nota", PROPOSER, CLUJ),
                new ReferenceEntryDefined(ISSUER, ReferenceList.ACT_ISSUER, "Guvernul României"));

        Entry activity = lookup.entry(ACTIVITY).orElseThrow();
        assertThat(activity).isEqualTo(new Entry(ACTIVITY, EntryKind.ACTIVITY, null, PROCUREMENT, null, "Achiziții directe",
                "PROPOSED", PROPOSER, CLUJ, List.of(WU1, WU2)));
        assertThat(lookup.named(EntryKind.ACTIVITY, null, null, RomanianText.nameKey("ACHIZITII  directe"))).contains(activity);
        assertThat(lookup.named(EntryKind.TASK, ACTIVITY, null, RomanianText.nameKey("nota"))).isPresent();
        assertThat(lookup.named(EntryKind.RISK, ACTIVITY, null, RomanianText.nameKey("nota"))).isEmpty();
        assertThat(lookup.named(EntryKind.REFERENCE, null, ReferenceList.ACT_ISSUER, RomanianText.nameKey("guvernul romaniei")))
                .map(Entry::id).contains(ISSUER);
        assertThat(lookup.named(EntryKind.REFERENCE, null, ReferenceList.ACT_TYPE, RomanianText.nameKey("guvernul romaniei"))).isEmpty();
        assertThat(lookup.named(EntryKind.DOMAIN, HR, null, RomanianText.nameKey("Recrutare"))).map(Entry::id).contains(RECRUITMENT);
        assertThat(lookup.hasSubdomains(HR)).isTrue();
        assertThat(lookup.hasSubdomains(PROCUREMENT)).isFalse();
        assertThat(lookup.activityCount(PROCUREMENT)).isEqualTo(1);

        // revised, then rejected: the name is free again and the domain has no activity left
        apply(1, new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții", null, List.of(WU2), null, false));
        assertThat(lookup.entry(ACTIVITY).orElseThrow().workUnitIds()).containsExactly(WU2);
        apply(2, new ProposalRejected(ACTIVITY, ItemKind.ACTIVITY, "Nu", 2, PROPOSER));
        assertThat(lookup.named(EntryKind.ACTIVITY, null, null, RomanianText.nameKey("Achiziții"))).isEmpty();
        assertThat(lookup.activityCount(PROCUREMENT)).isZero();
        assertThat(lookup.entry(ACTIVITY).orElseThrow().status()).isEqualTo("REJECTED");
    }

    @Test
    void an_event_applied_twice_or_late_changes_nothing() {
        given(domains()[0]);
        apply(1, new DomainRenamed(PROCUREMENT, "Achiziții", "Achiziții publice"));
        apply(2, new DomainRenamed(PROCUREMENT, "Achiziții bunuri", "Achiziții"));
        apply(1, new DomainRenamed(PROCUREMENT, "Achiziții", "Achiziții publice"));
        apply(0, new DomainDefined(PROCUREMENT, null, "Achiziții publice"));
        assertThat(lookup.entry(PROCUREMENT).orElseThrow().name()).isEqualTo("Achiziții bunuri");
    }

    @Test
    void two_commands_racing_for_one_name_the_second_commit_is_a_conflict() throws Exception {
        given(domains());
        given(activityProposed(ACTIVITY, "Achiziții directe"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // both read "free" before either commits (as two handlers on two nodes would), then both apply
        assertThat(lookup.named(EntryKind.TASK, ACTIVITY, null, RomanianText.nameKey("Nota"))).isEmpty();
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            lookup.apply(message(0, new TaskProposed(first, ACTIVITY, "Nota", PROPOSER, CLUJ)));
            firstApplied.countDown();
            await(release);
        }));
        await(firstApplied);
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s ->
                lookup.apply(message(0, new TaskProposed(second, ACTIVITY, "NOTA", OTHER, CLUJ)))));
        Thread.sleep(200);
        assertThat(two).as("the second waits for the first's commit").isNotDone();
        release.countDown();
        one.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> two.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(CommandRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(r.code()).isEqualTo("DUPLICATE_NAME");
            assertThat(r.field()).isEqualTo("name");
        });
        assertThat(lookup.entry(first)).isPresent();
        assertThat(lookup.entry(second)).isEmpty();
        // under another parent, or of another kind, the name is free
        given(new RiskProposed(second, ACTIVITY, "Nota", null, OTHER, CLUJ));
        assertThat(lookup.entry(second)).isPresent();
    }

    @Test
    void a_parent_held_exclusively_makes_its_users_wait_until_the_holder_commits() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            lookup.lockExclusive(ACTIVITY);
            held.countDown();
            await(release);
        }));
        await(held);
        CompletableFuture<Void> user = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            lookup.lockShared(ACTIVITY);
            lookup.lockShared(ACTIVITY); // shared holders do not block each other
        }));
        Thread.sleep(200);
        assertThat(user).isNotDone();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        user.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
