package ro.marc.api.incident;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.incident.IncidentFiles;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.command.ArchiveIntegrityIncident;
import ro.marc.events.incident.command.RecordIntegrityIncident;
import ro.marc.events.incident.command.RemoveIncidentDocument;
import ro.marc.events.org.County;
import ro.marc.query.incident.IncidentQueries;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident documents over HTTP (UCA 46, 48, 50; issue 12): uploaded with {@code POST /incidents/{id}/documents}
 * (multipart) by the territorial administrator of the county and by the structure's head, downloaded byte for byte
 * from {@code GET /documents/{id}} by whoever sees the incident (the auditor, a territorial administrator of another
 * county: nationwide), refused to whoever does not (a member whose work units hold none of its activities, a risk
 * owner); refused uploads (an executable named {@code .pdf}, a file over the limit, a stale version, an archived
 * incident, a caller without the permission) store nothing — no row of {@code incident_file}, no event; removing one
 * of two documents leaves the other downloadable.
 */
class IncidentDocumentApiTest extends ApiTestSupport {

    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentQueries incidents;

    @Test
    void uploaded_by_the_territorial_admin_and_the_head_and_downloaded_byte_identical_by_whoever_sees_the_incident()
            throws IOException {
        UUID incident = recordIncident();
        byte[] pdf = pdf("Raport de evaluare " + UUID.randomUUID());
        HttpResponse<String> first = upload("admin.cluj", incident, Map.of("kind", "EVALUATION_REPORT",
                "title", "Raport de evaluare", "summary", "Constatările vizitei de evaluare", "expectedVersion", "1"),
                "Raport evaluare Cluj.pdf", pdf);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(first.body());
        UUID reportId = UUID.fromString(report.at("/documentId").asString());
        assertThat(report.at("/incidentId").asString()).isEqualTo(incident.toString());
        assertThat(report.at("/version").asLong()).isEqualTo(2);
        assertThat(report.at("/sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(report.at("/size").asLong()).isEqualTo(pdf.length);
        assertThat(report.at("/mediaType").asString()).isEqualTo("application/pdf");
        assertThat(report.at("/url").asString()).isEqualTo("/documents/" + reportId);
        assertThat(first.headers().firstValue("Location")).contains("/documents/" + reportId);

        byte[] png = png();
        HttpResponse<String> second = upload("head.cluj", incident, Map.of("kind", "OTHER",
                "title", "Fotografie a registrului", "expectedVersion", "2"), "registru.png", png);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode photo = JSON.readTree(second.body());
        assertThat(photo.at("/version").asLong()).isEqualTo(3);
        assertThat(photo.at("/mediaType").asString()).isEqualTo("image/png");

        // whoever sees the incident downloads exactly what was uploaded: national readers, a territorial
        // administrator of another county (incidents are read nationwide), the structure's own
        for (String reader : List.of("auditor", "admin", "admin.iasi", "admin.cluj", "head.cluj", "counsellor.cluj")) {
            HttpResponse<byte[]> download = get(report.at("/url").asString(), reader);
            assertThat(download.statusCode()).as(reader).isEqualTo(200);
            assertThat(download.body()).as(reader).isEqualTo(pdf);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment").contains("Raport evaluare Cluj.pdf"));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(download.headers().firstValue("ETag")).contains("\"" + sha256(pdf) + "\"");
        }
        try (PDDocument document = Loader.loadPDF(get(report.at("/url").asString(), "admin.iasi").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Raport de evaluare");
        }
        HttpResponse<byte[]> image = get(photo.at("/url").asString(), "auditor");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));

        // who does not see it: a member whose work units hold none of its (no) activities, here or elsewhere;
        // a risk owner (no incident reading at all)
        for (String refused : List.of("member.cluj", "member.iasi", "owner.cluj")) {
            HttpResponse<byte[]> download = get(report.at("/url").asString(), refused);
            assertThat(download.statusCode()).as(refused).isEqualTo(403);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode error = JSON.readTree(download.body()).at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(error.at("/extensions/code").asString()).isEqualTo("FORBIDDEN");
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
            assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'DENIED' "
                            + "AND 'downloadDocument' = ANY (operations) AND ? = ANY (objects)")
                    .params(DemoAccess.userId(refused), reportId).query(Long.class).single())
                    .as("the refused download of " + refused + " in the access audit").isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'OK' "
                        + "AND 'downloadDocument' = ANY (operations) AND ? = ANY (objects) AND ? = ANY (org_units)")
                .params(DemoAccess.userId("admin.iasi"), reportId, IPJ_CLUJ).query(Long.class).single())
                .as("the download in the access audit, with the incident's org unit").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'OK' "
                        + "AND 'attachIncidentDocument' = ANY (operations) AND ? = ANY (objects)")
                .params(DemoAccess.userId("head.cluj"), incident).query(Long.class).single())
                .as("the upload in the access audit").isPositive();
        // no token: 401
        assertThat(get(report.at("/url").asString(), null).statusCode()).isEqualTo(401);
        assertThat(upload(null, incident, Map.of("kind", "OTHER", "title", "Fără autentificare", "expectedVersion", "3"),
                "x.pdf", pdf("anonim")).statusCode()).isEqualTo(401);
    }

    /**
     * Every demo user against an incident of IPJ Cluj, as the rules table says: INCIDENT_DOCUMENT_WRITE to upload
     * (central administrator, Cluj's territorial administrator, IPJ Cluj's head and counsellor), reading the incident
     * to download (also the auditor, the central counsellor above IPJ Cluj and every territorial administrator; not
     * another structure's head, members whose work units hold none of its activities, risk owners).
     */
    @Test
    void every_demo_user_uploads_and_downloads_as_the_rules_table_says() {
        UUID incident = recordIncident();
        Set<String> writers = Set.of("admin", "admin.cluj", "head.cluj", "counsellor.cluj");
        Set<String> readers = Set.of("admin", "admin.cluj", "admin.iasi", "head.cluj", "counsellor.cluj",
                "counsellor.central", "auditor");
        long version = 1;
        UUID first = null;
        List<String> wrong = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            HttpResponse<String> answer = upload(user.username(), incident, Map.of("kind", "OTHER",
                    "title", "Document de la " + user.username(), "expectedVersion", String.valueOf(version)),
                    "document.pdf", pdf("Document " + UUID.randomUUID()));
            int expected = writers.contains(user.username()) ? 201 : 403;
            if (answer.statusCode() != expected) {
                wrong.add("upload by " + user.username() + ": " + answer.statusCode() + " (expected " + expected + ") " + answer.body());
            }
            if (answer.statusCode() == 201) {
                version++;
                if (first == null) {
                    first = UUID.fromString(JSON.readTree(answer.body()).at("/documentId").asString());
                }
            }
        }
        assertThat(first).isNotNull();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            int status = get("/documents/" + first, user.username()).statusCode();
            int expected = readers.contains(user.username()) ? 200 : 403;
            if (status != expected) {
                wrong.add("download by " + user.username() + ": " + status + " (expected " + expected + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(lastSequence(incident)).as("one event per allowed upload").isEqualTo(writers.size());
    }

    @Test
    void who_may_not_write_the_incidents_documents_is_refused_and_nothing_is_stored() {
        UUID incident = recordIncident();
        long files = fileRows();
        byte[] pdf = pdf("Decizie " + UUID.randomUUID());
        // a member, a risk owner, the auditor (reads, does not write), a territorial administrator of another
        // county, the head of another structure
        for (String refused : List.of("member.cluj", "owner.cluj", "auditor", "admin.iasi", "head.iasi")) {
            HttpResponse<String> answer = upload(refused, incident, Map.of("kind", "OTHER", "title", "Decizia instanței",
                    "expectedVersion", "1"), "decizie.pdf", pdf);
            assertError(answer, 403, "FORBIDDEN", "FORBIDDEN", null);
            assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE user_id = ? AND outcome = 'DENIED' "
                            + "AND 'attachIncidentDocument' = ANY (operations) AND ? = ANY (objects)")
                    .params(DemoAccess.userId(refused), incident).query(Long.class).single())
                    .as("the refused upload of " + refused + " in the access audit").isPositive();
        }
        assertThat(fileRows()).isEqualTo(files);
        assertThat(contentKept(sha256(pdf))).isFalse();
        assertThat(lastSequence(incident)).isZero();

        // an incident nobody recorded: unknown, whatever the reach (the command's NOT_FOUND for a national one)
        UUID unknown = UUID.randomUUID();
        assertError(upload("admin.cluj", unknown, Map.of("kind", "OTHER", "title", "T", "expectedVersion", "1"),
                "decizie.pdf", pdf), 404, "NOT_FOUND", "NOT_FOUND", "incidentId");
        assertError(upload("admin", unknown, Map.of("kind", "OTHER", "title", "T", "expectedVersion", "1"),
                "decizie.pdf", pdf), 404, "NOT_FOUND", "NOT_FOUND", null);
        assertThat(eventStore.lastSequenceNumberFor(unknown.toString())).isEmpty();
        assertThat(fileRows()).isEqualTo(files);
    }

    @Test
    void a_forbidden_type_an_empty_file_or_a_mismatched_name_is_refused_and_nothing_is_stored() {
        UUID incident = recordIncident();
        long files = fileRows();
        // an executable renamed .pdf: Windows (MZ) and Linux (ELF)
        byte[] exe = executable(new byte[]{'M', 'Z', (byte) 0x90, 0});
        HttpResponse<String> refused = upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Decizia instanței",
                "expectedVersion", "1"), "decizie.pdf", exe);
        assertError(refused, 415, "BAD_REQUEST", "FILE_TYPE_NOT_ALLOWED", "file");
        byte[] elf = executable(new byte[]{0x7F, 'E', 'L', 'F'});
        assertError(upload("head.cluj", incident, Map.of("kind", "OTHER", "title", "Decizia instanței",
                "expectedVersion", "1"), "decizie.pdf", elf), 415, "BAD_REQUEST", "FILE_TYPE_NOT_ALLOWED", "file");
        // HTML is not one of the types either, whatever its name
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Pagină", "expectedVersion", "1"),
                "pagina.pdf", "<!DOCTYPE html><html><body>mită</body></html>".getBytes(StandardCharsets.UTF_8)),
                415, "BAD_REQUEST", "FILE_TYPE_NOT_ALLOWED", "file");
        // a real PDF named as a Word document: the name lies
        byte[] pdf = pdf("Rechizitoriu " + UUID.randomUUID());
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Rechizitoriu", "expectedVersion", "1"),
                "rechizitoriu.docx", pdf), 400, "BAD_REQUEST", "FILE_TYPE_MISMATCH", "fileName");
        // an empty file, no file, no kind, a kind or a version that is not one
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Gol", "expectedVersion", "1"),
                "gol.pdf", new byte[0]), 400, "BAD_REQUEST", "REQUIRED", "file");
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Fără fișier", "expectedVersion", "1"),
                null, null), 400, "BAD_REQUEST", "REQUIRED", "file");
        // a form's file field left empty: an empty part without a name
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Fără fișier", "expectedVersion", "1"),
                "", new byte[0]), 400, "BAD_REQUEST", "REQUIRED", "file");
        assertError(upload("admin.cluj", incident, Map.of("title", "Fără fel", "expectedVersion", "1"),
                "a.pdf", pdf), 400, "BAD_REQUEST", "REQUIRED", "kind");
        assertError(upload("admin.cluj", incident, Map.of("kind", "VERDICT", "title", "T", "expectedVersion", "1"),
                "a.pdf", pdf), 400, "BAD_REQUEST", "INVALID_VARIABLE", "kind");
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "T", "expectedVersion", "unu"),
                "a.pdf", pdf), 400, "BAD_REQUEST", "INVALID_VARIABLE", "expectedVersion");
        // personal data in the summary (§4.2 i): named, never quoted
        HttpResponse<String> personal = upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Decizie",
                "summary", "Scrisă de ion.popescu@example.ro", "expectedVersion", "1"), "a.pdf", pdf);
        assertError(personal, 400, "BAD_REQUEST", "PERSONAL_DATA", "summary");
        assertThat(personal.body()).doesNotContain("ion.popescu");
        // not multipart at all
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/incidents/" + incident + "/documents"))
                .header("Authorization", "Bearer " + token("admin.cluj")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"OTHER\"}")));
        assertError(json, 415, "BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE", null);

        assertThat(fileRows()).as("no content kept").isEqualTo(files);
        assertThat(contentKept(sha256(exe))).isFalse();
        assertThat(contentKept(sha256(pdf))).isFalse();
        assertThat(lastSequence(incident)).as("no event appended").isZero();
    }

    @Test
    void a_file_over_20_mib_is_refused_with_413_whether_marc_or_the_container_sees_it_first_and_a_larger_body_than_graphqls_passes() {
        UUID incident = recordIncident();
        long files = fileRows();
        // one byte over the limit: reaches MARC (the multipart bounds sit just above), refused by the command
        byte[] over = paddedPdf(IncidentFiles.MAX_SIZE + 1);
        HttpResponse<String> refused = upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Dosar scanat",
                "expectedVersion", "1"), "dosar.pdf", over);
        JsonNode error = assertError(refused, 413, "BAD_REQUEST", "FILE_TOO_LARGE", "file");
        assertThat(error.at("/extensions/limit").asLong()).isEqualTo(IncidentFiles.MAX_SIZE);
        assertThat(contentKept(sha256(over))).isFalse();

        // far over it: the container stops reading at its bound, MARC never sees the file; the same answer
        JsonNode cutOff = oversizedUpload(incident, 30 * 1024 * 1024);
        assertThat(cutOff.at("/errors/0/extensions/code").asString()).isEqualTo("FILE_TOO_LARGE");
        assertThat(cutOff.at("/errors/0/extensions/field").asString()).isEqualTo("file");
        assertThat(fileRows()).isEqualTo(files);
        assertThat(lastSequence(incident)).isZero();

        // 6 MB, above the 4 MB bound of a GraphQL body: an upload is not held to it
        byte[] scanned = paddedPdf(6 * 1024 * 1024);
        HttpResponse<String> accepted = upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Dosar scanat",
                "expectedVersion", "1"), "dosar.pdf", scanned);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(get(JSON.readTree(accepted.body()).at("/url").asString(), "auditor").body()).isEqualTo(scanned);
    }

    @Test
    void a_stale_version_and_an_archived_incident_are_conflicts_and_a_retry_with_the_same_document_id_finds_its_document() {
        UUID incident = recordIncident();
        byte[] pdf = pdf("Decizie " + UUID.randomUUID());
        UUID documentId = UUID.randomUUID();
        Map<String, String> parts = new LinkedHashMap<>(Map.of("kind", "OTHER", "title", "Decizia de condamnare",
                "expectedVersion", "1", "documentId", documentId.toString()));
        HttpResponse<String> first = upload("admin.cluj", incident, parts, "decizie.pdf", pdf);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).at("/documentId").asString()).isEqualTo(documentId.toString());

        // the answer was lost, the client sends it again: the same document, once
        HttpResponse<String> retry = upload("admin.cluj", incident, parts, "decizie.pdf", pdf);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body()).at("/documentId").asString()).isEqualTo(documentId.toString());
        assertThat(JSON.readTree(retry.body()).at("/sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(lastSequence(incident)).as("one attachment").isEqualTo(1);

        // another file on the same stale version
        long files = fileRows();
        byte[] other = pdf("Altă decizie " + UUID.randomUUID());
        JsonNode stale = assertError(upload("head.cluj", incident, Map.of("kind", "OTHER", "title", "Alta",
                "expectedVersion", "1"), "alta.pdf", other), 409, "CONFLICT", "STALE_VERSION", "expectedVersion");
        assertThat(stale.at("/extensions/currentVersion").asLong()).isEqualTo(2);
        assertThat(fileRows()).isEqualTo(files);

        // archived (UCA 45): kept and readable, no longer changed
        as("admin", "CENTRAL_ADMIN", new ArchiveIntegrityIncident(incident, 2));
        eventually(() -> JSON.valueToTree(incidents.incident(incident).map(i -> i.archived()).orElse(false)), JsonNode::asBoolean);
        assertError(upload("admin.cluj", incident, Map.of("kind", "OTHER", "title", "Alta", "expectedVersion", "3"),
                "alta.pdf", other), 409, "CONFLICT", "ARCHIVED", null);
        assertThat(fileRows()).isEqualTo(files);
        assertThat(get("/documents/" + documentId, "admin.iasi").body()).isEqualTo(pdf);
    }

    @Test
    void removing_one_of_two_documents_with_the_same_content_leaves_the_other_downloadable() {
        UUID incident = recordIncident();
        byte[] pdf = pdf("Decizie comună " + UUID.randomUUID());
        UUID kept = uploaded("admin.cluj", incident, 1, "decizie.pdf", pdf);
        UUID removed = uploaded("head.cluj", incident, 2, "decizie-copie.pdf", pdf);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_file WHERE sha256 = ?").param(sha256(pdf)).query(Long.class).single())
                .as("the content kept once").isEqualTo(1);

        as("admin.cluj", "TERRITORIAL_ADMIN", new RemoveIncidentDocument(incident, 3, removed));
        eventually(() -> JSON.valueToTree(get("/documents/" + removed, "auditor").statusCode()), n -> n.asInt() == 404);
        HttpResponse<byte[]> gone = get("/documents/" + removed, "admin.cluj");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).at("/errors/0/extensions/code").asString()).isEqualTo("NOT_FOUND");
        HttpResponse<byte[]> other = get("/documents/" + kept, "admin.cluj");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(pdf);
        assertThat(contentKept(sha256(pdf))).as("still held by the other document").isTrue();

        // the last one: its content goes, its history stays
        as("admin.cluj", "TERRITORIAL_ADMIN", new RemoveIncidentDocument(incident, 4, kept));
        assertThat(contentKept(sha256(pdf))).isFalse();
        eventually(() -> JSON.valueToTree(get("/documents/" + kept, "auditor").statusCode()), n -> n.asInt() == 404);
        assertThat(lastSequence(incident)).isEqualTo(4);
    }

    // ---------------------------------------------------------------- helpers

    /** An incident of IPJ Cluj recorded by Cluj's territorial administrator, once the read model shows it. */
    private UUID recordIncident() {
        UUID id = UUID.randomUUID();
        as("admin.cluj", "TERRITORIAL_ADMIN", new RecordIntegrityIncident(id, "Mită la eliberarea permiselor " + id.toString().substring(0, 6),
                County.CJ, IPJ_CLUJ, IncidentType.INDICTMENT, LocalDate.of(2026, 3, 10), "4512026",
                LocalDate.of(2026, 6, 2), "Un agent a cerut foloase necuvenite pentru programarea la examen."));
        eventually(() -> JSON.valueToTree(incidents.incident(id).isPresent()), JsonNode::asBoolean);
        return id;
    }

    private UUID uploaded(String user, UUID incident, long expectedVersion, String fileName, byte[] content) {
        HttpResponse<String> answer = upload(user, incident, Map.of("kind", "OTHER", "title", "Decizie",
                "expectedVersion", String.valueOf(expectedVersion)), fileName, content);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(answer.body()).at("/documentId").asString());
    }

    private void as(String user, String role, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "userId", DemoAccess.userId(user).toString(), "role", role, "correlationId", UUID.randomUUID().toString()))));
    }

    private long fileRows() {
        return jdbc.sql("SELECT count(*) FROM incident_file").query(Long.class).single();
    }

    private boolean contentKept(String sha256) {
        return jdbc.sql("SELECT count(*) FROM incident_file WHERE sha256 = ?").param(sha256).query(Long.class).single() > 0;
    }

    /** The incident stream's last sequence number (0: only the recording). */
    private long lastSequence(UUID incident) {
        return eventStore.lastSequenceNumberFor(incident.toString()).orElse(-1L);
    }

    private JsonNode assertError(HttpResponse<String> answer, int status, String classification, String code, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(answer.body()).at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).as(answer.body()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asString()).as(answer.body()).isEqualTo(code);
        if (field != null) {
            assertThat(error.at("/extensions/field").asString()).as(answer.body()).isEqualTo(field);
        }
        assertThat(error.at("/message").asString()).isNotBlank();
        return error;
    }

    /** A multipart upload (no file part when {@code fileName} is null). */
    private HttpResponse<String> upload(String user, UUID incident, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "marc-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n"));
        if (fileName != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/incidents/" + incident + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return send(request);
    }

    /**
     * A multipart body of {@code size} bytes over a raw socket: the headers and the first megabyte, then the answer
     * is read (the container answers before the rest, which it would not read anyway).
     */
    private JsonNode oversizedUpload(UUID incident, int size) {
        String boundary = "marc-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"expectedVersion\"\r\n\r\n1\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mare.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /incidents/" + incident + "/documents HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Bearer " + token("admin.cluj")
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try {
                for (int sent = 0; sent < 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the container may close its side once it has answered: the answer is still there to read
            }
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            return JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
                String text = read.toString(StandardCharsets.UTF_8);
                int headerEnd = text.indexOf("\r\n\r\n");
                if (headerEnd >= 0 && text.contains("}]}")) {
                    break; // the whole JSON body (the connection may stay open while the client still "sends")
                }
            }
        } catch (java.net.SocketException reset) {
            // reset after the answer: what was read is the answer
        }
        return read.toByteArray();
    }

    private HttpResponse<byte[]> get(String path, String user) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
            if (user != null) {
                request.header("Authorization", "Bearer " + token(user));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A real one-page PDF (PDFBox) saying {@code text} (diacritics folded: the standard fonts have no ă, ș, ț). */
    static byte[] pdf(String text) {
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PDF followed by a comment of random letters, {@code size} bytes in all, ending as a PDF ends. */
    static byte[] paddedPdf(long size) {
        byte[] pdf = pdf("Dosar scanat " + UUID.randomUUID());
        byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] padded = new byte[Math.toIntExact(size)];
        System.arraycopy(pdf, 0, padded, 0, pdf.length);
        padded[pdf.length] = '%';
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = pdf.length + 1; i < padded.length - end.length; i++) {
            padded[i] = (byte) ('a' + random.nextInt(26));
        }
        System.arraycopy(end, 0, padded, padded.length - end.length, end.length);
        return padded;
    }

    /** A small real PNG, different each time. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, ThreadLocalRandom.current().nextInt(0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** An executable's header and some random code. */
    static byte[] executable(byte[] magic) {
        byte[] exe = new byte[4096];
        ThreadLocalRandom.current().nextBytes(exe);
        System.arraycopy(magic, 0, exe, 0, magic.length);
        return exe;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
