package ro.marc.command.incident;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.InMemoryAccessLookup;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.command.incident.MaterialisedRisks.LinkedIncident;
import ro.marc.command.incident.MaterialisedRisks.RiskIncidents;
import ro.marc.command.incident.MaterialisedRisks.Where;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.nomenclature.InMemoryNomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.incident.IncidentDocument;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.command.*;
import ro.marc.events.incident.event.IncidentDocumentAttached;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link IncidentLookup} and {@link JdbcIncidentFiles} on a real PostgreSQL, through Axon's JDBC event store and
 * {@link CommandLookups} as the application wires them (the lookup and the file written in the transaction that
 * appends the event): the named query {@link MaterialisedRisks} with incidents in Cluj and Iași (archived and
 * acquitted ones not counted), contents kept once per hash, a refused or failed attach storing nothing, removing
 * one of two documents sharing a content keeping it and removing the last deleting it (also while another
 * incident attaches the same content: the hash's lock), document ids unique across incidents, redelivered events, and a
 * rebuild that keeps a content removed and attached again.
 */
class IncidentLookupPostgresTest {

    private static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
            .payloadColumn("payload").metaDataColumn("meta_data").build();
    /** A title the failing lookup refuses: the command fails after its file was kept. */
    private static final String FAILS_LATE = "Eșuează după păstrarea fișierului";

    private static final UUID CLUJ = UUID.randomUUID();
    private static final UUID IASI = UUID.randomUUID();
    private static final UUID ELSEWHERE = UUID.randomUUID();
    private static final UUID WU = UUID.randomUUID();
    private static final UUID DOMAIN = UUID.randomUUID();
    private static final UUID ACTIVITY = UUID.randomUUID();

    private static final DataSource dataSource = TestDatabase.dataSource();
    private static final JdbcClient jdbc = JdbcClient.create(dataSource);
    private static final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    private static final IncidentLookup lookup = new IncidentLookup(dataSource);
    private static final JdbcIncidentFiles files = new JdbcIncidentFiles(dataSource);
    private static final InMemoryNomenclatureCatalogue catalogue = new InMemoryNomenclatureCatalogue().given(
            new DomainDefined(DOMAIN, null, "Achiziții publice"),
            new ActivityProposed(ACTIVITY, "Atribuirea contractelor", null, DOMAIN, List.of(WU), List.of(), "system", CLUJ),
            new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, "system"));
    private static Configuration axon;
    private static CommandLookups lookups;

    @BeforeAll
    static void start() {
        OrgFacts org = new FixedOrgFacts().unit(CLUJ, County.CJ, WU).unit(IASI, County.IS, WU).unit(ELSEWHERE, County.B, WU);
        SpringTransactionManager axonTransactions = new SpringTransactionManager(transactions);
        EventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource)).transactionManager(axonTransactions)
                .schema(EVENT_SCHEMA).dataType(byte[].class)
                .eventSerializer(Jackson3Serializer.builder().build()).snapshotSerializer(Jackson3Serializer.builder().build())
                .persistenceExceptionResolver(new SQLStateResolver()).build();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureTransactionManager(c -> axonTransactions)
                .configureAggregate(IntegrityIncident.class)
                .registerComponent(OrgFacts.class, c -> org)
                .registerComponent(NomenclatureCatalogue.class, c -> catalogue)
                .registerComponent(IncidentFiles.class, c -> files)
                .registerComponent(IncidentDocumentIds.class, c -> lookup)
                .registerComponent(AccountDirectory.class, c -> new InMemoryAccessLookup())
                .buildConfiguration();
        axon.start();
        lookups = new CommandLookups(List.of(lookup, new FailingLookup()), axon.eventStore(), engine, jdbc, transactions);
    }

    @AfterAll
    static void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    /** Stands for any failure after the file was kept (a lookup refusing, the append failing): the command rolls back. */
    static final class FailingLookup implements CommandLookup {
        @Override
        public String name() {
            return "failing_test_lookup";
        }

        @Override
        public boolean handles(Class<?> payloadType) {
            return payloadType == IncidentDocumentAttached.class;
        }

        @Override
        public void apply(DomainEventMessage<?> event) {
            if (event.getPayload() instanceof IncidentDocumentAttached a && FAILS_LATE.equals(a.document().title())) {
                throw new IllegalStateException("failing after the file was kept");
            }
        }

        @Override
        public void clear() {
        }
    }

    // ------------------------------------------------------------------ the named query

    @Test
    void the_named_query_answers_same_structure_other_structures_or_none_with_incidents_in_cluj_and_iasi() throws Exception {
        UUID risk = approvedRisk("Favorizarea unui ofertant");
        UUID untouched = approvedRisk("Divulgarea ofertelor");
        UUID cluj = record(County.CJ, CLUJ, "Mită la licitația de la Cluj", LocalDate.of(2026, 2, 1));
        UUID iasi = record(County.IS, IASI, "Mită la licitația de la Iași", LocalDate.of(2026, 5, 1));
        UUID archived = record(County.CJ, CLUJ, "Caz arhivat la Cluj", LocalDate.of(2026, 6, 1));
        UUID acquitted = record(County.IS, IASI, "Caz achitat la Iași", LocalDate.of(2026, 7, 1));
        UUID clujLink = link(cluj, 1, null, risk);
        UUID iasiLink = link(iasi, 1, null, risk);
        link(archived, 1, null, risk);
        link(acquitted, 1, null, risk);
        send(new ArchiveIntegrityIncident(archived, 2));
        send(edit(acquitted, 2, IncidentType.ACQUITTAL, County.IS, IASI, "Caz achitat la Iași", LocalDate.of(2026, 7, 1)));

        RiskIncidents fromCluj = lookup.incidentsFor(risk, CLUJ);
        assertThat(fromCluj.where()).isEqualTo(Where.SAME_STRUCTURE);
        assertThat(fromCluj.lowestAllowedProbability()).isEqualTo(4);
        assertThat(fromCluj.sameStructure()).singleElement().satisfies(i -> {
            assertThat(i.incidentId()).isEqualTo(cluj);
            assertThat(i.linkId()).isEqualTo(clujLink);
            assertThat(i.title()).isEqualTo("Mită la licitația de la Cluj");
            assertThat(i.county()).isEqualTo(County.CJ);
            assertThat(i.orgUnitId()).isEqualTo(CLUJ);
            assertThat(i.orgUnitName()).isEqualTo("Org unit " + CLUJ);
            assertThat(i.type()).isEqualTo(IncidentType.INDICTMENT);
            assertThat(i.incidentDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        });
        assertThat(fromCluj.otherStructures()).extracting(LinkedIncident::incidentId).as("archived, acquitted left out")
                .containsExactly(iasi);

        RiskIncidents fromIasi = lookup.incidentsFor(risk, IASI);
        assertThat(fromIasi.where()).isEqualTo(Where.SAME_STRUCTURE);
        assertThat(fromIasi.sameStructure()).extracting(LinkedIncident::linkId).containsExactly(iasiLink);
        assertThat(fromIasi.otherStructures()).extracting(LinkedIncident::incidentId).containsExactly(cluj);

        RiskIncidents fromBucharest = lookup.incidentsFor(risk, ELSEWHERE);
        assertThat(fromBucharest.where()).isEqualTo(Where.OTHER_STRUCTURES);
        assertThat(fromBucharest.lowestAllowedProbability()).isEqualTo(3);
        assertThat(fromBucharest.otherStructures()).extracting(LinkedIncident::incidentId).as("newest first")
                .containsExactly(iasi, cluj);

        assertThat(lookup.incidentsFor(untouched, CLUJ).where()).isEqualTo(Where.NONE);
        assertThat(lookup.incidentsFor(untouched, CLUJ).lowestAllowedProbability()).isEqualTo(1);

        // Cluj's link removed: Cluj now sees only Iași's incident; a conviction still counts
        send(new UnlinkIncidentRisk(cluj, 2, clujLink));
        send(edit(iasi, 2, IncidentType.CONVICTION, County.IS, IASI, "Mită la licitația de la Iași", LocalDate.of(2026, 5, 1)));
        assertThat(lookup.incidentsFor(risk, CLUJ).where()).isEqualTo(Where.OTHER_STRUCTURES);
        assertThat(lookup.incidentsFor(risk, CLUJ).otherStructures()).singleElement()
                .satisfies(i -> assertThat(i.type()).isEqualTo(IncidentType.CONVICTION));

        // a link through another structure than the incident's counts for that structure
        UUID viaBucharest = link(cluj, 3, ELSEWHERE, risk);
        assertThat(lookup.incidentsFor(risk, ELSEWHERE).sameStructure()).extracting(LinkedIncident::linkId).containsExactly(viaBucharest);
        assertThat(lookup.incidentsFor(risk, ELSEWHERE).sameStructure().getFirst().orgUnitName()).isEqualTo("Org unit " + ELSEWHERE);
    }

    @Test
    void an_event_handed_twice_changes_nothing() throws Exception {
        UUID risk = approvedRisk("Risc de test");
        UUID incident = record(County.CJ, CLUJ, "Caz redat", LocalDate.of(2026, 3, 1));
        UUID link = link(incident, 1, null, risk);
        send(new UnlinkIncidentRisk(incident, 2, link));
        assertThat(lookup.incidentsFor(risk, CLUJ).where()).isEqualTo(Where.NONE);
        // the link event again (a rebuild racing a live write): the row's sequence number keeps it out
        List<? extends DomainEventMessage<?>> events = axon.eventStore().readEvents(incident.toString()).asStream().toList();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(s -> lookup.apply(events.get(1)));
        assertThat(lookup.incidentsFor(risk, CLUJ).where()).isEqualTo(Where.NONE);
        transaction.executeWithoutResult(s -> lookup.apply(events.get(0)));
        assertThat(jdbc.sql("SELECT last_seq FROM incident_lookup WHERE incident_id = ?").param(incident).query(Long.class).single())
                .isEqualTo(2L);
    }

    // ------------------------------------------------------------------ files

    @Test
    void a_content_is_kept_once_per_hash_and_goes_with_the_last_document_holding_it() throws Exception {
        byte[] pdf = pdf("decizia comună");
        String sha = IncidentFiles.sha256(pdf);
        UUID one = record(County.CJ, CLUJ, "Primul caz cu decizia", LocalDate.of(2026, 3, 1));
        UUID two = record(County.IS, IASI, "Al doilea caz cu decizia", LocalDate.of(2026, 3, 2));
        UUID first = attach(one, 1, "Sentința", "sentinta.pdf", pdf);
        UUID second = attach(two, 1, "Sentința", "sentinta.pdf", pdf);
        UUID third = attach(one, 2, "Sentința (copie)", "copie.pdf", pdf);
        assertThat(fileRows(sha)).as("one row for the three documents").isEqualTo(1);
        assertThat(files.content(sha)).hasValueSatisfying(c -> assertThat(c).isEqualTo(pdf));
        assertThat(jdbc.sql("SELECT size || ' ' || media_type FROM incident_file WHERE sha256 = ?").param(sha).query(String.class).single())
                .isEqualTo(pdf.length + " application/pdf");

        send(new RemoveIncidentDocument(one, 3, first));
        send(new RemoveIncidentDocument(two, 2, second));
        assertThat(files.content(sha)).as("the copy in the first incident still holds it").hasValueSatisfying(c -> assertThat(c).isEqualTo(pdf));
        send(new RemoveIncidentDocument(one, 4, third));
        assertThat(files.content(sha)).as("the last document holding it removed").isEmpty();
        assertThat(fileRows(sha)).isZero();
        // the history keeps the metadata and the hash
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?) AND payload_type LIKE '%IncidentDocument%'")
                .params(one.toString(), two.toString()).query(Long.class).single()).isEqualTo(6L);
    }

    @Test
    void an_attach_racing_the_removal_of_the_last_other_document_with_its_content_keeps_the_content() throws Exception {
        byte[] shared = pdf("cursă");
        String sha = IncidentFiles.sha256(shared);
        UUID one = record(County.CJ, CLUJ, "Cazul care își scoate documentul", LocalDate.of(2026, 3, 1));
        UUID two = record(County.IS, IASI, "Cazul care atașează același fișier", LocalDate.of(2026, 3, 1));
        UUID removed = attach(one, 1, "Sentința", "sentinta.pdf", shared);
        IncidentDocumentAttached attaching = new IncidentDocumentAttached(two, new IncidentDocument(UUID.randomUUID(),
                IncidentDocumentKind.OTHER, "Sentința", null, "sentinta.pdf", "application/pdf", sha, shared.length), "MARC");

        // the attach has kept the content and written its row, not committed yet, when the removal comes
        CountDownLatch kept = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> attach = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                files.keep(shared, "application/pdf");
                lookup.apply(new GenericDomainEventMessage<>("IntegrityIncident", two.toString(), 1, attaching));
                kept.countDown();
                try {
                    assertThat(commit.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(kept.await(20, TimeUnit.SECONDS)).isTrue();
            Future<Object> removal = threads.submit(() -> send(new RemoveIncidentDocument(one, 2, removed)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").query(Long.class).single() == 0) {
                assertThat(System.nanoTime()).as("the removal waits for the hash's lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            commit.countDown();
            attach.get(20, TimeUnit.SECONDS);
            assertThat(removal.get(20, TimeUnit.SECONDS)).isEqualTo(3L);
        } finally {
            threads.shutdownNow();
        }
        assertThat(files.content(sha)).as("the other incident's new document holds it").hasValueSatisfying(c -> assertThat(c).isEqualTo(shared));
    }

    @Test
    void a_refused_or_failed_attach_stores_nothing_and_appends_nothing() throws Exception {
        UUID incident = record(County.CJ, CLUJ, "Caz cu fișiere refuzate", LocalDate.of(2026, 3, 1));
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[100] = 7;
        assertThat(refusal(attachCommand(incident, 1, "Decizia", "decizie.pdf", exe))).satisfies(r -> {
            assertThat(r.field()).isEqualTo("file");
            assertThat(r.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        });
        assertThat(fileRows(IncidentFiles.sha256(exe))).isZero();

        byte[] misnamed = pdf("denumit greșit");
        assertThat(refusal(attachCommand(incident, 1, "Decizia", "decizie.xlsx", misnamed)).code()).isEqualTo("FILE_TYPE_MISMATCH");
        assertThat(fileRows(IncidentFiles.sha256(misnamed))).isZero();

        // valid, kept, and then the command fails: the content goes with the rolled-back transaction
        byte[] late = pdf("eșuează târziu");
        assertThatThrownBy(() -> attach(incident, 1, FAILS_LATE, "tarziu.pdf", late)).hasRootCauseMessage("failing after the file was kept");
        assertThat(fileRows(IncidentFiles.sha256(late))).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(incident.toString())
                .query(Long.class).single()).as("only the recording").isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_document_lookup WHERE incident_id = ?").param(incident)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_document_id_stays_one_document_across_incidents_even_removed() throws Exception {
        UUID one = record(County.CJ, CLUJ, "Caz cu un document", LocalDate.of(2026, 3, 1));
        UUID two = record(County.IS, IASI, "Alt caz", LocalDate.of(2026, 3, 1));
        UUID document = attach(one, 1, "Raport", "raport.pdf", pdf("primul"));
        assertThat(lookup.incidentOf(document)).contains(one);
        byte[] other = pdf("al doilea");
        AttachIncidentDocument sameId = new AttachIncidentDocument(two, 1, document, IncidentDocumentKind.OTHER, "Altul", null,
                "altul.pdf", other);
        assertThat(refusal(sameId)).satisfies(r -> {
            assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
            assertThat(r.field()).isEqualTo("documentId");
            assertThat(r.code()).isEqualTo("DUPLICATE_ID");
        });
        // two attaches racing past the handler's check: the unique index refuses the second at commit, typed
        IncidentDocumentAttached racing = new IncidentDocumentAttached(two, new IncidentDocument(document, IncidentDocumentKind.OTHER,
                "Altul", null, "altul.pdf", "application/pdf", IncidentFiles.sha256(other), other.length), "MARC");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s ->
                lookup.apply(new GenericDomainEventMessage<>("IntegrityIncident", two.toString(), 1, racing))))
                .isInstanceOfSatisfying(CommandRejected.class, r -> assertThat(r.code()).isEqualTo("DUPLICATE_ID"));
        assertThat(jdbc.sql("SELECT last_seq FROM incident_lookup WHERE incident_id = ?").param(two).query(Long.class).single())
                .as("rolled back").isZero();

        send(new RemoveIncidentDocument(one, 2, document));
        assertThat(refusal(sameId).code()).as("a removed document's id stays its own").isEqualTo("DUPLICATE_ID");
        assertThat(fileRows(IncidentFiles.sha256(other))).isZero();
    }

    @Test
    void a_rebuild_keeps_a_content_removed_and_attached_again_and_deletes_what_nothing_holds() throws Exception {
        byte[] again = pdf("atașat din nou");
        String sha = IncidentFiles.sha256(again);
        UUID incident = record(County.CJ, CLUJ, "Caz reconstruit", LocalDate.of(2026, 3, 1));
        UUID first = attach(incident, 1, "Raportul", "raport.pdf", again);
        send(new RemoveIncidentDocument(incident, 2, first));
        assertThat(fileRows(sha)).isZero();
        attach(incident, 3, "Raportul, din nou", "raport.pdf", again);
        assertThat(fileRows(sha)).isEqualTo(1);
        // a content no document holds (left by a crash between releases, say): the build sweeps it
        byte[] orphan = pdf("orfan");
        new TransactionTemplate(transactions).executeWithoutResult(s -> files.keep(orphan, "application/pdf"));
        assertThat(fileRows(IncidentFiles.sha256(orphan))).isEqualTo(1);

        jdbc.sql("DELETE FROM command_lookup_build WHERE name IN (?, ?)").params(IncidentLookup.NAME, "failing_test_lookup").update();
        lookups.buildMissing();

        assertThat(files.content(sha)).as("the replayed removal did not delete what a later attach holds")
                .hasValueSatisfying(c -> assertThat(c).isEqualTo(again));
        assertThat(fileRows(IncidentFiles.sha256(orphan))).isZero();
        assertThat(jdbc.sql("SELECT live FROM incident_document_lookup WHERE incident_id = ? ORDER BY live").param(incident)
                .query(Boolean.class).list()).as("the removed document's row and the live one").containsExactly(false, true);
        assertThat(jdbc.sql("SELECT last_seq FROM incident_lookup WHERE incident_id = ?").param(incident).query(Long.class).single())
                .isEqualTo(3L);
    }

    // ------------------------------------------------------------------ helpers

    private static UUID approvedRisk(String name) {
        UUID risk = UUID.randomUUID();
        catalogue.given(new RiskProposed(risk, ACTIVITY, name, null, "system", CLUJ),
                new ProposalAccepted(risk, ItemKind.RISK, 1, "system"));
        return risk;
    }

    private static UUID record(County county, UUID orgUnit, String title, LocalDate happened) throws Exception {
        UUID incident = UUID.randomUUID();
        assertThat(send(new RecordIntegrityIncident(incident, title, county, orgUnit, IncidentType.INDICTMENT, happened,
                "2026" + Math.abs(incident.hashCode() % 1000), happened.plusDays(10), "Conținut scurt al cazului."))).isEqualTo(1L);
        return incident;
    }

    private static EditIntegrityIncident edit(UUID incident, long version, IncidentType type, County county, UUID orgUnit,
                                              String title, LocalDate happened) {
        return new EditIntegrityIncident(incident, version, title, county, orgUnit, type, happened,
                "2026" + Math.abs(incident.hashCode() % 1000), happened.plusDays(10), "Conținut scurt al cazului.");
    }

    private static UUID link(UUID incident, long version, UUID orgUnit, UUID risk) throws Exception {
        UUID link = UUID.randomUUID();
        assertThat(send(new LinkIncidentRisk(incident, version, link, orgUnit, WU, ACTIVITY, risk, List.of()))).isEqualTo(version + 1);
        return link;
    }

    private static AttachIncidentDocument attachCommand(UUID incident, long version, String title, String fileName, byte[] content) {
        return new AttachIncidentDocument(incident, version, UUID.randomUUID(), IncidentDocumentKind.OTHER, title, null, fileName, content);
    }

    private static UUID attach(UUID incident, long version, String title, String fileName, byte[] content) throws Exception {
        AttachIncidentDocument command = attachCommand(incident, version, title, fileName, content);
        assertThat(send(command)).isEqualTo(version + 1);
        return command.documentId();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long fileRows(String sha) {
        return jdbc.sql("SELECT count(*) FROM incident_file WHERE sha256 = ?").param(sha).query(Long.class).single();
    }

    private static Object send(Object command) throws Exception {
        CompletableFuture<Object> result = axon.commandGateway().send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("userId", "system"))));
        return result.get(20, TimeUnit.SECONDS);
    }

    private static CommandRejected refusal(Object command) {
        try {
            send(command);
        } catch (ExecutionException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof CommandRejected rejected) {
                    return rejected;
                }
            }
            throw new AssertionError("not a typed refusal", failed);
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("accepted: " + command);
    }
}
