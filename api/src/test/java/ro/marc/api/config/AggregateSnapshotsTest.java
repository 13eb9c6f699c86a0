package ro.marc.api.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.access.UserAccount;
import ro.marc.command.access.WorkingGroup;
import ro.marc.command.nomenclature.Domain;
import ro.marc.command.nomenclature.NomenclatureItem;
import ro.marc.command.nomenclature.ReferenceEntry;
import ro.marc.command.nomenclature.RegulatoryCause;
import ro.marc.command.org.OrgUnit;
import ro.marc.command.org.WorkUnit;
import ro.marc.command.plan.Plan;
import ro.marc.api.common.CommandSender;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.events.plan.command.DraftPlan;
import ro.marc.events.plan.command.EditPlan;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots ({@link AggregateSnapshots}): taken past the threshold, used when loading, ignored (full replay)
 * when they cannot be trusted, and every aggregate of the command side can be snapshotted.
 */
class AggregateSnapshotsTest extends ApiTestSupport {

    private static final String CREATE = "mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id version } }";
    private static final String RENAME = "mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { version } }";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventStore eventStore;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    CommandSender commands;

    @Test
    void an_org_unit_with_more_events_than_the_threshold_gets_a_snapshot_and_keeps_its_version_and_rules() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String root = data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
        String id = data("admin", CREATE, Map.of("i", Map.of("parentId", root, "name", "Instantanee " + suffix)))
                .at("/createOrgUnit/id").asString();
        int renames = 150;
        long started = System.nanoTime();
        for (int version = 1; version <= renames; version++) {
            assertThat(rename(id, "Nume " + version + " " + suffix, version).at("/data/renameOrgUnit/version").asInt())
                    .isEqualTo(version + 1);
        }
        System.out.printf("AggregateSnapshotsTest: %d renames in %d ms%n", renames, (System.nanoTime() - started) / 1_000_000);

        Long snapshotAt = jdbc.sql("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
        assertThat(snapshotAt).as("snapshot taken").isNotNull().isBetween(99L, (long) renames);

        // loaded from the snapshot: the right version, and the rules still hold (stale version, same name)
        int current = renames + 1;
        JsonNode stale = rename(id, "Altul " + suffix, current - 1);
        assertThat(firstError(stale).at("/extensions/code").asString()).isEqualTo("STALE_VERSION");
        assertThat(firstError(stale).at("/extensions/currentVersion").asInt()).isEqualTo(current);
        assertThat(rename(id, "Nume " + renames + " " + suffix, current).at("/data/renameOrgUnit/version").asInt())
                .as("renaming to its current name changes nothing").isEqualTo(current);

        // a readable snapshot of the current shape claiming sequence 500 is used: proof that loads read snapshots
        copySnapshot(id, snapshotAt, 500);
        JsonNode fromTheFakeSnapshot = rename(id, "Fals " + suffix, current);
        assertThat(firstError(fromTheFakeSnapshot).at("/extensions/currentVersion").asInt()).isEqualTo(501);

        // of another shape (an older release's aggregate): ignored, replayed from the events
        jdbc.sql("UPDATE snapshot_event_entry SET payload_revision = 'older-shape' WHERE aggregate_identifier = ? AND sequence_number = 500")
                .param(id).update();
        assertThat(rename(id, "După revizie " + suffix, current).at("/data/renameOrgUnit/version").asInt()).isEqualTo(++current);

        // of the current shape but unreadable: ignored too
        jdbc.sql("""
                UPDATE snapshot_event_entry SET payload_revision = ?, payload = convert_to('{"id": [not json', 'UTF8')
                 WHERE aggregate_identifier = ? AND sequence_number = 500""").param(AggregateSnapshots.shapeOf(OrgUnit.class)).param(id).update();
        assertThat(rename(id, "După corupere " + suffix, current).at("/data/renameOrgUnit/version").asInt()).isEqualTo(++current);

        // of a class that no longer exists
        jdbc.sql("UPDATE snapshot_event_entry SET payload_type = 'ro.marc.command.org.OrgUnitOfOldTimes' WHERE aggregate_identifier = ? AND sequence_number = 500")
                .param(id).update();
        assertThat(rename(id, "După dispariție " + suffix, current).at("/data/renameOrgUnit/version").asInt()).isEqualTo(++current);

        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ? AND sequence_number = 500").param(id).update();

        String single = data("admin", CREATE, Map.of("i", Map.of("parentId", root, "name", "Un eveniment " + suffix)))
                .at("/createOrgUnit/id").asString();
        snapshotter.scheduleSnapshot(OrgUnit.class, id);
        measureLoads(id, single);
    }

