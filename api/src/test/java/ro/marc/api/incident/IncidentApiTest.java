package ro.marc.api.incident;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.common.CommandSender;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.command.AttachIncidentDocument;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrity incidents (issue 12) over GraphQL with real tokens, on the demo organisation and nomenclature: the
 * lifecycle (indictment → conviction; indictment → acquittal removes the links; archived: out of lists, still
 * readable), every "bad input" refused naming its field with nothing appended, a stale version, who sees what, the
 * text search without diacritics, the filters and statistics, the counts per activity, and the UCA 63 view of a
 * risk with incidents in two counties. Each test links its incidents to a risk of its own (added, approved at once,
 * by the central administrator under an Ordine publică activity), so counts are exact whatever else the database holds.
 */
class IncidentApiTest extends ApiTestSupport {

    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");
    static final UUID IPJ_TIMIS = DemoOrganisation.id("Inspectoratul de Poliție Județean Timiș");
    static final UUID ORDINE_PUBLICA = DemoOrganisation.id("wu:Ordine publică");
    static final UUID MIGRATIE = DemoOrganisation.id("wu:Migrație");
    /** Held by Ordine publică only (member.cluj's work unit in the active plan; IPJ Iași holds it too). */
    static final String ACTIVITY = "Asigurarea ordinii publice la adunări publice și competiții sportive";
    static final String DOMAIN = "Menținerea ordinii publice";
    static final String OTHER_ACTIVITY = "Acordarea și prelungirea dreptului de ședere al străinilor";
    static final String OTHER_RISK = "Prelungirea dreptului de ședere pe baza unor căsătorii de conveniență sau a unor contracte de muncă fictive";
    /** A valid CNP (check digit 0 with key 279146358279): born 1980-01-01, county code 12. */
    static final String CNP = "1800101123450";

