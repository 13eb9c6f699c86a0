package ro.marc.api.register.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoCampaign;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.SaveRiskRegister;
import ro.marc.query.register.RegisterContent;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.RegisterView;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A1001 over HTTP, on IPJ Cluj's demo register (the demo's finalised assessments: indicators of every kind): the head
 * downloads the template, fills it with POI as a risk owner would, imports it, and {@code riskRegister} (GraphQL) shows the
 * evaluations merged per risk, measure and indicator (value and person, in the order recorded). Every refusal answers each bad
 * row by number and column and appends nothing: a changed header, unknown ids, a value outside the allowed ones, an
 * empty required cell, another register's workbook, another structure's register (403), a member (403).
 */
class MeasureWorkbookApiTest extends ApiTestSupport {

    static final UUID PLAN = DemoCampaign.CLUJ_PLAN;
    static final UUID REGISTER = RegisterIds.of(PLAN);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    RegisterQueries registers;

    @Autowired
    ActivePlans plans;

    @Test
    void a_downloaded_workbook_filled_in_and_imported_appears_merged_in_the_register() throws IOException {
        RegisterView register = saved();

        HttpResponse<byte[]> download = download("head.cluj", "");
        assertThat(download.statusCode()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        int indicators = register.risks().stream().flatMap(r -> r.measures().stream()).mapToInt(m -> m.indicators().size()).sum();
        Rows rows = new Rows(download.body());
        assertThat(rows.count()).isEqualTo(indicators);

        int numeric = rows.firstWith("un număr");
        int quality = rows.firstWith("Bine");
        UUID numericIndicator = rows.indicatorId(numeric);
        UUID qualityIndicator = rows.indicatorId(quality);
        byte[] first = rows.fill(numeric, "Popescu", "Ionuț", "4").fill(quality, "Popescu", "Ionuț", "Bine").bytes();
        HttpResponse<String> imported = upload("head.cluj", first);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(imported.body());
        assertThat(answer.at("/applied").asInt()).isEqualTo(2);
        long version = answer.at("/version").asLong();
        assertThat(version).isEqualTo(lastSequence() + 1);

        // a second person's copy of the same indicator: both evaluations shown, in the order recorded
        byte[] second = new Rows(download("head.cluj", "").body()).fill(numeric, "Alexandru", "Vasile", "10").bytes();
        HttpResponse<String> again = upload("counsellor.cluj", second);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

        assertThat(evaluationsOf(numericIndicator)).endsWith("4 Ionuț Popescu WORKBOOK", "10 Vasile Alexandru WORKBOOK");
        assertThat(evaluationsOf(qualityIndicator)).endsWith("Bine Ionuț Popescu WORKBOOK");
    }

    @Test
    void a_selection_of_measures_gives_only_their_rows_and_an_unknown_one_is_refused() throws IOException {
        RegisterView register = saved();
        var measure = register.risks().getFirst().measures().getFirst();
        HttpResponse<byte[]> one = download("head.cluj", "?measure=" + measure.assessmentId() + ":" + measure.measureId());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(new Rows(one.body()).count()).isEqualTo(measure.indicators().size());

        HttpResponse<byte[]> unknown = download("head.cluj", "?measure=" + measure.assessmentId() + ":" + UUID.randomUUID());
        assertError(new String(unknown.body(), StandardCharsets.UTF_8), unknown.statusCode(), 400, "UNKNOWN_MEASURE", "measure");
        HttpResponse<byte[]> malformed = download("head.cluj", "?measure=nu-e-o-masura");
        assertError(new String(malformed.body(), StandardCharsets.UTF_8), malformed.statusCode(), 400, "MALFORMED_ID", "measure");
    }

    @Test
    void every_bad_row_is_named_by_its_number_and_column_and_nothing_is_applied() throws IOException {
        saved();
        byte[] template = download("head.cluj", "").body();
        Rows rows = new Rows(template);
        int numeric = rows.firstWith("un număr");
        int quality = rows.firstWith("Bine");
        int done = rows.firstWith("1 (realizat)");
        long before = lastSequence();

        // a changed header: the template is not MARC's any more
        HttpResponse<String> header = upload("head.cluj", new Rows(template).fill(numeric, "Popescu", "Ionuț", "4")
                .edit(s -> s.getRow(0).getCell(3).setCellValue("Risc")).bytes());
        JsonNode tampered = assertError(header.body(), header.statusCode(), 400, "WORKBOOK_TAMPERED", "header");
        assertThat(tampered.at("/extensions/row").asInt()).isEqualTo(1);
        assertThat(tampered.at("/extensions/column").asString()).isEqualTo("D");

        // an unknown measure id and a value outside the allowed ones, in one workbook: both rows reported by the command
        HttpResponse<String> bad = upload("head.cluj", new Rows(template)
                .fill(numeric, "Popescu", "Ionuț", "4")
                .edit(s -> s.getRow(numeric - 1).getCell(MeasureWorkbook.MEASURE_ID).setCellValue(UUID.randomUUID().toString()))
                .fill(quality, "Popescu", "Ionuț", "Excelent")
                .fill(done, "Popescu", "Ionuț", "1").bytes());
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(bad.body()).at("/errors");
        assertThat(errors.size()).as(bad.body()).isEqualTo(2);
        Map<Integer, JsonNode> byRow = new java.util.HashMap<>();
        errors.forEach(e -> byRow.put(e.at("/extensions/row").asInt(), e.at("/extensions")));
        assertThat(byRow.keySet()).as(bad.body()).containsExactlyInAnyOrder(numeric, quality);
        assertThat(byRow.get(numeric).at("/column").asString()).isEqualTo("E");
        assertThat(byRow.get(numeric).at("/code").asString()).startsWith("UNKNOWN_");
        assertThat(byRow.get(quality).at("/column").asString()).isEqualTo("I");
        assertThat(byRow.get(quality).at("/code").asString()).isEqualTo("VALUE_NOT_OF_KIND");
        errors.forEach(e -> assertThat(e.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST"));

        // an empty required cell of a filled row
        HttpResponse<String> empty = upload("head.cluj", new Rows(template).fill(numeric, "Popescu", "", "4").bytes());
        JsonNode required = assertError(empty.body(), empty.statusCode(), 400, "REQUIRED", "personName");
        assertThat(required.at("/extensions/row").asInt()).isEqualTo(numeric);
        assertThat(required.at("/extensions/column").asString()).isEqualTo("B");

        // nothing filled in
        HttpResponse<String> blank = upload("head.cluj", template);
        assertError(blank.body(), blank.statusCode(), 400, "REQUIRED", "file");

        // another register's workbook
        HttpResponse<String> other = upload("head.cluj", new Rows(template).fill(numeric, "Popescu", "Ionuț", "4")
                .editMeta(s -> s.getRow(0).getCell(1).setCellValue(RegisterIds.of(UUID.randomUUID()).toString())).bytes());
        assertError(other.body(), other.statusCode(), 400, "WORKBOOK_OF_OTHER_REGISTER", "file");

        // not a workbook at all
        HttpResponse<String> text = upload("head.cluj", "Nume;Prenume\n".getBytes(StandardCharsets.UTF_8));
        assertError(text.body(), text.statusCode(), 400, "WORKBOOK_TAMPERED", "file");

        assertThat(lastSequence()).as("nothing appended").isEqualTo(before);
    }

    @Test
    void another_structure_s_head_and_a_member_are_refused_and_nothing_is_applied() throws IOException {
        saved();
        byte[] template = download("head.cluj", "").body();
        Rows rows = new Rows(template);
        byte[] filled = rows.fill(rows.firstWith("un număr"), "Popescu", "Ionuț", "4").bytes();
        long before = lastSequence();
        for (String user : List.of("head.iasi", "member.cluj", "owner.cluj", "counsellor.central")) {
            HttpResponse<String> imported = upload(user, filled);
            assertError(imported.body(), imported.statusCode(), 403, "FORBIDDEN", null);
            HttpResponse<byte[]> downloaded = download(user, "");
            assertError(new String(downloaded.body(), StandardCharsets.UTF_8), downloaded.statusCode(), 403, "FORBIDDEN", null);
        }
        HttpResponse<String> anonymous = HTTP_send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/registers/" + PLAN + "/workbook")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(lastSequence()).as("nothing appended").isEqualTo(before);
    }

    // --- the register, saved once for the class (or already saved by the demo)

    private RegisterView saved() {
        Optional<RegisterView> now = registers.register(PLAN);
        if (now.isPresent() && now.get().content() == RegisterContent.SAVED && now.get().savedEdition() != null) {
            return now.get();
        }
        as("head.cluj", "WORKING_GROUP_HEAD", new GenerateRiskRegister(REGISTER, PLAN));
        RegisterView draft = awaitValue(() -> registers.register(PLAN).orElse(null),
                r -> r != null && r.content() == RegisterContent.DRAFT);
        // every measure due on the plan's last day, once: within the bounds whatever the demo plan's dates
        java.time.LocalDate lastDay = plans.plan(PLAN).orElseThrow().lastDay();
        List<MeasureSchedule> schedules = new ArrayList<>();
        draft.risks().forEach(risk -> risk.measures().forEach(m -> schedules.add(new MeasureSchedule(m.assessmentId(),
                m.measureId(), lastDay, MeasurePeriodicity.ONCE))));
        as("head.cluj", "WORKING_GROUP_HEAD", new SaveRiskRegister(REGISTER, PLAN, "4512/2026", "Comisar-șef Ion Ionescu",
                schedules, draft.version()));
        return awaitValue(() -> registers.register(PLAN).orElse(null),
                r -> r != null && r.content() == RegisterContent.SAVED && r.savedEdition() != null);
    }

    /** The indicator's evaluations as {@code riskRegister} shows them over GraphQL ("value person source"), in the order recorded. */
    private List<String> evaluationsOf(UUID indicatorId) {
        JsonNode register = data("head.cluj", """
                query($planId: ID!) { riskRegister(planId: $planId) { risks { measures { indicators {
                  indicatorId evaluations { value personName source recordedOn } } } } } }""",
                Map.of("planId", PLAN.toString())).at("/riskRegister");
        for (JsonNode risk : register.at("/risks")) {
            for (JsonNode measure : risk.at("/measures")) {
                for (JsonNode indicator : measure.at("/indicators")) {
                    if (indicator.at("/indicatorId").asString().equals(indicatorId.toString())) {
                        List<String> shown = new ArrayList<>();
                        indicator.at("/evaluations").forEach(e -> shown.add(e.at("/value").asString() + " "
                                + e.at("/personName").asString() + " " + e.at("/source").asString()));
                        return shown;
                    }
                }
            }
        }
        throw new AssertionError("indicator " + indicatorId + " not in the register: " + register);
    }

    private long lastSequence() {
        return eventStore.lastSequenceNumberFor(REGISTER.toString()).orElse(-1L);
    }

    private void as(String user, String role, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "userId", DemoAccess.userId(user).toString(), "role", role, "correlationId", UUID.randomUUID().toString()))));
    }

    // --- HTTP

    private JsonNode assertError(String body, int status, int expectedStatus, String code, String field) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        JsonNode error = JSON.readTree(body).at("/errors/0");
        assertThat(error.at("/extensions/code").asString()).as(body).isEqualTo(code);
        if (field != null) {
            assertThat(error.at("/extensions/field").asString()).as(body).isEqualTo(field);
        }
        assertThat(error.at("/message").asString()).isNotBlank();
        return error;
    }

    private HttpResponse<byte[]> download(String user, String query) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/registers/" + PLAN + "/workbook" + query))
                    .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> upload(String user, byte[] content) {
        String boundary = "marc-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evaluare.xlsx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP_send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/registers/" + PLAN + "/workbook"))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<String> HTTP_send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A downloaded workbook being filled in (rows numbered as the sheet shows them). */
    static final class Rows {
        private final XSSFWorkbook workbook;
        private final Sheet sheet;

        Rows(byte[] content) throws IOException {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
            sheet = workbook.getSheet(MeasureWorkbook.SHEET);
        }

        int count() {
            return sheet.getLastRowNum();
        }

        /** The first row whose "Valori permise" contains {@code allowed}. */
        int firstWith(String allowed) {
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(MeasureWorkbook.ALLOWED).getStringCellValue().contains(allowed)) {
                    return r + 1;
                }
            }
            throw new AssertionError("no row allows " + allowed);
        }

        UUID indicatorId(int row) {
            return UUID.fromString(sheet.getRow(row - 1).getCell(MeasureWorkbook.INDICATOR_ID).getStringCellValue());
        }

        Rows fill(int row, String nume, String prenume, String value) {
            Row target = sheet.getRow(row - 1);
            target.getCell(MeasureWorkbook.NUME).setCellValue(nume);
            target.getCell(MeasureWorkbook.PRENUME).setCellValue(prenume);
            if (value.matches("-?\\d+(\\.\\d+)?")) {
                target.getCell(MeasureWorkbook.VALUE).setCellValue(Double.parseDouble(value)); // as Excel keeps a typed number
            } else {
                target.getCell(MeasureWorkbook.VALUE).setCellValue(value);
            }
            return this;
        }

        Rows edit(Consumer<Sheet> change) {
            change.accept(sheet);
            return this;
        }

        Rows editMeta(Consumer<Sheet> change) {
            change.accept(workbook.getSheet(MeasureWorkbook.META_SHEET));
            return this;
        }

        byte[] bytes() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        }
    }
}