    @Test
    void every_aggregate_of_the_command_side_can_be_snapshotted_and_read_back() throws Exception {
        Method createSnapshot = AggregateSnapshotter.class.getDeclaredMethod("createSnapshot", Class.class, String.class,
                DomainEventStream.class);
        createSnapshot.setAccessible(true);
        Serializer serializer = AggregateSnapshots.serializer();
        aPlanExists();
        anIncidentExists();
        anAssessmentExists();
        for (Class<?> type : List.of(OrgUnit.class, WorkUnit.class, UserAccount.class, WorkingGroup.class, Domain.class,
                NomenclatureItem.class, ReferenceEntry.class, RegulatoryCause.class, Plan.class,
                ro.marc.command.analysis.ActivityAnalysis.class, ro.marc.command.incident.IntegrityIncident.class,
                ro.marc.command.assessment.RiskAssessment.class, ro.marc.command.methodology.Methodology.class,
                ro.marc.command.monitoring.MeasureMonitoring.class)) {
            // the demo data holds each kind: its entity with the most events
            String id = jdbc.sql("""
                    SELECT aggregate_identifier FROM domain_event_entry WHERE type = ?
                     GROUP BY aggregate_identifier ORDER BY count(*) DESC, aggregate_identifier LIMIT 1""")
                    .param(type.getSimpleName()).query(String.class).optional()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in the demo data"));
            long last = jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(id).query(Long.class).single();

            // the aggregate rebuilt from its events, through the snapshots' serializer and back: the same state
            DomainEventMessage<?> snapshot = (DomainEventMessage<?>) createSnapshot.invoke(snapshotter, type, id, engine.readEvents(id, 0));
            SerializedObject<byte[]> written = serializer.serialize(snapshot.getPayload(), byte[].class);
            assertThat(written.getType().getRevision()).isEqualTo(AggregateSnapshots.shapeOf(type));
            String json = new String(written.getData(), StandardCharsets.UTF_8);
            assertThat(json).as(type.getSimpleName()).contains(id);
            Object read = serializer.deserialize(written);
            assertThat(new String(serializer.serialize(read, byte[].class).getData(), StandardCharsets.UTF_8))
                    .as(type.getSimpleName() + " after a round trip").isEqualTo(json);
            for (Field field : type.getDeclaredFields()) { // and the same kinds of values (an EnumMap stays one)
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    Object before = field.get(snapshot.getPayload());
                    Object after = field.get(read);
                    if (before instanceof java.util.Map<?, ?> || before instanceof java.util.Set<?>) {
                        // read into the constructor's own instance: an EnumMap stays one, a LinkedHashSet keeps its order
                        assertThat(after.getClass()).as(type.getSimpleName() + "." + field.getName()).isEqualTo(before.getClass());
                    } else if (before instanceof java.util.List<?>) {
                        assertThat(after).as(type.getSimpleName() + "." + field.getName()).isInstanceOf(java.util.List.class);
                    } else {
                        assertThat(after == null ? null : after.getClass()).as(type.getSimpleName() + "." + field.getName())
                                .isEqualTo(before == null ? null : before.getClass());
                    }
                }
            }

            if (last > 0) { // Axon snapshots only a stream of two events or more
                snapshotter.scheduleSnapshot(type, id);
                assertThat(snapshots(id)).as(type.getSimpleName() + " " + id).anyMatch(row -> row.startsWith(last + " "));
                DomainEventMessage<?> first = eventStore.readEvents(id).next(); // the snapshot, then the events after it
                assertThat(first.getPayloadType()).as(type.getSimpleName() + " " + id + " read from its snapshot").isEqualTo(type);
                assertThat(first.getSequenceNumber()).isEqualTo(last);
            }
        }
    }

    /** A plan of two events when the demo data holds none (the demo plans are seeded by the plan's read side). */
    private void aPlanExists() {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE type = 'Plan')").query(Boolean.class).single()) {
            return;
        }
        UUID plan = UUID.randomUUID();
        commands.sendAsSystem(new DraftPlan(plan, DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj"), null,
                "Instantanee de plan", List.of(), null));
        commands.sendAsSystem(new EditPlan(plan, LocalDate.of(2027, 1, 11), "Instantanee de plan", List.of(), null, 1));
    }

    /** An integrity incident of two events when the demo data holds none (before the demo incidents are seeded). */
    private void anIncidentExists() {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE type = 'IntegrityIncident')").query(Boolean.class).single()) {
            return;
        }
        UUID incident = UUID.randomUUID();
        UUID cluj = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
        LocalDate happened = LocalDate.of(2026, 3, 10);
        commands.sendAsSystem(new ro.marc.events.incident.command.RecordIntegrityIncident(incident, "Instantanee de incident",
                ro.marc.events.org.County.CJ, cluj, ro.marc.events.incident.IncidentType.INDICTMENT, happened, "1234",
                happened.plusDays(20), "Conținut scurt."));
        commands.sendAsSystem(new ro.marc.events.incident.command.EditIntegrityIncident(incident, 1, "Instantanee de incident",
                ro.marc.events.org.County.CJ, cluj, ro.marc.events.incident.IncidentType.CONVICTION, happened, "1234",
                happened.plusDays(20), "Conținut scurt."));
    }

    /**
     * A risk assessment of two events when the demo data holds none (before the demo assessments are seeded): member.cluj's,
     * of an approved risk of the first activity of their demo analysis (Anexa 3).
     */
    private void anAssessmentExists() {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE type = 'RiskAssessment')").query(Boolean.class).single()) {
            return;
        }
        UUID activity = ro.marc.api.local.DemoActivityAnalysis.content().getFirst().activityId();
        UUID risk = jdbc.sql("""
                        SELECT id FROM nomenclature_entry_lookup WHERE kind = 'RISK' AND parent_id = ? AND status = 'APPROVED'
                         ORDER BY id LIMIT 1""")
                .param(activity).query(UUID.class).optional()
                .orElseThrow(() -> new AssertionError("no approved risk of the demo analysis' activity " + activity));
        UUID assessment = UUID.randomUUID();
        commands.sendAsSystem(new ro.marc.events.assessment.command.StartRiskAssessment(assessment,
                ro.marc.api.local.DemoActivityAnalysis.PLAN, ro.marc.api.local.DemoActivityAnalysis.WORK_UNIT, activity, risk,
                ro.marc.api.local.DemoActivityAnalysis.MEMBER));
        commands.sendAsSystem(new ro.marc.events.assessment.command.SaveRiskAssessmentDraft(assessment,
                new ro.marc.events.assessment.RiskDescription(List.of("Instantanee de evaluare"), List.of(), List.of(), List.of(),
                        List.of(), List.of()), List.of(), 1));
    }

    /**
     * Prints what a load costs (the threshold's measure): the long stream replayed in full, the same from its
     * snapshot at the head, and a stream of one event (what any load costs anyway).
     */
    private void measureLoads(String id, String single) {
        int rounds = 40;
        long replay = 0;
        long fromSnapshot = 0;
        long oneEvent = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            engine.readEvents(id, 0).asStream().forEach(DomainEventMessage::getPayload); // every event, no snapshot
            long t1 = System.nanoTime();
            eventStore.readEvents(id).asStream().forEach(DomainEventMessage::getPayload);
            long t2 = System.nanoTime();
            eventStore.readEvents(single).asStream().forEach(DomainEventMessage::getPayload);
            long t3 = System.nanoTime();
            if (round >= 10) { // warmed up
                replay += t1 - t0;
                fromSnapshot += t2 - t1;
                oneEvent += t3 - t2;
            }
        }
        System.out.printf("AggregateSnapshotsTest: load of %s events: %.2f ms replayed, %.2f ms from a snapshot at the head; "
                        + "a one-event stream %.2f ms%n",
                jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(id).query(Long.class).single(),
                replay / 30 / 1e6, fromSnapshot / 30 / 1e6, oneEvent / 30 / 1e6);
    }

    private void copySnapshot(String id, long from, long to) {
        jdbc.sql("""
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                                                  payload_revision, payload_type, time_stamp, meta_data)
                SELECT aggregate_identifier, ?, type, gen_random_uuid()::text, payload, payload_revision, payload_type, time_stamp, meta_data
                  FROM snapshot_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""")
                .param(to).param(id).param(from).update();
    }

    private List<String> snapshots(String id) {
        return jdbc.sql("SELECT sequence_number || ' ' || payload_type || ' ' || coalesce(payload_revision, '-') FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(String.class).list();
    }

    private JsonNode rename(String id, String name, int expectedVersion) {
        return graphql("admin", RENAME, Map.of("i", Map.of("id", id, "name", name, "expectedVersion", expectedVersion)));
    }
}
