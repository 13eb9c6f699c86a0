package ro.marc.api.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.DraftPlan;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo Cluj plan's Anexa 1 PDF over HTTP: listed by {@code planDocuments} and downloaded from
 * {@code GET /documents/{id}} by its structure (head.cluj, member.cluj), refused (403, JSON) to another
 * structure's head; unknown ids 404; no token 401.
 */
class DocumentApiTest extends ApiTestSupport {

    static final UUID CLUJ_PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");
    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    static final UUID IASI_PLAN = DemoOrganisation.id("plan:IPJ Iași 2027");
    static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String DOCUMENTS = """
            query($id: ID!) { planDocuments(planId: $id) { id title kind edition fileName mediaType size sha256
              createdBy { userId name } createdAt downloadUrl } }""";

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    /**
     * The demo plans (seeded at start-up by the demo data; here, as the demo data has them, when they are not:
     * Cluj's drafted and activated, Iași's drafted).
     */
    @BeforeEach
    void demoPlans() {
        if (eventStore.lastSequenceNumberFor(IASI_PLAN.toString()).isEmpty()) {
            UUID head = DemoAccess.userId("head.iasi");
            as(head, new DraftPlan(IASI_PLAN, IPJ_IASI, LocalDate.of(2027, 1, 11), "Evaluarea riscurilor de corupție 2027",
                    List.of(new PlanMember(DemoAccess.userId("member.iasi"), List.of(DemoOrganisation.id("wu:Ordine publică"),
                                    DemoOrganisation.id("wu:Poliție rutieră")), true, false),
                            new PlanMember(head, List.of(DemoOrganisation.id("wu:Resurse umane"), DemoOrganisation.id("wu:Logistică")),
                                    true, false)), new StageDeadlines(null, null, null)));
        }
        if (eventStore.lastSequenceNumberFor(CLUJ_PLAN.toString()).isPresent()) {
            return;
        }
        UUID head = DemoAccess.userId("head.cluj");
        List<PlanMember> members = List.of(
                new PlanMember(DemoAccess.userId("member.cluj"), List.of(DemoOrganisation.id("wu:Ordine publică"),
                        DemoOrganisation.id("wu:Poliție rutieră"), DemoOrganisation.id("wu:Resurse umane")), true, false),
                new PlanMember(head, List.of(DemoOrganisation.id("wu:Logistică")), true, false),
                new PlanMember(DemoAccess.userId("counsellor.cluj"), List.of(), false, true));
        as(head, new DraftPlan(CLUJ_PLAN, IPJ_CLUJ, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor de corupție 2026–2027",
                members, new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31))));
        as(head, new ActivatePlan(CLUJ_PLAN, 1));
    }

    private void as(UUID user, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "userId", user.toString(), "role", "WORKING_GROUP_HEAD", "correlationId", UUID.randomUUID().toString()))));
    }

    @Test
    void the_cluj_plans_anexa_1_is_listed_and_downloaded_by_its_structure_and_refused_to_another() throws IOException {
        JsonNode list = eventually(() -> data("head.cluj", DOCUMENTS, Map.of("id", CLUJ_PLAN.toString())),
                d -> d.at("/planDocuments").size() > 0).at("/planDocuments");
        JsonNode newest = list.get(0);
        assertThat(newest.at("/kind").asText()).isEqualTo("ANEXA_1");
        assertThat(newest.at("/mediaType").asText()).isEqualTo("application/pdf");
        assertThat(newest.at("/fileName").asText()).startsWith("Anexa1-").endsWith(".pdf");
        assertThat(newest.at("/sha256").asText()).hasSize(64);
        assertThat(newest.at("/size").asLong()).isPositive();
        assertThat(newest.at("/createdBy/name").asText()).isNotBlank();
        String url = newest.at("/downloadUrl").asText();
        assertThat(url).isEqualTo("/documents/" + newest.at("/id").asText());
        // every edition listed, newest first
        for (int i = 1; i < list.size(); i++) {
            assertThat(list.get(i).at("/edition").asInt()).isLessThan(list.get(i - 1).at("/edition").asInt());
        }

        for (String reader : List.of("head.cluj", "member.cluj")) {
            HttpResponse<byte[]> pdf = get(url, token(reader), null);
            assertThat(pdf.statusCode()).as(reader).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
            assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment").contains(newest.at("/fileName").asText()));
            assertThat(pdf.headers().firstValue("ETag")).contains("\"" + newest.at("/sha256").asText() + "\"");
            assertThat(pdf.body()).hasSize(newest.at("/size").asInt());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Inspectoratul de Poliție Județean Cluj", "Etapa de identificare și descriere");
            }
        }
        // the same content again: 304
        assertThat(get(url, token("member.cluj"), "\"" + newest.at("/sha256").asText() + "\"").statusCode()).isEqualTo(304);

        // another structure's head: 403 with a JSON body, in GraphQL too
        HttpResponse<byte[]> refused = get(url, token("head.iasi"), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(refused.body()).at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        UUID documentId = UUID.fromString(newest.at("/id").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'DENIED' "
                        + "AND 'downloadDocument' = ANY (operations) AND ? = ANY (objects)")
                .params(DemoAccess.userId("head.iasi"), documentId).query(Long.class).single())
                .as("the refused download in the access audit").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'OK' "
                        + "AND 'downloadDocument' = ANY (operations) AND ? = ANY (org_units)")
                .params(DemoAccess.userId("member.cluj"), IPJ_CLUJ).query(Long.class).single())
                .as("the download in the access audit").isPositive();
        JsonNode listRefused = graphql("head.iasi", DOCUMENTS, Map.of("id", CLUJ_PLAN.toString()));
        assertThat(firstError(listRefused).at("/extensions/classification").asText()).isEqualTo("FORBIDDEN");

        // unknown and malformed ids: 404; no token: 401
        assertThat(get("/documents/" + UUID.randomUUID(), token("admin"), null).statusCode()).isEqualTo(404);
        assertThat(get("/documents/not-an-id", token("admin"), null).statusCode()).isEqualTo(404);
        assertThat(get(url, null, null).statusCode()).isEqualTo(401);
        // a national reader: allowed
        assertThat(get(url, token("auditor"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_owner_without_documents_has_an_empty_list_for_whoever_may_read_somewhere() {
        JsonNode data = data("member.iasi", "query($id: ID!) { analysisDocuments(analysisId: $id) { id } }",
                Map.of("id", UUID.randomUUID().toString()));
        assertThat(data.at("/analysisDocuments").size()).isZero();
        JsonNode malformed = graphql("member.iasi", "{ planDocuments(planId: \"nope\") { id } }", Map.of());
        assertThat(firstError(malformed).at("/extensions/code").asText()).isEqualTo("MALFORMED_ID");
    }

    private HttpResponse<byte[]> get(String path, String token, String ifNoneMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