    static final String INCIDENT_FIELDS = """
            id title county orgUnitId orgUnitName type incidentDate fileNumber fileRegisteredOn content archived version
            recordedByName createdAt updatedAt domains { id name }
            links { linkId orgUnitId orgUnitName workUnitId workUnitName domainId domainName activityId activityName riskId riskName
              categories { category persons { materialActs outcome period } additionalFields } }
            documents { documentId url }""";
    static final String RECORD = "mutation($i: RecordIncidentInput!) { recordIncident(input: $i) { id version incident { "
            + INCIDENT_FIELDS + " } } }";
    static final String EDIT = "mutation($i: EditIncidentInput!) { editIncident(input: $i) { id version incident { "
            + INCIDENT_FIELDS + " } } }";
    static final String ARCHIVE = "mutation($i: IncidentVersionInput!) { archiveIncident(input: $i) { id version incident { archived } } }";
    static final String LINK = "mutation($i: IncidentRiskLinkInput!) { linkIncidentRisk(input: $i) { id version incident { "
            + INCIDENT_FIELDS + " } } }";
    static final String READ = "query($id: ID!) { incident(id: $id) { " + INCIDENT_FIELDS + " } }";
    static final String LIST = """
            query($f: IncidentFilter, $s: IncidentSortInput, $first: Int, $after: String) {
              incidents(filter: $f, sort: $s, first: $first, after: $after) {
                totalCount statistics { total byType { type count } byCounty { county count } }
                edges { cursor node { id title type county domains { name } } } pageInfo { hasNextPage endCursor } } }""";
    static final String FOR_RISK = """
            query($r: ID!, $o: ID!) { incidentsForRisk(riskId: $r, orgUnitId: $o) {
              riskId orgUnitId where lowestAllowedProbability sameStructureCount otherStructuresCount
              incidents { incidentId linkId title county orgUnitId orgUnitName type incidentDate sameStructure } } }""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandSender commands;

    private long events(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate.toString()).query(Long.class).single();
    }

    /** A word no other test's incident holds (letters only: the search folds and splits on the rest). */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    /** A risk of {@link #ACTIVITY} of this test's own, added by the central administrator (approved at once). */
    private String freshRisk() {
        String risk = UUID.randomUUID().toString();
        JsonNode proposed = data("admin", "mutation($i: ProposeRiskInput!) { proposeRisk(input: $i) { id version item { status } } }",
                Map.of("i", Map.of("id", risk, "activityId", activity().toString(), "name", "Risc de test " + word())));
        // a central administrator's proposal is approved at once
        assertThat(proposed.at("/proposeRisk/item/status").asString()).isEqualTo("APPROVED");
        return risk;
    }

    private static UUID activity() {
        return DemoNomenclature.activityId(ACTIVITY);
    }

    private static Map<String, Object> incident(String title, String county, UUID orgUnitId, String type, String date) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", UUID.randomUUID().toString());
        input.put("title", title);
        input.put("county", county);
        input.put("orgUnitId", orgUnitId.toString());
        input.put("type", type);
        input.put("incidentDate", date);
        input.put("fileNumber", "20260045");
        input.put("fileRegisteredOn", LocalDate.parse(date).plusDays(20).toString());
        input.put("content", "Lucrătorul a pretins foloase necuvenite pentru a nu consemna abaterile constatate.");
        return input;
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(input);
        copy.put(key, value);
        return copy;
    }

    private JsonNode record(String user, Map<String, Object> input) {
        return data(user, RECORD, Map.of("i", input)).get("recordIncident");
    }

    private static Map<String, Object> link(JsonNode payload, UUID orgUnitId, UUID workUnitId, UUID activityId, String riskId) {
        Map<String, Object> input = new HashMap<>();
        input.put("incidentId", payload.at("/id").asString());
        input.put("expectedVersion", payload.at("/version").asLong());
        input.put("orgUnitId", orgUnitId == null ? null : orgUnitId.toString());
        input.put("workUnitId", workUnitId.toString());
        input.put("activityId", activityId.toString());
        input.put("riskId", riskId);
        input.put("categories", List.of(Map.of("category", "OFFICERS",
                "persons", List.of(Map.of("materialActs", 3, "outcome", "Condamnare la 3 ani cu suspendare", "period", "2019–2021")),
                "additionalFields", List.of("Prejudiciu recuperat integral"))));
        return input;
    }

    private JsonNode linkTo(String user, JsonNode payload, UUID orgUnitId, String riskId) {
        return data(user, LINK, Map.of("i", link(payload, orgUnitId, ORDINE_PUBLICA, activity(), riskId))).get("linkIncidentRisk");
    }

    private static Map<String, Object> edit(JsonNode incident, long version, String type) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", incident.at("/id").asString());
        input.put("expectedVersion", version);
        input.put("title", incident.at("/title").asString());
        input.put("county", incident.at("/county").asString());
        input.put("orgUnitId", incident.at("/orgUnitId").asString());
        input.put("type", type);
        input.put("incidentDate", incident.at("/incidentDate").asString());
        input.put("fileNumber", incident.at("/fileNumber").asString());
        input.put("fileRegisteredOn", incident.at("/fileRegisteredOn").asString());
        input.put("content", incident.at("/content").asString());
        return input;
    }

    private static void assertRefused(JsonNode response, String classification, String code, String field) {
        JsonNode error = firstError(response);
        if (classification != null) {
            assertThat(error.at("/extensions/classification").asString()).as(response.toString()).isEqualTo(classification);
        }
        assertThat(error.at("/extensions/code").asString()).as(response.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(error.at("/extensions/field").asString()).as(response.toString()).isEqualTo(field);
        }
    }

    private List<String> ids(String user, Map<String, Object> filter) {
        return data(user, LIST, Map.of("f", filter, "first", 500)).at("/incidents/edges").findValuesAsString("id");
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    @Test
    void an_indictment_becomes_a_conviction_and_another_an_acquittal_that_removes_its_links() {
        String risk = freshRisk();
        JsonNode recorded = record("admin.cluj", incident("Mită la competiții sportive " + word(), "CJ", IPJ_CLUJ, "INDICTMENT", "2026-03-10"));
        JsonNode view = recorded.at("/incident");
        assertThat(view.at("/title").asString()).startsWith("Mită la competiții sportive");
        assertThat(view.at("/type").asString()).isEqualTo("INDICTMENT");
        assertThat(view.at("/county").asString()).isEqualTo("CJ");
        assertThat(view.at("/orgUnitName").asString()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
        assertThat(view.at("/incidentDate").asString()).isEqualTo("2026-03-10");
        assertThat(view.at("/fileRegisteredOn").asString()).isEqualTo("2026-03-30");
        assertThat(view.at("/archived").asBoolean()).isFalse();
        assertThat(view.at("/recordedByName").asString()).contains("Mihai Rusu");
        assertThat(view.at("/version").asLong()).isEqualTo(recorded.at("/version").asLong());

        JsonNode linked = linkTo("admin.cluj", recorded, null, risk);
        JsonNode l = linked.at("/incident/links/0");
        assertThat(l.at("/riskId").asString()).isEqualTo(risk);
        assertThat(l.at("/orgUnitId").asString()).as("no org unit: the incident's").isEqualTo(IPJ_CLUJ.toString());
        assertThat(l.at("/workUnitName").asString()).isEqualTo("Ordine publică");
        assertThat(l.at("/activityName").asString()).isEqualTo(ACTIVITY);
        assertThat(l.at("/riskName").asString()).startsWith("Risc de test");
        assertThat(l.at("/domainName").asString()).isEqualTo(DOMAIN);
        assertThat(l.at("/categories/0/category").asString()).isEqualTo("OFFICERS");
        assertThat(l.at("/categories/0/persons/0/materialActs").asInt()).isEqualTo(3);
        assertThat(l.at("/categories/0/persons/0/period").asString()).isEqualTo("2019–2021");
        assertThat(l.at("/categories/0/additionalFields/0").asString()).isEqualTo("Prejudiciu recuperat integral");
        assertThat(linked.at("/incident/domains/0/name").asString()).as("I01: the domain column").isEqualTo(DOMAIN);

        JsonNode convicted = data("admin.cluj", EDIT, Map.of("i", edit(linked.at("/incident"), linked.at("/version").asLong(),
                "CONVICTION"))).at("/editIncident");
        assertThat(convicted.at("/incident/type").asString()).isEqualTo("CONVICTION");
        assertThat(convicted.at("/incident/links").size()).as("a conviction keeps its links").isEqualTo(1);
        // never back to an indictment
        JsonNode back = graphql("admin.cluj", EDIT, Map.of("i", edit(convicted.at("/incident"), convicted.at("/version").asLong(), "INDICTMENT")));
        assertRefused(back, null, "TYPE_BACKWARDS", "type");

        // another indictment, acquitted: its links go (kept in history: an unlink event per link)
        JsonNode second = record("admin", incident("Foloase pentru avizarea pazei " + word(), "CJ", IPJ_CLUJ, "INDICTMENT", "2026-02-01"));
        JsonNode secondLinked = linkTo("admin", second, IPJ_CLUJ, risk);
        UUID secondId = UUID.fromString(second.at("/id").asString());
        long before = events(secondId);
        JsonNode acquitted = data("admin", EDIT, Map.of("i", edit(secondLinked.at("/incident"), secondLinked.at("/version").asLong(),
                "ACQUITTAL"))).at("/editIncident");
        assertThat(acquitted.at("/incident/type").asString()).isEqualTo("ACQUITTAL");
        assertThat(acquitted.at("/incident/links").size()).isZero();
        assertThat(acquitted.at("/incident/domains").size()).isZero();
        assertThat(events(secondId)).as("the edit and one unlink").isEqualTo(before + 2);
        JsonNode onAcquittal = graphql("admin", LINK, Map.of("i", link(acquitted, IPJ_CLUJ, ORDINE_PUBLICA, activity(), risk)));
        assertRefused(onAcquittal, "CONFLICT", "ACQUITTED", null);

        // archived by a central administrator only: out of the list unless asked for, still readable, no longer changed
        UUID firstId = UUID.fromString(recorded.at("/id").asString());
        JsonNode notTheirs = graphql("admin.cluj", ARCHIVE, Map.of("i", Map.of("id", firstId.toString(), "expectedVersion",
                convicted.at("/version").asLong())));
        assertThat(firstError(notTheirs).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        JsonNode archived = data("admin", ARCHIVE, Map.of("i", Map.of("id", firstId.toString(), "expectedVersion",
                convicted.at("/version").asLong()))).at("/archiveIncident");
        assertThat(archived.at("/incident/archived").asBoolean()).isTrue();
        assertThat(ids("admin", Map.of("riskIds", List.of(risk)))).doesNotContain(firstId.toString());
        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "includeArchived", true))).contains(firstId.toString());
        assertThat(data("admin.cluj", READ, Map.of("id", firstId.toString())).at("/incident/archived").asBoolean()).isTrue();
        JsonNode again = graphql("admin", ARCHIVE, Map.of("i", Map.of("id", firstId.toString(), "expectedVersion",
                archived.at("/version").asLong())));
        assertRefused(again, "CONFLICT", "ARCHIVED", null);
        JsonNode editArchived = graphql("admin", EDIT, Map.of("i", with(edit(convicted.at("/incident"), archived.at("/version").asLong(),
                "ACQUITTAL"), "title", "Alt titlu")));
        assertRefused(editArchived, "CONFLICT", "ARCHIVED", null);
    }

    @Test
    void a_link_is_revised_and_removed_and_a_document_is_retitled_and_removed_by_whoever_may() {
        String risk = freshRisk();
        JsonNode recorded = record("admin.cluj", incident("Foloase pentru ignorarea incidentelor " + word(), "CJ", IPJ_CLUJ,
                "CONVICTION", "2026-01-25"));
        UUID id = UUID.fromString(recorded.at("/id").asString());
        JsonNode linked = linkTo("admin.cluj", recorded, null, risk);
        String linkId = linked.at("/incident/links/0/linkId").asString();

        Map<String, Object> revision = link(linked, null, ORDINE_PUBLICA, activity(), risk);
        revision.put("linkId", linkId);
        revision.put("categories", List.of(Map.of("category", "AGENTS", "persons", List.of(
                Map.of("materialActs", 2, "outcome", "Amendă penală"),
                Map.of("materialActs", 7, "outcome", "Închisoare 2 ani", "period", "2020–2022")))));
        JsonNode revised = data("admin.cluj", "mutation($i: IncidentRiskLinkInput!) { reviseIncidentRiskLink(input: $i) { id version incident { "
                + INCIDENT_FIELDS + " } } }", Map.of("i", revision)).at("/reviseIncidentRiskLink");
        JsonNode category = revised.at("/incident/links/0/categories/0");
        assertThat(revised.at("/incident/links").size()).isEqualTo(1);
        assertThat(category.at("/category").asString()).isEqualTo("AGENTS");
        assertThat(category.at("/persons").size()).isEqualTo(2);
        assertThat(category.at("/persons/1/materialActs").asInt()).isEqualTo(7);
        assertThat(category.at("/persons/0/period").isNull()).isTrue();

        String unlink = "mutation($i: UnlinkIncidentRiskInput!) { unlinkIncidentRisk(input: $i) { version incident { links { linkId } } } }";
        assertThat(firstError(graphql("member.cluj", unlink, Map.of("i", Map.of("incidentId", id.toString(), "linkId", linkId,
                "expectedVersion", revised.at("/version").asLong())))).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        JsonNode unlinked = data("admin.cluj", unlink, Map.of("i", Map.of("incidentId", id.toString(), "linkId", linkId,
                "expectedVersion", revised.at("/version").asLong()))).at("/unlinkIncidentRisk");
        assertThat(unlinked.at("/incident/links").size()).isZero();

        // a document attached (the upload's command; the HTTP upload is tested with it), then retitled by the structure's
        // head (UCA 48) and removed by the territorial administrator
        UUID documentId = UUID.randomUUID();
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        commands.sendAsDemoUserOnce(new AttachIncidentDocument(id, unlinked.at("/version").asLong(), documentId,
                IncidentDocumentKind.EVALUATION_REPORT, "Raport de evaluare", "Concluziile vizitei de evaluare", "raport.pdf", pdf),
                DemoAccess.userId("admin.cluj"), () -> false);
        JsonNode withDocument = eventually(() -> data("head.cluj", READ, Map.of("id", id.toString())),
                d -> d.at("/incident/documents").size() == 1).at("/incident");
        assertThat(withDocument.at("/documents/0/url").asString()).isEqualTo("/documents/" + documentId);
        String documentQuery = "query($id: ID!) { incident(id: $id) { documents { documentId kind title summary fileName mediaType sha256 size "
                + "uploadedByName uploadedAt url } } }";
        JsonNode document = data("head.cluj", documentQuery, Map.of("id", id.toString())).at("/incident/documents/0");
        assertThat(document.at("/kind").asString()).isEqualTo("EVALUATION_REPORT");
        assertThat(document.at("/mediaType").asString()).isEqualTo("application/pdf");
        assertThat(document.at("/size").asInt()).isEqualTo(pdf.length);
        assertThat(document.at("/sha256").asString()).hasSize(64);

        String retitle = "mutation($i: ReviseIncidentDocumentInput!) { reviseIncidentDocument(input: $i) { version incident { documents { title summary } } } }";
        Map<String, Object> newTitle = Map.of("incidentId", id.toString(), "documentId", documentId.toString(),
                "title", "Raport de evaluare (revizuit)", "summary", "Concluzii revizuite", "expectedVersion", withDocument.at("/version").asLong());
        for (String refused : List.of("member.cluj", "owner.cluj", "head.iasi", "admin.iasi")) {
            assertThat(firstError(graphql(refused, retitle, Map.of("i", newTitle))).at("/extensions/classification").asString())
                    .as(refused).isEqualTo("FORBIDDEN");
        }
        JsonNode retitled = data("head.cluj", retitle, Map.of("i", newTitle)).at("/reviseIncidentDocument");
        assertThat(retitled.at("/incident/documents/0/title").asString()).isEqualTo("Raport de evaluare (revizuit)");
        assertThat(retitled.at("/incident/documents/0/summary").asString()).isEqualTo("Concluzii revizuite");

        String remove = "mutation($i: RemoveIncidentDocumentInput!) { removeIncidentDocument(input: $i) { version incident { documents { documentId } } } }";
        JsonNode removed = data("admin.cluj", remove, Map.of("i", Map.of("incidentId", id.toString(), "documentId", documentId.toString(),
                "expectedVersion", retitled.at("/version").asLong()))).at("/removeIncidentDocument");
        assertThat(removed.at("/incident/documents").size()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ bad input

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_appended() {
        Map<String, Object> good = incident("Trafic de influență la recrutare " + word(), "CJ", IPJ_CLUJ, "INDICTMENT", "2026-01-20");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Bucharest")).plusDays(1).toString();
        record Case(String what, Map<String, Object> input, String classification, String code, String field) {
        }
        List<Case> cases = List.of(
                new Case("a file number with letters", with(good, "fileNumber", "12A45"), "BAD_REQUEST", "DIGITS_ONLY", "fileNumber"),
                new Case("an incident date in the future", with(with(good, "incidentDate", tomorrow), "fileRegisteredOn", tomorrow),
                        "BAD_REQUEST", "IN_FUTURE", "incidentDate"),
                new Case("a registration date in the future", with(good, "fileRegisteredOn", tomorrow), "BAD_REQUEST", "IN_FUTURE",
                        "fileRegisteredOn"),
                new Case("a registration before the incident", with(good, "fileRegisteredOn", "2026-01-19"), "BAD_REQUEST",
                        "BEFORE_INCIDENT", "fileRegisteredOn"),
                new Case("content with a CNP", with(good, "content", "Inculpatul, CNP " + CNP + ", a primit 500 lei."), "BAD_REQUEST",
                        "PERSONAL_DATA", "content"),
                new Case("a title with an e-mail address", with(good, "title", "Sesizare de la ion.popescu@example.ro"), "BAD_REQUEST",
                        "PERSONAL_DATA", "title"),
                new Case("an empty title", with(good, "title", ""), "BAD_REQUEST", "REQUIRED", "title"),
                new Case("a NUL in the title", with(good, "title", "Mită \u0000 la stadion"), "BAD_REQUEST", "INVALID_CHARACTERS", "title"),
                new Case("a date that is not one", with(good, "incidentDate", "20.01.2026"), "BAD_REQUEST", "INVALID_INSTANT", "incidentDate"),
                new Case("a county other than the org unit's", with(good, "county", "IS"), "BAD_REQUEST", "COUNTY_MISMATCH", "county"));
        for (Case c : cases) {
            Map<String, Object> input = with(c.input(), "id", UUID.randomUUID().toString());
            JsonNode response = graphql("admin.cluj", RECORD, Map.of("i", input));
            assertRefused(response, c.classification(), c.code(), c.field());
            assertThat(response.toString()).as(c.what() + ": the CNP is never quoted back").doesNotContain(CNP);
            assertThat(events(UUID.fromString((String) input.get("id")))).as(c.what() + ": nothing appended").isZero();
        }
        assertThat(firstError(graphql("admin.cluj", RECORD, Map.of("i", with(with(good, "id", UUID.randomUUID().toString()), "content",
                "CNP " + CNP)))).at("/message").asString()).contains("CNP");

        // risk links: an unknown risk, a risk of another activity, a work unit the structure does not hold, no material acts
        JsonNode recorded = record("admin.cluj", with(good, "id", UUID.randomUUID().toString()));
        UUID id = UUID.fromString(recorded.at("/id").asString());
        long before = events(id);
        String otherRisk = DemoNomenclature.riskId(OTHER_ACTIVITY, OTHER_RISK).toString();
        assertRefused(graphql("admin.cluj", LINK, Map.of("i", link(recorded, null, ORDINE_PUBLICA, activity(), UUID.randomUUID().toString()))),
                null, "NOT_FOUND", "riskId");
        assertRefused(graphql("admin.cluj", LINK, Map.of("i", link(recorded, null, ORDINE_PUBLICA, activity(), otherRisk))),
                null, "RISK_NOT_OF_ACTIVITY", "riskId");
        assertRefused(graphql("admin.cluj", LINK, Map.of("i", link(recorded, null, MIGRATIE, DemoNomenclature.activityId(OTHER_ACTIVITY),
                otherRisk))), null, "WORK_UNIT_NOT_HELD", "workUnitId");
        Map<String, Object> noActs = link(recorded, null, ORDINE_PUBLICA, activity(), freshRisk());
        noActs.put("categories", List.of(Map.of("category", "AGENTS", "persons", List.of(Map.of("materialActs", 0, "outcome", "Amendă penală")))));
        assertRefused(graphql("admin.cluj", LINK, Map.of("i", noActs)), "BAD_REQUEST", "OUT_OF_RANGE",
                "categories[0].persons[0].materialActs");
        Map<String, Object> noCategory = link(recorded, null, ORDINE_PUBLICA, activity(), freshRisk());
        noCategory.put("categories", List.of(Map.of("persons", List.of())));
        assertRefused(graphql("admin.cluj", LINK, Map.of("i", noCategory)), "BAD_REQUEST", "REQUIRED", "categories[0].category");
        assertThat(events(id)).as("refused links append nothing").isEqualTo(before);

        // a stale version is a conflict
        JsonNode stale = graphql("admin.cluj", EDIT, Map.of("i", edit(recorded.at("/incident"), recorded.at("/version").asLong() + 5,
                "CONVICTION")));
        assertRefused(stale, "CONFLICT", "STALE_VERSION", "expectedVersion");
        assertThat(events(id)).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ who sees what

    @Test
    void each_role_sees_and_changes_only_what_the_rules_allow() {
        String risk = freshRisk();
        JsonNode unlinked = record("admin.iasi", incident("Abuz în serviciu la pașapoarte " + word(), "IS", IPJ_IASI, "INDICTMENT", "2026-01-05"));
        String unlinkedId = unlinked.at("/id").asString();
        JsonNode linkedSource = record("admin.iasi", incident("Luare de mită la stadion " + word(), "IS", IPJ_IASI, "INDICTMENT", "2026-01-06"));
        String linkedId = linkedSource.at("/id").asString();
        linkTo("admin.iasi", linkedSource, null, risk);

        // territorial administrators read nationwide; the central counsellor below IGPR; heads their structure
        for (String reader : List.of("admin", "auditor", "admin.cluj", "admin.iasi", "counsellor.central", "head.iasi")) {
            assertThat(data(reader, READ, Map.of("id", unlinkedId)).at("/incident/id").asString()).as(reader).isEqualTo(unlinkedId);
        }
        // a member sees the incidents of the activities of their assigned work units (Ordine publică), wherever they happened
        assertThat(data("member.cluj", READ, Map.of("id", linkedId)).at("/incident/id").asString()).isEqualTo(linkedId);
        JsonNode outside = graphql("member.cluj", READ, Map.of("id", unlinkedId));
        assertThat(firstError(outside).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(outside.at("/data/incident").isNull() || outside.at("/data/incident").isMissingNode()).isTrue();
        List<String> memberList = ids("member.cluj", Map.of("counties", List.of("IS")));
        assertThat(memberList).contains(linkedId).doesNotContain(unlinkedId);
        // head.cluj covers IPJ Cluj's work units (Ordine publică among them): the linked one, not the other
        assertThat(ids("head.cluj", Map.of("counties", List.of("IS")))).contains(linkedId).doesNotContain(unlinkedId);
        // risk owners read no incident (their counts only)
        for (String owner : List.of("owner.cluj", "owner.iasi")) {
            assertThat(firstError(graphql(owner, READ, Map.of("id", unlinkedId))).at("/extensions/classification").asString())
                    .isEqualTo("FORBIDDEN");
            assertThat(firstError(graphql(owner, LIST, Map.of())).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        }

        // edits: a territorial administrator of another county, a member, a head: refused, nothing appended
        long before = events(UUID.fromString(unlinkedId));
        for (String editor : List.of("admin.cluj", "member.iasi", "head.iasi", "owner.iasi", "auditor")) {
            JsonNode refused = graphql(editor, EDIT, Map.of("i", with(edit(unlinked.at("/incident"), unlinked.at("/version").asLong(),
                    "CONVICTION"), "title", "Schimbat")));
            assertThat(firstError(refused).at("/extensions/classification").asString()).as(editor).isEqualTo("FORBIDDEN");
        }
        JsonNode inCluj = graphql("admin.iasi", RECORD, Map.of("i", incident("Fapte în alt județ", "CJ", IPJ_CLUJ, "INDICTMENT", "2026-01-07")));
        assertThat(firstError(inCluj).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        // moving an incident to a structure of another county needs reach over both
        JsonNode moved = graphql("admin.iasi", EDIT, Map.of("i", with(with(edit(unlinked.at("/incident"), unlinked.at("/version").asLong(),
                "INDICTMENT"), "orgUnitId", IPJ_CLUJ.toString()), "county", "CJ")));
        assertThat(firstError(moved).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(events(UUID.fromString(unlinkedId))).isEqualTo(before);
        // the central administrator edits anywhere
        JsonNode edited = data("admin", EDIT, Map.of("i", with(edit(unlinked.at("/incident"), unlinked.at("/version").asLong(),
                "CONVICTION"), "title", "Abuz în serviciu la pașapoarte (condamnare)"))).at("/editIncident");
        assertThat(edited.at("/incident/title").asString()).isEqualTo("Abuz în serviciu la pașapoarte (condamnare)");
    }

    // ------------------------------------------------------------------------------------------------ list and search

    @Test
    void the_list_searches_without_diacritics_filters_sorts_pages_and_counts() {
        String risk = freshRisk();
        String word = word();
        JsonNode cluj = record("admin", incident("Mită primită la stadion " + word, "CJ", IPJ_CLUJ, "INDICTMENT", "2026-01-15"));
        linkTo("admin", cluj, null, risk);
        JsonNode iasi = record("admin", incident("Foloase necuvenite la avizare " + word, "IS", IPJ_IASI, "CONVICTION", "2026-02-20"));
        linkTo("admin", iasi, null, risk);
        JsonNode unlinked = record("admin", incident("Mită pentru permise " + word, "CJ", IPJ_CLUJ, "INDICTMENT", "2026-03-01"));
        String c = cluj.at("/id").asString();
        String i = iasi.at("/id").asString();
        String u = unlinked.at("/id").asString();

        // every word, diacritics optional: "mita" finds "Mită"
        JsonNode found = eventually(() -> data("admin", LIST, Map.of("f", Map.of("text", "mita " + word), "first", 50)),
                d -> d.at("/incidents/edges").size() >= 2);
        assertThat(found.at("/incidents/edges").findValuesAsString("id")).containsExactlyInAnyOrder(c, u);
        assertThat(found.at("/incidents/totalCount").asInt()).isEqualTo(2);
        assertThat(ids("admin", Map.of("text", "avizare " + word))).containsExactly(i);
        assertThat(ids("admin", Map.of("text", "mita " + word, "riskIds", List.of(risk)))).containsExactly(c);

        Map<String, Object> ofRisk = Map.of("riskIds", List.of(risk));
        JsonNode all = data("admin", LIST, Map.of("f", ofRisk, "first", 50)).at("/incidents");
        assertThat(all.at("/edges").findValuesAsString("id")).containsExactly(i, c); // newest first
        assertThat(all.at("/edges/0/node/domains/0/name").asString()).isEqualTo(DOMAIN);
        assertThat(all.at("/statistics/total").asInt()).isEqualTo(2);
        assertThat(all.at("/statistics/byType").toString()).contains("{\"type\":\"INDICTMENT\",\"count\":1}",
                "{\"type\":\"CONVICTION\",\"count\":1}", "{\"type\":\"ACQUITTAL\",\"count\":0}");
        assertThat(all.at("/statistics/byCounty").toString()).contains("{\"county\":\"CJ\",\"count\":1}", "{\"county\":\"IS\",\"count\":1}");

        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "counties", List.of("IS")))).containsExactly(i);
        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "types", List.of("INDICTMENT")))).containsExactly(c);
        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "orgUnitIds", List.of(IPJ_IASI.toString())))).containsExactly(i);
        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "from", "2026-02-01"))).containsExactly(i);
        assertThat(ids("admin", Map.of("riskIds", List.of(risk), "to", "2026-01-15"))).containsExactly(c);
        assertThat(ids("admin", Map.of("activityIds", List.of(activity().toString()), "text", word))).containsExactlyInAnyOrder(c, i);
        assertThat(ids("admin", Map.of("domainIds", List.of(DemoNomenclature.domainId(DOMAIN).toString()), "text", word)))
                .containsExactlyInAnyOrder(c, i);
        assertThat(ids("admin", Map.of("workUnitIds", List.of(ORDINE_PUBLICA.toString()), "text", word))).containsExactlyInAnyOrder(c, i);
        assertThat(ids("admin", Map.of("workUnitIds", List.of(MIGRATIE.toString()), "text", word))).isEmpty();
        JsonNode byCounty = data("admin", LIST, Map.of("f", Map.of("text", word), "first", 50)).at("/incidents/statistics");
        assertThat(byCounty.at("/total").asInt()).isEqualTo(3);
        assertThat(byCounty.at("/byCounty/0").toString()).isEqualTo("{\"county\":\"CJ\",\"count\":2}");

        // sorted by title both ways; paged one at a time, nothing lost or repeated
        List<String> ascending = data("admin", LIST, Map.of("f", Map.of("text", word), "s", Map.of("field", "TITLE", "descending", false),
                "first", 50)).at("/incidents/edges").findValuesAsString("id");
        assertThat(ascending).containsExactly(i, u, c); // Foloase…, Mită pentru…, Mită primită…
        List<String> descending = data("admin", LIST, Map.of("f", Map.of("text", word), "s", Map.of("field", "TITLE"), "first", 50))
                .at("/incidents/edges").findValuesAsString("id");
        assertThat(descending).containsExactly(c, u, i);
        String paged = """
                query($first: Int, $after: String, $w: String) { incidents(filter: {text: $w}, sort: {field: TITLE, descending: false},
                  first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""";
        assertThat(pageThrough("admin", paged, "incidents", Map.of("w", word), 1, 3)).containsExactly(i, u, c);

        JsonNode bad = graphql("admin", "{ incidents(after: \"bm90IGEgY3Vyc29y\") { totalCount } }", Map.of());
        assertRefused(bad, "BAD_REQUEST", "INVALID_CURSOR", "after");
        assertRefused(graphql("admin", LIST, Map.of("f", Map.of("from", "ieri"))), "BAD_REQUEST", "INVALID_INSTANT", "filter.from");
        assertRefused(graphql("admin", LIST, Map.of("f", Map.of("orgUnitIds", List.of("x")))), "BAD_REQUEST", "MALFORMED_ID",
                "filter.orgUnitIds[0]");
    }

    // ------------------------------------------------------------------------------------------------ counts and UCA 63

    @Test
    void every_structure_sees_how_many_incidents_each_activity_of_its_work_units_has() {
        String query = "query($o: ID!) { incidentCountsByActivity(orgUnitId: $o) { activityId activityName domainId domainName incidents } }";
        JsonNode before = data("owner.cluj", query, Map.of("o", IPJ_CLUJ.toString())).at("/incidentCountsByActivity");
        int activityBefore = countOf(before, activity());
        assertThat(before.findValuesAsString("activityId")).as("every approved activity of IPJ Cluj's work units")
                .contains(DemoNomenclature.activityId("Gestionarea carburanților și lubrifianților").toString(),
                        DemoNomenclature.activityId("Cercetarea accidentelor de circulație soldate numai cu pagube materiale").toString());
        assertThat(before.findValuesAsString("activityId"))
                .doesNotContain(DemoNomenclature.activityId(OTHER_ACTIVITY).toString()); // Migrație: not IPJ Cluj's

        // an incident in Iași, linked through IPJ Iași, counts for Cluj too (ministry-wide); an archived one does not
        String risk = freshRisk();
        JsonNode iasi = record("admin.iasi", incident("Foloase la adunări publice " + word(), "IS", IPJ_IASI, "INDICTMENT", "2026-01-09"));
        JsonNode linked = linkTo("admin.iasi", iasi, null, risk);
        JsonNode after = data("owner.cluj", query, Map.of("o", IPJ_CLUJ.toString())).at("/incidentCountsByActivity");
        assertThat(countOf(after, activity())).isEqualTo(activityBefore + 1);
        for (JsonNode a : after) {
            if (a.at("/activityId").asString().equals(activity().toString())) {
                assertThat(a.at("/activityName").asString()).isEqualTo(ACTIVITY);
                assertThat(a.at("/domainName").asString()).isEqualTo(DOMAIN);
            }
        }
        data("admin", ARCHIVE, Map.of("i", Map.of("id", linked.at("/id").asString(), "expectedVersion", linked.at("/version").asLong())));
        assertThat(countOf(data("owner.cluj", query, Map.of("o", IPJ_CLUJ.toString())).at("/incidentCountsByActivity"), activity()))
                .isEqualTo(activityBefore);

        // another structure's counts: refused for its own readers, open to territorial administrators
        assertThat(firstError(graphql("owner.cluj", query, Map.of("o", IPJ_IASI.toString()))).at("/extensions/classification").asString())
                .isEqualTo("FORBIDDEN");
        assertThat(data("admin.cluj", query, Map.of("o", IPJ_IASI.toString())).at("/incidentCountsByActivity").size()).isPositive();
    }

    private static int countOf(JsonNode counts, UUID activityId) {
        for (JsonNode a : counts) {
            if (a.at("/activityId").asString().equals(activityId.toString())) {
                return a.at("/incidents").asInt();
            }
        }
        throw new AssertionError("activity " + activityId + " not in " + counts);
    }

    @Test
    void a_risk_materialised_in_the_same_structure_in_others_or_nowhere_with_incidents_in_two_counties() {
        String risk = freshRisk();
        JsonNode none = data("head.cluj", FOR_RISK, Map.of("r", risk, "o", IPJ_CLUJ.toString())).at("/incidentsForRisk");
        assertThat(none.at("/where").asString()).isEqualTo("NONE");
        assertThat(none.at("/lowestAllowedProbability").asInt()).isEqualTo(1);
        assertThat(none.at("/incidents").size()).isZero();

        JsonNode cluj = record("admin.cluj", incident("Mită la meciul de fotbal " + word(), "CJ", IPJ_CLUJ, "INDICTMENT", "2026-02-10"));
        JsonNode clujLinked = linkTo("admin.cluj", cluj, IPJ_CLUJ, risk);
        JsonNode iasi = record("admin.iasi", incident("Trafic de influență la spectacole " + word(), "IS", IPJ_IASI, "CONVICTION", "2026-01-12"));
        JsonNode iasiLinked = linkTo("admin.iasi", iasi, IPJ_IASI, risk);

        JsonNode same = data("head.cluj", FOR_RISK, Map.of("r", risk, "o", IPJ_CLUJ.toString())).at("/incidentsForRisk");
        assertThat(same.at("/where").asString()).isEqualTo("SAME_STRUCTURE");
        assertThat(same.at("/lowestAllowedProbability").asInt()).isEqualTo(4);
        assertThat(same.at("/sameStructureCount").asInt()).isEqualTo(1);
        assertThat(same.at("/otherStructuresCount").asInt()).isEqualTo(1);
        assertThat(same.at("/incidents/0/incidentId").asString()).isEqualTo(cluj.at("/id").asString());
        assertThat(same.at("/incidents/0/sameStructure").asBoolean()).isTrue();
        assertThat(same.at("/incidents/0/county").asString()).isEqualTo("CJ");
        assertThat(same.at("/incidents/1/incidentId").asString()).as("head.cluj reads it: linked to Ordine publică")
                .isEqualTo(iasi.at("/id").asString());
        assertThat(same.at("/incidents/1/sameStructure").asBoolean()).isFalse();
        assertThat(same.at("/incidents/1/orgUnitName").asString()).isEqualTo("Inspectoratul de Poliție Județean Iași");

        JsonNode fromIasi = data("head.iasi", FOR_RISK, Map.of("r", risk, "o", IPJ_IASI.toString())).at("/incidentsForRisk");
        assertThat(fromIasi.at("/where").asString()).isEqualTo("SAME_STRUCTURE");
        assertThat(fromIasi.at("/incidents").size()).isEqualTo(2);
        // member.iasi's plan is a draft: they cover no work unit, so they get the answer but no incident to read
        JsonNode member = data("member.iasi", FOR_RISK, Map.of("r", risk, "o", IPJ_IASI.toString())).at("/incidentsForRisk");
        assertThat(member.at("/where").asString()).isEqualTo("SAME_STRUCTURE");
        assertThat(member.at("/sameStructureCount").asInt()).isEqualTo(1);
        assertThat(member.at("/incidents").size()).isZero();
        JsonNode other = data("admin", FOR_RISK, Map.of("r", risk, "o", IPJ_TIMIS.toString())).at("/incidentsForRisk");
        assertThat(other.at("/where").asString()).isEqualTo("OTHER_STRUCTURES");
        assertThat(other.at("/lowestAllowedProbability").asInt()).isEqualTo(3);
        assertThat(other.at("/otherStructuresCount").asInt()).isEqualTo(2);
        assertThat(other.at("/incidents").findValuesAsString("incidentId"))
                .containsExactlyInAnyOrder(cluj.at("/id").asString(), iasi.at("/id").asString());

        // archived and acquitted incidents no longer count
        data("admin", ARCHIVE, Map.of("i", Map.of("id", iasiLinked.at("/id").asString(), "expectedVersion", iasiLinked.at("/version").asLong())));
        JsonNode onlyCluj = data("admin", FOR_RISK, Map.of("r", risk, "o", IPJ_IASI.toString())).at("/incidentsForRisk");
        assertThat(onlyCluj.at("/where").asString()).isEqualTo("OTHER_STRUCTURES");
        assertThat(onlyCluj.at("/otherStructuresCount").asInt()).isEqualTo(1);
        data("admin.cluj", EDIT, Map.of("i", edit(clujLinked.at("/incident"), clujLinked.at("/version").asLong(), "ACQUITTAL")));
        assertThat(data("head.cluj", FOR_RISK, Map.of("r", risk, "o", IPJ_CLUJ.toString())).at("/incidentsForRisk/where").asString())
                .isEqualTo("NONE");

        // only for a structure within one's reach; risk owners not at all
        assertThat(firstError(graphql("head.cluj", FOR_RISK, Map.of("r", risk, "o", IPJ_IASI.toString())))
                .at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(firstError(graphql("owner.cluj", FOR_RISK, Map.of("r", risk, "o", IPJ_CLUJ.toString())))
                .at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
    }
}
