package ro.marc.command.org;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.org.County;
import ro.marc.events.org.event.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organisation's lookup tables on a real PostgreSQL: what each event writes, idempotence, and the races its indexes refuse. */
class OrgLookupTest {

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
    private final JdbcOrgFacts facts = new JdbcOrgFacts(jdbc);

    @BeforeEach
    void setUp() {
        transactions.executeWithoutResult(s -> lookup.clear());
        apply(ROOT, 0, new OrgUnitCreated(ROOT, null, "MARC", 0, null));
        apply(MINISTRY, 0, new OrgUnitCreated(MINISTRY, ROOT, "Ministerul Afacerilor Interne", 1, null));
        apply(POLICE, 0, new OrgUnitCreated(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", 2, null));
        apply(POLICE_CLUJ, 0, new OrgUnitCreated(POLICE_CLUJ, POLICE, "IPJ Cluj", 3, County.CJ));
        apply(STATION, 0, new OrgUnitCreated(STATION, POLICE_CLUJ, "Poliția Municipiului Cluj-Napoca", 4, County.CJ));
        apply(GENDARMERIE, 0, new OrgUnitCreated(GENDARMERIE, MINISTRY, "Jandarmeria Română", 2, null));
        apply(HR, 0, new WorkUnitDefined(HR, "Resurse umane"));
        apply(ITC, 0, new WorkUnitDefined(ITC, "IT&C"));
        apply(MINISTRY, 1, new WorkUnitAssigned(MINISTRY, HR));
        apply(MINISTRY, 2, new WorkUnitAssigned(MINISTRY, ITC));
        apply(POLICE, 1, new WorkUnitAssigned(POLICE, HR));
    }

    @Test
    void an_org_unit_knows_its_ancestors_level_county_and_work_units() {
        OrgFacts.OrgUnitFact station = facts.orgUnit(STATION).orElseThrow();
        assertThat(station.ancestorIds()).containsExactly(ROOT, MINISTRY, POLICE, POLICE_CLUJ);
        assertThat(station.level()).isEqualTo(4);
        assertThat(station.county()).isEqualTo(County.CJ);
        assertThat(station.parentId()).isEqualTo(POLICE_CLUJ);
        assertThat(station.active()).isTrue();
        assertThat(facts.orgUnit(MINISTRY).orElseThrow().workUnitIds()).containsExactlyInAnyOrder(HR, ITC);
        assertThat(facts.orgUnit(POLICE).orElseThrow().holds(ITC)).isFalse();
        assertThat(facts.orgUnit(ROOT).orElseThrow().holds(ITC)).as("the root holds the catalogue").isTrue();
        assertThat(facts.orgUnit(ROOT).orElseThrow().ancestorIds()).isEmpty();
        assertThat(facts.orgUnit(UUID.randomUUID())).isEmpty();
        assertThat(facts.workUnit(HR)).contains(new OrgFacts.WorkUnitFact(HR, "Resurse umane", false));
    }

    @Test
    void every_event_of_a_unit_or_work_unit_is_kept() {
        apply(POLICE_CLUJ, 1, new OrgUnitRenamed(POLICE_CLUJ, "Inspectoratul de Poliție Județean Cluj", "IPJ Cluj"));
        apply(STATION, 1, new OrgUnitDeactivated(STATION));
        apply(POLICE, 2, new WorkUnitUnassigned(POLICE, HR));
        apply(ITC, 1, new WorkUnitRenamed(ITC, "Comunicații", "IT&C"));
        apply(ITC, 2, new WorkUnitRetired(ITC));

        assertThat(facts.orgUnit(POLICE_CLUJ).orElseThrow().name()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
        assertThat(facts.orgUnit(STATION).orElseThrow().active()).isFalse();
        assertThat(facts.orgUnit(POLICE).orElseThrow().workUnitIds()).isEmpty();
        assertThat(facts.workUnit(ITC)).contains(new OrgFacts.WorkUnitFact(ITC, "Comunicații", true));

        apply(STATION, 2, new OrgUnitReactivated(STATION));
        assertThat(facts.orgUnit(STATION).orElseThrow().active()).isTrue();
    }

    @Test
    void an_event_applied_again_changes_nothing() {
        apply(POLICE_CLUJ, 1, new OrgUnitRenamed(POLICE_CLUJ, "Nume nou", "IPJ Cluj"));
        apply(POLICE_CLUJ, 2, new OrgUnitDeactivated(POLICE_CLUJ));
        // redelivered: older events of the same unit, and a creation that already happened
        apply(POLICE_CLUJ, 1, new OrgUnitRenamed(POLICE_CLUJ, "Nume nou", "IPJ Cluj"));
        apply(POLICE_CLUJ, 0, new OrgUnitCreated(POLICE_CLUJ, POLICE, "IPJ Cluj", 3, County.CJ));
        apply(POLICE, 1, new WorkUnitAssigned(POLICE, HR));
        apply(POLICE, 2, new WorkUnitUnassigned(POLICE, HR));
        apply(POLICE, 1, new WorkUnitAssigned(POLICE, HR));

        OrgFacts.OrgUnitFact unit = facts.orgUnit(POLICE_CLUJ).orElseThrow();
        assertThat(unit.name()).isEqualTo("Nume nou");
        assertThat(unit.active()).isFalse();
        assertThat(facts.orgUnit(POLICE).orElseThrow().workUnitIds()).isEmpty();
    }

    @Test
    void a_move_carries_the_whole_subtree_paths_and_levels() {
        // police (level 2) with IPJ Cluj (3) and the station (4) goes under the gendarmerie (2): 3, 4, 5
        apply(POLICE, 2, new OrgUnitMoved(POLICE, MINISTRY, GENDARMERIE, 2, 3));

        assertThat(facts.orgUnit(POLICE).orElseThrow().parentId()).isEqualTo(GENDARMERIE);
        assertThat(facts.orgUnit(POLICE).orElseThrow().level()).isEqualTo(3);
        OrgFacts.OrgUnitFact station = facts.orgUnit(STATION).orElseThrow();
        assertThat(station.ancestorIds()).containsExactly(ROOT, MINISTRY, GENDARMERIE, POLICE, POLICE_CLUJ);
        assertThat(station.level()).isEqualTo(5);
        assertThat(facts.orgUnit(GENDARMERIE).orElseThrow().level()).isEqualTo(2);

        // applied again: nothing shifts twice
        apply(POLICE, 2, new OrgUnitMoved(POLICE, MINISTRY, GENDARMERIE, 2, 3));
        assertThat(facts.orgUnit(STATION).orElseThrow().level()).isEqualTo(5);

        // and back up: the subtree follows again
        apply(POLICE, 3, new OrgUnitMoved(POLICE, GENDARMERIE, ROOT, 3, 1));
        assertThat(facts.orgUnit(STATION).orElseThrow().ancestorIds()).containsExactly(ROOT, POLICE, POLICE_CLUJ);
        assertThat(facts.orgUnit(STATION).orElseThrow().level()).isEqualTo(3);
    }

    @Test
    void a_second_unit_with_a_siblings_name_is_a_conflict_whatever_the_case_and_diacritics() {
        UUID twin = UUID.randomUUID();
        assertThatThrownBy(() -> apply(twin, 0, new OrgUnitCreated(twin, MINISTRY, "JANDARMERIA ROMANA", 2, null)))
                .isInstanceOfSatisfying(CommandRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(r.field()).isEqualTo("name");
                    assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE");
                    assertThat(r.getMessage()).contains("Ministerul Afacerilor Interne");
                });
        assertThat(facts.orgUnit(twin)).isEmpty();
        // renamed or moved into a name that is taken: refused too
        assertThatThrownBy(() -> apply(POLICE, 2, new OrgUnitRenamed(POLICE, "Jandarmeria Română", "x")))
                .isInstanceOfSatisfying(CommandRejected.class, r -> assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE"));
        UUID cluj = UUID.randomUUID();
        apply(cluj, 0, new OrgUnitCreated(cluj, GENDARMERIE, "IPJ Cluj", 3, null));
        assertThatThrownBy(() -> apply(cluj, 1, new OrgUnitMoved(cluj, GENDARMERIE, POLICE, 3, 3)))
                .isInstanceOfSatisfying(CommandRejected.class, r -> assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE"));
        // the same name under another parent is fine
        UUID elsewhere = UUID.randomUUID();
        apply(elsewhere, 0, new OrgUnitCreated(elsewhere, POLICE, "Jandarmeria Română", 3, null));
    }

    /** Two commands that both read "free" and then write the same name under one parent: the later commit is refused. */
    @Test
    void two_creates_racing_for_one_name_under_one_parent_give_one_unit_and_one_conflict() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            lookup.apply(event(first, 0, new OrgUnitCreated(first, MINISTRY, "Direcția Nouă", 2, null)));
            firstWrote.countDown();
            await(releaseFirst);
        }), threads);
        assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s ->
                lookup.apply(event(second, 0, new OrgUnitCreated(second, MINISTRY, "DIRECTIA NOUA", 2, null)))), threads);
        Thread.sleep(300); // the second insert now waits for the first transaction
        assertThat(two).isNotDone();
        releaseFirst.countDown();
        one.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> two.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(CommandRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE");
                });
        assertThat(facts.orgUnit(first)).isPresent();
        assertThat(facts.orgUnit(second)).isEmpty();
    }

    @Test
    void only_one_root_may_ever_exist() {
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> apply(other, 0, new OrgUnitCreated(other, null, "MARC 2", 0, null)))
                .isInstanceOfSatisfying(CommandRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(r.code()).isEqualTo("ROOT_EXISTS");
                });
    }

    @Test
    void work_unit_names_are_unique_in_the_catalogue_retired_ones_included() {
        apply(ITC, 1, new WorkUnitRetired(ITC));
        UUID copy = UUID.randomUUID();
        assertThatThrownBy(() -> apply(copy, 0, new WorkUnitDefined(copy, "it&c")))
                .isInstanceOfSatisfying(CommandRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(r.field()).isEqualTo("name");
                    assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE");
                });
        assertThatThrownBy(() -> apply(HR, 1, new WorkUnitRenamed(HR, "IT&C", "Resurse umane")))
                .isInstanceOfSatisfying(CommandRejected.class, r -> assertThat(r.code()).isEqualTo("NAME_NOT_UNIQUE"));
    }

    /** The table is rebuilt from whatever the store holds: odd old events are kept, not refused. */
    @Test
    void odd_events_are_taken_as_they_are() {
        UUID orphan = UUID.randomUUID();
        UUID nameless = UUID.randomUUID();
        UUID huge = UUID.randomUUID();
        apply(orphan, 0, new OrgUnitCreated(orphan, UUID.randomUUID(), "Orfan", 2, null));
        apply(nameless, 0, new OrgUnitCreated(nameless, ROOT, null, 1, null));
        apply(huge, 0, new OrgUnitCreated(huge, ROOT, "x".repeat(40_000), 1, null));
        UUID nobody = UUID.randomUUID();
        apply(nobody, 1, new OrgUnitRenamed(nobody, "Nimeni", null));
        assertThat(facts.orgUnit(orphan).orElseThrow().level()).isEqualTo(2);
        assertThat(facts.orgUnit(nameless).orElseThrow().name()).isNull();
        assertThat(facts.orgUnit(huge)).isPresent();
    }

    @Test
    void clearing_empties_every_table() {
        transactions.executeWithoutResult(s -> lookup.clear());
        for (String table : List.of("org_unit_lookup", "work_unit_lookup", "org_unit_work_unit_lookup")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
        assertThat(lookup.name()).isEqualTo("org");
        assertThat(Set.of(OrgUnitCreated.class, WorkUnitAssigned.class, WorkUnitRetired.class).stream().allMatch(lookup::handles)).isTrue();
        assertThat(lookup.handles(OrganisationInitialised.class)).isFalse();
        assertThat(lookup.handles(Map.class)).isFalse();
    }

    private void apply(UUID aggregate, long seq, Object payload) {
        transactions.executeWithoutResult(s -> lookup.apply(event(aggregate, seq, payload)));
    }

    private static GenericDomainEventMessage<?> event(UUID aggregate, long seq, Object payload) {
        return new GenericDomainEventMessage<>("OrgUnit", aggregate.toString(), seq, payload);
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
