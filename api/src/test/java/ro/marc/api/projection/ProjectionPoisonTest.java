package ro.marc.api.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.access.event.UserDeactivated;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.nomenclature.event.DomainDefined;
import ro.marc.events.nomenclature.event.DomainRenamed;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.ProposalAccepted;
import ro.marc.events.nomenclature.event.ProposalRejected;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.OrgUnitRenamed;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.query.nomenclature.NomenclatureIndex;
import ro.marc.query.org.SearchIndexes;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projection group, fed a poison event through the running application (events appended to
 * the real event store, projected by the real pooled processors into PostgreSQL and Elasticsearch):
 * the poison event is dead-lettered, later events of its entity wait behind it, and later events of
 * other entities are projected. Poison events of the PostgreSQL groups fail <em>in PostgreSQL</em>
 * (a NOT NULL violation, which aborts the transaction): before the savepoint per handler, the
 * dead-letter INSERT then failed too and the group stalled for ever.
 *
 * <p>Each scenario appends to its own aggregate ("poison-test-..."), so the catalogues' streams are
 * untouched; what the scenarios project and park is removed afterwards. The events are appended as a
 * command handler appends them (a unit of work in a transaction), so account events also write the
 * command side's {@code account_access}; those rows stay, as a catch-up from the event store would
 * write them again.
 */
class ProjectionPoisonTest extends ApiTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    SearchIndexes indexes;
    @Autowired
    NomenclatureIndex nomenclatureIndex;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DeadLetterHealth health;

    private final List<UUID> created = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        jdbc.sql("DELETE FROM dead_letter_entry WHERE sequence_identifier LIKE 'poison-test-%'").update();
        for (UUID id : created) {
            for (String table : List.of("org_unit_work_unit WHERE org_unit_id", "org_unit WHERE id", "work_unit WHERE id",
                    "app_user_role WHERE user_id", "app_user WHERE id", "nomenclature_domain WHERE id",
                    "notification WHERE recipient_user_id")) {
                jdbc.sql("DELETE FROM " + table + " = ?").param(id).update();
            }
            for (String index : List.of(indexes.orgUnits(), indexes.workUnits(), nomenclatureIndex.name())) {
                elasticsearch.delete(d -> d.index(index).id(id.toString()));
            }
        }
    }

    @Test
    void org_groups_park_only_the_poisoned_units_and_project_the_rest() {
        String aggregate = aggregate();
        UUID root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(UUID.class).single();
        UUID nameless = track(UUID.randomUUID());
        UUID orphan = track(UUID.randomUUID());
        UUID good = track(UUID.randomUUID());
        UUID workUnit = track(UUID.randomUUID());
        append(aggregate,
                // org-postgres: NULL name violates NOT NULL (PostgreSQL aborts the transaction); fine for the index
                new OrgUnitCreated(nameless, root, null, 1, null),
                // both groups: the parent is nowhere (no row, no document)
                new OrgUnitCreated(orphan, UUID.randomUUID(), "Poison test orphan", 2, null),
                new OrgUnitCreated(good, root, "Poison test unit " + good, 1, null),
                new WorkUnitDefined(workUnit, "Poison test work unit " + workUnit),
                new OrgUnitRenamed(nameless, "Poison test renamed", null),
                new OrgUnitRenamed(orphan, "Poison test orphan renamed", "Poison test orphan"));

        await("org-postgres projects the good unit and work unit", () -> rowExists("org_unit", good) && rowExists("work_unit", workUnit));
        await("org-elasticsearch indexes the good unit, the work unit and the renamed nameless unit",
                () -> documentExists(indexes.orgUnits(), good) && documentExists(indexes.workUnits(), workUnit)
                        && "Poison test renamed".equals(orgUnitName(nameless)));
        await("org-postgres parks the nameless and the orphan unit, each with its rename behind it",
                () -> sameLetters(letters("org-postgres", aggregate), List.of(
                        aggregate + "/" + nameless + " OrgUnitCreated failed", aggregate + "/" + nameless + " OrgUnitRenamed parked",
                        aggregate + "/" + orphan + " OrgUnitCreated failed", aggregate + "/" + orphan + " OrgUnitRenamed parked")));
        await("org-elasticsearch parks the orphan only", () -> sameLetters(letters("org-elasticsearch", aggregate), List.of(
                aggregate + "/" + orphan + " OrgUnitCreated failed", aggregate + "/" + orphan + " OrgUnitRenamed parked")));
        assertThat(rowExists("org_unit", nameless)).isFalse();
        assertThat(jdbc.sql("SELECT cause_message FROM dead_letter_entry WHERE sequence_identifier = ? AND sequence_index = "
                        + "(SELECT min(sequence_index) FROM dead_letter_entry WHERE sequence_identifier = ? AND processing_group = 'org-postgres') "
                        + "AND processing_group = 'org-postgres'")
                .params(aggregate + "/" + nameless, aggregate + "/" + nameless).query(String.class).single())
                .contains("violates not-null constraint");

        // visible: a counter per group, the health details, and the operator query
        assertThat(meters.get("marc.projection.dead.letters.enqueued").tag("group", "org-postgres").tag("reason", "failed")
                .counter().count()).isGreaterThanOrEqualTo(2);
        var report = health.health();
        assertThat(report.getStatus()).isEqualTo(Status.UP);
        assertThat(report.getDetails().get("groups").toString()).contains("org-postgres={deadLetters=");
        JsonNode listed = data("auditor", "query($g: String) { deadLetters(group: $g, first: 100) { groups { group deadLetters } "
                + "letters { id sequence eventType causeType causeMessage } } }", Map.of("g", "org-postgres"));
        assertThat(listed.at("/deadLetters/letters").findValuesAsString("sequence"))
                .contains(aggregate + "/" + nameless, aggregate + "/" + orphan);
    }

    /**
     * A document Elasticsearch refuses (400: a 40,000-character name is an "immense term" in the
     * keyword sort field) fails when the batch's bulk request is sent, after every handler ran: the
     * batch is rolled back and retried writing through, so the refusal happens in that event's handler
     * and that event alone is parked.
     */
    @Test
    void org_elasticsearch_parks_a_document_that_elasticsearch_refuses_at_commit() {
        String aggregate = aggregate();
        UUID root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(UUID.class).single();
        UUID huge = track(UUID.randomUUID());
        UUID good = track(UUID.randomUUID());
        append(aggregate,
                new OrgUnitCreated(huge, root, "x".repeat(40_000), 1, null),
                new OrgUnitCreated(good, root, "Poison test after the huge one " + good, 1, null));

        await("org-elasticsearch indexes the unit after the refused one", () -> documentExists(indexes.orgUnits(), good));
        await("org-elasticsearch parks the refused document", () -> sameLetters(letters("org-elasticsearch", aggregate),
                List.of(aggregate + "/" + huge + " OrgUnitCreated failed")));
        assertThat(documentExists(indexes.orgUnits(), huge)).isFalse();
    }

    @Test
    void access_group_parks_the_poisoned_account_and_projects_the_next_one() {
        String aggregate = aggregate();
        UUID root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(UUID.class).single();
        UUID nameless = track(UUID.randomUUID());
        UUID good = track(UUID.randomUUID());
        append(aggregate,
                new UserRegistered(nameless, "poison-test", "sub-" + nameless, null, null, root),
                new UserRegistered(good, "poison-test", "sub-" + good, "Poison Test Account", null, root),
                new UserDeactivated(nameless, "poison test"),
                new UserDeactivated(good, "poison test"));

        await("the good account is projected and deactivated",
                () -> Boolean.FALSE.equals(jdbc.sql("SELECT active FROM app_user WHERE id = ?").param(good)
                        .query(Boolean.class).optional().orElse(null)));
        await("the nameless account is parked with its deactivation behind it", () -> sameLetters(letters("access-postgres", aggregate), List.of(
                aggregate + "/" + nameless + " UserRegistered failed", aggregate + "/" + nameless + " UserDeactivated parked")));
        // the command side's lookup was written with the events, whatever the read model made of them: both deactivated
        // (one hand-made stream holds both accounts here, so their versions count that stream's events: 3 and 4)
        assertThat(jdbc.sql("SELECT user_id || ' ' || active || ' ' || version FROM account_access WHERE user_id IN (?, ?) ORDER BY user_id")
                .params(nameless, good).query(String.class).list())
                .containsExactlyInAnyOrder(nameless + " false 3", good + " false 4");
    }

    @Test
    void nomenclature_groups_park_only_the_poisoned_domains() {
        String aggregate = aggregate();
        UUID nameless = track(UUID.randomUUID());
        UUID missing = track(UUID.randomUUID());
        UUID good = track(UUID.randomUUID());
        append(aggregate,
                new DomainDefined(nameless, null, null),           // nomenclature-postgres: NOT NULL
                new DomainRenamed(missing, "Poison test", null),   // nomenclature-elasticsearch: no such document
                new DomainDefined(good, null, "Poison test domain " + good),
                new DomainRenamed(nameless, "Poison test renamed", null));

        await("nomenclature-postgres projects the good domain", () -> rowExists("nomenclature_domain", good));
        await("nomenclature-elasticsearch indexes the good domain", () -> documentExists(nomenclatureIndex.name(), good));
        await("nomenclature-postgres parks the nameless domain with its rename behind it",
                () -> sameLetters(letters("nomenclature-postgres", aggregate), List.of(
                        aggregate + "/" + nameless + " DomainDefined failed", aggregate + "/" + nameless + " DomainRenamed parked")));
        await("nomenclature-elasticsearch parks the rename of a missing domain",
                () -> letters("nomenclature-elasticsearch", aggregate).contains(aggregate + "/" + missing + " DomainRenamed failed"));
    }

    @Test
    void notifications_group_parks_the_poisoned_item_and_notifies_the_next_proposer() {
        String aggregate = aggregate();
        UUID poisoned = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID proposer = track(UUID.randomUUID());
        UUID laterProposer = track(UUID.randomUUID());
        UUID otherProposer = track(UUID.randomUUID());
        append(aggregate,
                new ProposalAccepted(poisoned, null, 1, proposer.toString()),            // no kind: the message cannot be built
                new ProposalAccepted(other, ItemKind.ACTIVITY, 1, otherProposer.toString()),
                new ProposalRejected(poisoned, ItemKind.ACTIVITY, "poison test", 1, laterProposer.toString()));

        await("the other proposer is notified", () -> jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = ?")
                .param(otherProposer).query(Long.class).single() == 1);
        await("the poisoned item is parked with its rejection behind it", () -> sameLetters(letters("notifications", aggregate), List.of(
                aggregate + "/" + poisoned + " ProposalAccepted failed", aggregate + "/" + poisoned + " ProposalRejected parked")));
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id IN (?, ?)")
                .params(proposer, laterProposer).query(Long.class).single()).isZero();
    }

    @Test
    void operators_retry_and_evict_dead_letters_and_only_central_administrators_may() {
        String aggregate = aggregate();
        UUID root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(UUID.class).single();
        UUID orphanParent = track(UUID.randomUUID());
        UUID orphan = track(UUID.randomUUID());
        append(aggregate, new OrgUnitCreated(orphan, orphanParent, "Poison test late child", 2, null));
        await("the child of a parent that is not there yet is parked", () -> letters("org-postgres", aggregate).size() == 1);

        // refused to everyone but central administrators (auditors read only)
        for (String user : List.of("auditor", "member.cluj", "admin.cluj")) {
            JsonNode refused = graphql(user, "mutation($g: String!) { retryDeadLetters(group: $g) { remaining } }",
                    Map.of("g", "org-postgres"));
            assertThat(firstError(refused).at("/extensions/classification").asString()).as(user).isEqualTo("FORBIDDEN");
        }
        assertThat(firstError(graphql("member.cluj", "{ deadLetters(group: \"org-postgres\") { letters { id } } }", Map.of()))
                .at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(firstError(graphql("auditor", "mutation { evictDeadLetter(id: \"x\") }", Map.of()))
                .at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(firstError(graphql("admin", "mutation { retryDeadLetters(group: \"nope\") { remaining } }", Map.of()))
                .at("/extensions/code").asString()).isEqualTo("UNKNOWN_GROUP");

        // the parent arrives (in another stream): a retry heals the child, no rebuild needed
        append(aggregate(), new OrgUnitCreated(orphanParent, root, "Poison test late parent", 1, null));
        await("the parent is projected", () -> rowExists("org_unit", orphanParent));
        // the periodic retry (every 30 s, on every running context) may heal it first: then there is nothing left to heal
        boolean stillParked = !letters("org-postgres", aggregate).isEmpty();
        JsonNode retried = data("admin", "mutation($g: String!) { retryDeadLetters(group: $g) { sequencesTried sequencesHealed remaining } }",
                Map.of("g", "org-postgres"));
        if (stillParked && !letters("org-postgres", aggregate).isEmpty()) {
            throw new AssertionError("the retry did not heal the parked child: " + retried);
        }
        if (stillParked) {
            assertThat(retried.at("/retryDeadLetters/sequencesTried").isInt()).as(retried.toString()).isTrue();
        }
        assertThat(letters("org-postgres", aggregate)).isEmpty();
        assertThat(rowExists("org_unit", orphan)).isTrue();

        // evict: the dead letter is gone, its event never applied
        UUID another = track(UUID.randomUUID());
        append(aggregate, new OrgUnitCreated(another, UUID.randomUUID(), "Poison test evicted", 2, null));
        await("parked", () -> letters("org-postgres", aggregate).size() == 1);
        String id = jdbc.sql("SELECT dead_letter_id FROM dead_letter_entry WHERE processing_group = 'org-postgres' AND sequence_identifier = ?")
                .param(aggregate + "/" + another).query(String.class).single();
        assertThat(data("admin", "mutation($id: ID!) { evictDeadLetter(id: $id) }", Map.of("id", id))
                .at("/evictDeadLetter").asBoolean()).isTrue();
        assertThat(letters("org-postgres", aggregate)).isEmpty();
        assertThat(firstError(graphql("admin", "mutation($id: ID!) { evictDeadLetter(id: $id) }", Map.of("id", id)))
                .at("/extensions/code").asString()).isEqualTo("UNKNOWN_DEAD_LETTER");
    }

    // ---------------------------------------------------------------- helpers

    static String aggregate() {
        return "poison-test-" + UUID.randomUUID();
    }

    private UUID track(UUID id) {
        created.add(id);
        return id;
    }

    private final Map<String, Long> nextSequence = new java.util.HashMap<>();

    void append(String aggregate, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        Instant now = Instant.now();
        for (Object payload : payloads) {
            long seq = nextSequence.merge(aggregate, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("PoisonTest", aggregate, seq, payload, MetaData.emptyInstance(),
                    UUID.randomUUID().toString(), now));
        }
        // as a command handler does: in a unit of work with the (Spring) transaction attached, so the events are
        // appended in that transaction and the account events also update account_access in it (CommandLookups
        // fails closed outside a transaction)
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(messages.getFirst());
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> eventStore.publish(messages));
    }

    /** The same dead letters, whatever the order of the entities (within one entity, "failed" comes first anyway). */
    static boolean sameLetters(List<String> actual, List<String> expected) {
        return actual.size() == expected.size() && new java.util.HashSet<>(actual).equals(new java.util.HashSet<>(expected));
    }

    /** The group's dead letters of one aggregate, in order: "sequence PayloadType failed|parked". */
    List<String> letters(String group, String aggregate) {
        return jdbc.sql("""
                SELECT sequence_identifier, payload_type, cause_type FROM dead_letter_entry
                WHERE processing_group = ? AND sequence_identifier LIKE ? ORDER BY sequence_identifier, sequence_index""")
                .params(group, aggregate + "%")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2).substring(rs.getString(2).lastIndexOf('.') + 1)
                        + (rs.getString(3) == null ? " parked" : " failed")).list();
    }

    private boolean rowExists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single() == 1;
    }

    private boolean documentExists(String index, UUID id) {
        try {
            return elasticsearch.exists(e -> e.index(index).id(id.toString())).value();
        } catch (IOException e) {
            return false;
        }
    }

    private String orgUnitName(UUID id) {
        try {
            var response = elasticsearch.get(g -> g.index(indexes.orgUnits()).id(id.toString()), Map.class);
            return response.found() ? (String) response.source().get("name") : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
