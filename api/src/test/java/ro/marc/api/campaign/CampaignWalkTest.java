package ro.marc.api.campaign;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.questionnaire.QuestionnaireExportController;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.access.Role;
import ro.marc.events.nomenclature.ReferenceList;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue-11 walk of the yearly campaign over HTTP, as its users see it, in a structure of its own (created
 * here with its accounts and working group, as commands, so the demo plans and the other tests sharing the
 * context are left alone): the head drafts a plan, edits the draft and activates it (edition 1) → the member
 * sees their tasks and the Gantt chart (data at WEEKS and the PNG) and is notified of the activation → answers
 * the management questionnaire (draft, then final; a second finalisation refused) → starts, saves and finalises
 * the Anexa 3 of a work unit assigned to them, from the demo nomenclature; the head is notified and downloads
 * its PDF → the head revises the plan (edition 2: two Anexa 1 PDFs, newest first; the member notified) → the
 * head exports the answers to .xlsx and reads the member's row back; another structure is refused the export → the
 * member assesses a risk of the activity (Anexa 4, issue 13): the allowed probabilities with the incident behind them,
 * a score below them refused, the description, the exact evaluation, measures and indicators of every kind, finalised;
 * the head is notified and downloads the Anexa 4 PDF.
 */
class CampaignWalkTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

    private static final String ORDINE = DemoOrganisation.id("wu:Ordine publică").toString();
    private static final String RUTIERA = DemoOrganisation.id("wu:Poliție rutieră").toString();
    private static final String RESURSE = DemoOrganisation.id("wu:Resurse umane").toString();

    // the demo nomenclature under Poliție rutieră
    private static final String ALCOOL = "Verificarea conducătorilor auto privind consumul de alcool sau de substanțe psihoactive";
    private static final String TESTARE = "Testarea cu aparatul etilotest sau drugtest";
    private static final String RECOLTARE = "Conducerea la unitatea medicală pentru recoltarea probelor biologice";
    private static final String BULETIN = "Buletin de testare etilotest";

    private static final String PLAN_FIELDS = """
            id status purpose startDate version edition orgUnitId orgUnitName
            deadlines { identification evaluation measures }
            stages { stage start deadline activities }
            members { userId displayName role questionnaireRequired workUnits { id name } }
            editions { edition publishedByName }""";
    private static final String DRAFT = "mutation($i: DraftPlanInput!) { draftPlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";
    private static final String EDIT = "mutation($i: EditPlanInput!) { editPlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";
    private static final String ACTIVATE = "mutation($i: PlanVersionInput!) { activatePlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";

    private static final String NOTIFICATIONS = """
            { notifications(first: 50) { unreadCount edges { node { kind severity title message subjectId subjectKind workUnitNames } } } }""";

    private static final String ANSWER = """
            mutation($i: QuestionnaireAnswerInput!) { %s(input: $i) { id version
              answer { status version questionnaireVersion respondentName finalisedAt answers { questionId text yes } } } }""";

    private static final String START_ANALYSIS = """
            mutation($plan: ID!, $wu: ID!) { startActivityAnalysis(input: {planId: $plan, workUnitId: $wu}) {
              id version analysis { id status edition memberName workUnitName planPurpose } } }""";
    private static final String SAVE_ANALYSIS = """
            mutation($input: SaveActivityAnalysisInput!) { saveActivityAnalysis(input: $input) {
              id version analysis { status activities { activityId name
                tasks { taskId name periodicity documents { id name } } relations { direction partnerName nature } } } } }""";
    private static final String FINALISE_ANALYSIS = """
            mutation($id: ID!, $v: Int!) { finaliseActivityAnalysis(input: {id: $id, expectedVersion: $v}) {
              id version analysis { status edition finalisedEdition late selectedActivities { id name } } } }""";

    private static final String DOCUMENT_FIELDS = "id title kind edition fileName mediaType size sha256 downloadUrl";


    /** The fresh structure: its head and member in its working group. */
    record Structure(String orgUnitId, String orgUnitName, String head, String headName, UUID headId,
                     String member, String memberName, UUID memberId) {
    }

    @Test
    void the_yearly_campaign_from_the_plan_to_the_exported_answers() throws Exception {
        Structure s = structure();
        String suffix = s.head().substring("head-".length());
        LocalDate today = LocalDate.now(BUCHAREST);
        LocalDate start = today.minusDays(10);
        LocalDate identification = today.plusDays(20); // the Anexa 3 is finalised in time
        LocalDate evaluation = today.plusDays(50);
        LocalDate measures = today.plusDays(80);
        String purpose = "Evaluarea riscurilor de corupție în structură — campania " + suffix;

        // ---------------------------------------------------------------- 1. drafted, edited as a draft, activated
        JsonNode drafted = data(s.head(), DRAFT, Map.of("i", Map.of("orgUnitId", s.orgUnitId(), "purpose", purpose,
                "members", List.of(member(s.memberId(), true, ORDINE))))).get("draftPlan");
        String planId = drafted.at("/id").asString();
        assertThat(drafted.at("/version").asLong()).isEqualTo(1);
        assertThat(drafted.at("/plan/status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.at("/plan/edition").isNull()).isTrue();
        assertThat(drafted.at("/plan/purpose").asString()).isEqualTo(purpose);

        JsonNode edited = data(s.head(), EDIT, Map.of("i", Map.of("id", planId, "startDate", start.toString(), "purpose", purpose,
                "members", List.of(member(s.memberId(), true, ORDINE, RUTIERA), member(s.headId(), false, RESURSE)),
                "deadlines", deadlines(identification, evaluation, measures), "expectedVersion", 1))).get("editPlan");
        assertThat(edited.at("/version").asLong()).isEqualTo(2);
        assertThat(edited.at("/plan/status").asString()).isEqualTo("DRAFT");
        assertThat(edited.at("/plan/startDate").asString()).isEqualTo(start.toString());
        assertThat(edited.at("/plan/stages/1/start").asString()).isEqualTo(identification.plusDays(1).toString()); // n+1

        JsonNode activated = data(s.head(), ACTIVATE, Map.of("i", Map.of("id", planId, "expectedVersion", 2))).get("activatePlan");
        assertThat(activated.at("/version").asLong()).isEqualTo(3);
        assertThat(activated.at("/plan/status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.at("/plan/edition").asInt()).isEqualTo(1);
        assertThat(activated.at("/plan/orgUnitName").asString()).isEqualTo(s.orgUnitName());
        assertThat(activated.at("/plan/editions/0/publishedByName").asString()).isEqualTo(s.headName());
        assertThat(activated.at("/plan/members").findValuesAsString("displayName")).containsExactly(s.memberName(), s.headName());
        assertThat(activated.at("/plan/members/1/role").asString()).isEqualTo("WORKING_GROUP_HEAD");

        // ---------------------------------------------------------------- 2. the member's tasks and the Gantt chart
        JsonNode tasks = data(s.member(), """
                { myTasks { plan { id } purpose today questionnaireRequired workUnits { id name }
                            stages { stage start deadline activities current overdue upcoming daysLeft } } }""", Map.of())
                .get("myTasks");
        assertThat(tasks.at("/plan/id").asString()).isEqualTo(planId);
        assertThat(tasks.at("/purpose").asString()).isEqualTo(purpose);
        assertThat(tasks.at("/today").asString()).isEqualTo(today.toString());
        assertThat(tasks.at("/questionnaireRequired").asBoolean()).isTrue();
        assertThat(tasks.at("/workUnits").findValuesAsString("name")).containsExactly("Ordine publică", "Poliție rutieră");
        assertThat(tasks.at("/stages").findValuesAsString("stage")).containsExactly("IDENTIFICATION", "EVALUATION", "MEASURES");
        assertThat(tasks.at("/stages").findValuesAsString("deadline"))
                .containsExactly(identification.toString(), evaluation.toString(), measures.toString());
        JsonNode first = tasks.at("/stages/0");
        assertThat(first.at("/start").asString()).isEqualTo(start.toString());
        assertThat(first.at("/current").asBoolean()).isTrue();
        assertThat(first.at("/overdue").asBoolean()).isFalse();
        assertThat(first.at("/daysLeft").asInt()).isEqualTo(20);
        List<String> identificationActivities = strings(first.at("/activities"));
        assertThat(identificationActivities).contains("Identificarea activităților vulnerabile la corupție (Anexa 3)");
        for (JsonNode stage : tasks.at("/stages")) {
            assertThat(stage.at("/activities").size()).as(stage.toString()).isPositive();
        }
        assertThat(tasks.at("/stages/1/start").asString()).isEqualTo(identification.plusDays(1).toString());
        assertThat(tasks.at("/stages/2/start").asString()).isEqualTo(evaluation.plusDays(1).toString());

        LocalDate from = today.minusDays(14);
        LocalDate to = today.plusDays(90);
        JsonNode gantt = data(s.member(), """
                query($p: ID!, $f: String, $t: String) { gantt(planId: $p, from: $f, to: $t, scale: WEEKS) {
                    planId from to scale bars { kind stage label start end shownStart shownEnd clippedStart clippedEnd }
                    ticks { date label } imageUrl } }""",
                Map.of("p", planId, "f", from.toString(), "t", to.toString())).get("gantt");
        assertThat(gantt.at("/planId").asString()).isEqualTo(planId);
        assertThat(gantt.at("/scale").asString()).isEqualTo("WEEKS");
        assertThat(gantt.at("/from").asString()).isEqualTo(from.toString());
        assertThat(gantt.at("/to").asString()).isEqualTo(to.toString());
        JsonNode bars = gantt.at("/bars");
        List<JsonNode> stageBars = new ArrayList<>();
        bars.forEach(b -> {
            if (b.at("/kind").asString().equals("STAGE")) {
                stageBars.add(b);
            }
        });
        assertThat(stageBars).hasSize(3);
        assertThat(stageBars.get(0).at("/start").asString()).isEqualTo(start.toString());
        assertThat(stageBars.get(0).at("/end").asString()).isEqualTo(identification.toString());
        assertThat(stageBars.get(0).at("/clippedStart").asBoolean()).isFalse(); // the plan starts inside the period
        assertThat(stageBars.get(2).at("/end").asString()).isEqualTo(measures.toString());
        assertThat(bars.size()).as("a bar per standard activity too").isGreaterThan(3);
        assertThat(bars.findValuesAsString("label")).contains("Identificarea activităților vulnerabile la corupție (Anexa 3)");
        assertThat(gantt.at("/ticks").size()).as("about one tick a week over 104 days").isBetween(14, 17);
        String imageUrl = gantt.at("/imageUrl").asString();
        assertThat(imageUrl).startsWith("/charts/plans/" + planId + "/gantt.png?").contains("scale=WEEKS");

        HttpResponse<byte[]> png = get(imageUrl, token(s.member()));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

        // ---------------------------------------------------------------- 3. the member is told of the activation
        JsonNode activation = notification(s.member(), "PLAN_ACTIVATED", planId);
        assertThat(activation.at("/subjectKind").asString()).isEqualTo("PLAN");
        assertThat(activation.at("/title").asString()).contains(purpose);
        assertThat(activation.at("/message").asString()).contains("Ordine publică", "Poliție rutieră",
                "chestionarului de management (Anexa 2) este obligatorie");
        assertThat(strings(activation.at("/workUnitNames"))).containsExactly("Ordine publică", "Poliție rutieră");

        // ---------------------------------------------------------------- 4. the management questionnaire
        JsonNode questionnaire = data(s.member(), "{ questionnaire { version questions { id position text kind } } }", Map.of())
                .get("questionnaire");
        JsonNode questions = questionnaire.get("questions");
        assertThat(questions.size()).isPositive();
        String q1 = questions.get(0).at("/id").asString();
        String q1Text = questions.get(0).at("/text").asString();
        String draftText = "Verificarea conducătorilor auto în trafic " + suffix;
        JsonNode saved = data(s.member(), ANSWER.formatted("saveQuestionnaireAnswer"), Map.of("i", Map.of("planId", planId,
                "answers", List.of(Map.of("questionId", q1, "text", draftText)), "expectedVersion", 0)))
                .get("saveQuestionnaireAnswer");
        String answerId = saved.at("/id").asString();
        assertThat(saved.at("/version").asLong()).isEqualTo(1);
        assertThat(saved.at("/answer/status").asString()).isEqualTo("DRAFT");
        assertThat(saved.at("/answer/questionnaireVersion").asInt()).isEqualTo(questionnaire.at("/version").asInt());
        assertThat(saved.at("/answer/respondentName").asString()).isEqualTo(s.memberName());
        assertThat(saved.at("/answer/answers/0/text").asString()).isEqualTo(draftText);

        String finalText = "Controlul în trafic și emiterea avizelor — " + suffix;
        List<Map<String, Object>> complete = new ArrayList<>();
        for (JsonNode q : questions) {
            Map<String, Object> a = new HashMap<>(Map.of("questionId", q.at("/id").asString(), "text", finalText));
            if (q.at("/kind").asString().equals("YES_NO")) {
                a.put("yes", true);
            }
            complete.add(a);
        }
        JsonNode finalised = data(s.member(), ANSWER.formatted("finaliseQuestionnaireAnswer"), Map.of("i", Map.of("planId", planId,
                "answers", complete, "expectedVersion", 1))).get("finaliseQuestionnaireAnswer");
        assertThat(finalised.at("/id").asString()).isEqualTo(answerId);
        assertThat(finalised.at("/answer/status").asString()).isEqualTo("FINALISED");
        assertThat(finalised.at("/answer/finalisedAt").isNull()).isFalse();
        long answerVersion = finalised.at("/version").asLong();

        JsonNode again = graphql(s.member(), ANSWER.formatted("finaliseQuestionnaireAnswer"), Map.of("i", Map.of("planId", planId,
                "expectedVersion", answerVersion)));
        assertThat(firstError(again).at("/extensions/classification").asString()).as(again.toString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(again).at("/extensions/code").asString()).isEqualTo("FINALISED");
        assertThat(firstError(again).at("/extensions/field").asString()).isEqualTo("answerId");
        assertThat(data(s.member(), "query($p: ID!) { myQuestionnaireAnswer(planId: $p) { status version } }", Map.of("p", planId))
                .at("/myQuestionnaireAnswer/version").asLong()).as("nothing appended").isEqualTo(answerVersion);

        // ---------------------------------------------------------------- 5. the Anexa 3 of Poliție rutieră
        JsonNode started = data(s.member(), START_ANALYSIS, Map.of("plan", planId, "wu", RUTIERA)).get("startActivityAnalysis");
        String analysisId = started.at("/id").asString();
        assertThat(started.at("/analysis/status").asString()).isEqualTo("DRAFT");
        assertThat(started.at("/analysis/memberName").asString()).isEqualTo(s.memberName());
        assertThat(started.at("/analysis/workUnitName").asString()).isEqualTo("Poliție rutieră");
        assertThat(started.at("/analysis/planPurpose").asString()).isEqualTo(purpose);

        String activityId = DemoNomenclature.activityId(ALCOOL).toString();
        Map<String, Object> activity = Map.of("activityId", activityId,
                "tasks", List.of(
                        Map.of("taskId", DemoNomenclature.taskId(ALCOOL, TESTARE).toString(), "periodicity", "DAILY",
                                "documentIds", List.of(DemoNomenclature.documentId(ALCOOL, TESTARE, BULETIN).toString())),
                        Map.of("taskId", DemoNomenclature.taskId(ALCOOL, RECOLTARE).toString(), "periodicity", "PER_CASE")),
                "relations", List.of(Map.of("direction", "SENDS_TO",
                        "partnerEntryId", DemoNomenclature.referenceEntryId(ReferenceList.EXTERNAL_PARTNER, "Unitățile sanitare").toString(),
                        "nature", "Solicitarea recoltării probelor biologice",
                        "legalFramework", "O.U.G. nr. 195/2002 privind circulația pe drumurile publice",
                        "materialMeansIds", List.of(DemoNomenclature.referenceEntryId(ReferenceList.MATERIAL_MEANS,
                                "Aparate etilotest și etilometre").toString()))));
        JsonNode analysisSaved = data(s.member(), SAVE_ANALYSIS, Map.of("input", Map.of("id", analysisId,
                "expectedVersion", started.at("/version").asLong(), "activities", List.of(activity)))).get("saveActivityAnalysis");
        assertThat(analysisSaved.at("/analysis/status").asString()).isEqualTo("DRAFT");
        assertThat(analysisSaved.at("/analysis/activities/0/name").asString()).isEqualTo(ALCOOL);
        assertThat(analysisSaved.at("/analysis/activities/0/tasks/0/name").asString()).isEqualTo(TESTARE);
        assertThat(analysisSaved.at("/analysis/activities/0/tasks/1/name").asString()).isEqualTo(RECOLTARE);
        assertThat(analysisSaved.at("/analysis/activities/0/tasks/1/periodicity").asString()).isEqualTo("PER_CASE");
        assertThat(analysisSaved.at("/analysis/activities/0/tasks/0/documents/0/name").asString()).isEqualTo(BULETIN);
        assertThat(analysisSaved.at("/analysis/activities/0/relations/0/partnerName").asString()).isEqualTo("Unitățile sanitare");

        JsonNode analysisFinalised = data(s.member(), FINALISE_ANALYSIS, Map.of("id", analysisId,
                "v", analysisSaved.at("/version").asLong())).get("finaliseActivityAnalysis");
        assertThat(analysisFinalised.at("/analysis/status").asString()).isEqualTo("FINALISED");
        assertThat(analysisFinalised.at("/analysis/edition").asInt()).isEqualTo(1);
        assertThat(analysisFinalised.at("/analysis/finalisedEdition").asInt()).isEqualTo(1);
        assertThat(analysisFinalised.at("/analysis/late").asBoolean()).isFalse();
        assertThat(analysisFinalised.at("/analysis/selectedActivities/0/id").asString()).isEqualTo(activityId);

        JsonNode finalisedNotice = notification(s.head(), "ANALYSIS_FINALISED", analysisId);
        assertThat(finalisedNotice.at("/severity").asString()).isEqualTo("INFO");
        assertThat(finalisedNotice.at("/message").asString()).contains(s.memberName(), "Poliție rutieră", purpose);

        String analysisDocuments = "query($id: ID!) { analysisDocuments(analysisId: $id) { " + DOCUMENT_FIELDS + " } }";
        JsonNode anexa3 = eventually(() -> data(s.head(), analysisDocuments, Map.of("id", analysisId)),
                d -> d.at("/analysisDocuments").size() > 0).at("/analysisDocuments/0");
        assertThat(anexa3.at("/kind").asString()).isEqualTo("ANEXA_3");
        assertThat(anexa3.at("/edition").asInt()).isEqualTo(1);
        assertThat(anexa3.at("/mediaType").asString()).isEqualTo("application/pdf");
        assertThat(anexa3.at("/fileName").asString()).startsWith("Anexa3-").endsWith(".pdf");
        HttpResponse<byte[]> anexa3Pdf = get(anexa3.at("/downloadUrl").asString(), token(s.head()));
        assertThat(anexa3Pdf.statusCode()).isEqualTo(200);
        assertThat(anexa3Pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(anexa3Pdf.body()).hasSize(anexa3.at("/size").asInt());
        String anexa3Text = pdfText(anexa3Pdf.body());
        assertThat(anexa3Text).contains(s.memberName(), "Poliție rutieră", s.orgUnitName(), BULETIN);

        // ---------------------------------------------------------------- 6. revised: edition 2
        LocalDate movedMeasures = measures.plusDays(14);
        JsonNode revised = data(s.head(), EDIT, Map.of("i", Map.of("id", planId, "startDate", start.toString(), "purpose", purpose,
                "members", List.of(member(s.memberId(), true, ORDINE, RUTIERA), member(s.headId(), false, RESURSE)),
                "deadlines", deadlines(identification, evaluation, movedMeasures), "expectedVersion", 3))).get("editPlan");
        assertThat(revised.at("/version").asLong()).isEqualTo(4);
        assertThat(revised.at("/plan/status").asString()).isEqualTo("ACTIVE");
        assertThat(revised.at("/plan/edition").asInt()).isEqualTo(2);
        assertThat(revised.at("/plan/deadlines/measures").asString()).isEqualTo(movedMeasures.toString());
        assertThat(revised.at("/plan/editions").findValuesAsString("edition")).containsExactly("2", "1");

        String planDocuments = "query($id: ID!) { planDocuments(planId: $id) { " + DOCUMENT_FIELDS + " } }";
        JsonNode anexa1 = eventually(() -> data(s.head(), planDocuments, Map.of("id", planId)),
                d -> d.at("/planDocuments").size() >= 2).at("/planDocuments");
        assertThat(anexa1.size()).isEqualTo(2);
        assertThat(anexa1.findValuesAsString("kind")).containsExactly("ANEXA_1", "ANEXA_1");
        assertThat(anexa1.findValuesAsString("edition")).containsExactly("2", "1");
        assertThat(anexa1.get(0).at("/sha256").asString()).isNotEqualTo(anexa1.get(1).at("/sha256").asString());
        HttpResponse<byte[]> edition2 = get(anexa1.get(0).at("/downloadUrl").asString(), token(s.member()));
        assertThat(edition2.statusCode()).isEqualTo(200);
        String edition2Text = pdfText(edition2.body());
        assertThat(edition2Text).contains(s.orgUnitName(), s.memberName(), s.headName(), "Poliție rutieră",
                PlanDatesText.day(movedMeasures));

        JsonNode revision = notification(s.member(), "PLAN_REVISED", planId);
        assertThat(revision.at("/title").asString()).contains("ediția 2", purpose);
        assertThat(revision.at("/message").asString()).contains(PlanDatesText.day(movedMeasures));

        // ---------------------------------------------------------------- 7. the head exports the answers
        HttpResponse<byte[]> export = waitFor(() -> export(token(s.head()), s.orgUnitId()),
                r -> r.statusCode() == 200 && memberRows(r.body(), s.memberName()).size() == questions.size());
        assertThat(export.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        List<List<String>> rows = memberRows(export.body(), s.memberName());
        List<String> firstRow = rows.getFirst();
        assertThat(firstRow.get(0)).isEqualTo(s.orgUnitName());
        assertThat(firstRow.get(1)).isEqualTo(s.memberName());
        assertThat(firstRow.get(2)).isEqualTo("Finalizat");
        assertThat(firstRow.get(5)).isEqualTo(q1Text);
        assertThat(firstRow.get(6)).contains(finalText);

        // another structure is refused the export
        assertThat(export(token("member.iasi"), s.orgUnitId()).statusCode()).isEqualTo(403);
        assertThat(export(token("member.cluj"), s.orgUnitId()).statusCode()).isEqualTo(403);
        assertThat(export(token("head.iasi"), s.orgUnitId()).statusCode()).isEqualTo(403);
        // and the member of this structure does not export it either
        assertThat(export(token(s.member()), s.orgUnitId()).statusCode()).isEqualTo(403);

        // ---------------------------------------------------------------- 8. the Anexa 4 of a risk of that activity
        String assessmentId = assessmentWalk(s, planId, activityId);

        // ---------------------------------------------------------------- 9. the register (Anexa 10) and its monitoring
        registerWalk(s, planId, assessmentId);
    }

    /**
     * Issue 13's walk: the member sees what they may assess (the work unit, the activity of their Anexa 3, its risks),
     * starts an assessment of a risk that materialised in their own structure, sees the allowed probabilities with the
     * incident behind them (UCA 63), is refused a score below them, describes the risk, scores it, adds existing and
     * additional measures with indicators of every kind and finalises; the head is notified and reads the Anexa 4 PDF.
     */
    private String assessmentWalk(Structure s, String planId, String activityId) throws Exception {
        String riskName = "Înlocuirea sau compromiterea probelor biologice recoltate";
        String riskId = DemoNomenclature.riskId(ALCOOL, riskName).toString();

        JsonNode assessable = data(s.member(), """
                query($p: ID!) { assessableRisks(planId: $p) { workUnitId workUnitName activities { activityId name risks { riskId name } } } }""",
                Map.of("p", planId)).get("assessableRisks");
        assertThat(assessable.findValuesAsString("workUnitName")).containsExactlyInAnyOrder("Ordine publică", "Poliție rutieră");
        JsonNode rutiera = assessable.get(0).at("/workUnitId").asString().equals(RUTIERA) ? assessable.get(0) : assessable.get(1);
        assertThat(rutiera.at("/activities").findValuesAsString("activityId")).containsExactly(activityId);
        assertThat(rutiera.at("/activities/0/risks").findValuesAsString("riskId")).contains(riskId);

        // an integrity incident linked to the risk in this very structure: only 4 and 5 are allowed
        String incidentTitle = "Rezultat etilotest falsificat " + s.orgUnitName().substring(s.orgUnitName().length() - 8);
        String incidentId = UUID.randomUUID().toString();
        long incidentVersion = data("admin", """
                mutation($i: RecordIncidentInput!) { recordIncident(input: $i) { version } }""", Map.of("i", Map.of("id", incidentId,
                "title", incidentTitle, "county", "CJ", "orgUnitId", s.orgUnitId(), "type", "INDICTMENT", "incidentDate", "2026-03-02",
                "fileNumber", "5120", "fileRegisteredOn", "2026-04-01", "content", "Manipularea aparatului în schimbul unei sume")))
                .at("/recordIncident/version").asLong();
        data("admin", "mutation($i: IncidentRiskLinkInput!) { linkIncidentRisk(input: $i) { version } }", Map.of("i", Map.of(
                "incidentId", incidentId, "orgUnitId", s.orgUnitId(), "workUnitId", RUTIERA, "activityId", activityId, "riskId", riskId,
                "expectedVersion", incidentVersion)));

        String fields = """
                id status edition finalisedEdition version memberName riskName complete
                probabilityConstraint { lowestAllowed allowedScores where reason sameStructureCount incidents { incidentId title sameStructure } }
                evaluation { probability globalImpact exposure priority riskClass methodologyVersion impacts { dimensionName importance score } }
                measures { kind effectiveness { level } indicators { kind allowedValues } }
                sections { section status reasons { field code } }
                history { edition evaluation { exposure } }
                editions { kind edition downloadUrl }""";
        String assessmentId = UUID.randomUUID().toString();
        JsonNode started = data(s.member(), "mutation($i: StartRiskAssessmentInput!) { startRiskAssessment(input: $i) { id version assessment { "
                + fields + " } } }", Map.of("i", Map.of("id", assessmentId, "planId", planId, "workUnitId", RUTIERA,
                "activityId", activityId, "riskId", riskId))).get("startRiskAssessment");
        assertThat(started.at("/id").asString()).isEqualTo(assessmentId);
        assertThat(started.at("/assessment/memberName").asString()).isEqualTo(s.memberName());
        JsonNode constraint = started.at("/assessment/probabilityConstraint");
        assertThat(constraint.at("/lowestAllowed").asInt()).isEqualTo(4);
        assertThat(strings(constraint.at("/allowedScores"))).containsExactly("4", "5");
        assertThat(constraint.at("/where").asString()).isEqualTo("SAME_STRUCTURE");
        assertThat(constraint.at("/reason").asString()).isNotBlank();
        assertThat(constraint.at("/incidents/0/incidentId").asString()).isEqualTo(incidentId);
        assertThat(constraint.at("/incidents/0/title").asString()).isEqualTo(incidentTitle);
        assertThat(constraint.at("/incidents/0/sameStructure").asBoolean()).isTrue();

        JsonNode dimensions = data(s.member(), "{ referenceEntries(list: IMPACT_DIMENSION) { id name } }", Map.of()).get("referenceEntries");
        String evaluate = "mutation($i: EvaluateRiskInput!) { evaluateRisk(input: $i) { id version assessment { " + fields + " } } }";
        List<Map<String, Object>> impacts = List.of(
                Map.of("dimensionId", dimensions.get(0).at("/id").asString(), "importance", 33, "score", 3),
                Map.of("dimensionId", dimensions.get(1).at("/id").asString(), "importance", 33, "score", 4),
                Map.of("dimensionId", dimensions.get(2).at("/id").asString(), "importance", 34, "score", 2));
        long version = started.at("/version").asLong();
        JsonNode below = graphql(s.member(), evaluate, Map.of("i", Map.of("id", assessmentId, "probability", 3, "impacts", impacts,
                "expectedVersion", version)));
        assertThat(firstError(below).at("/extensions/code").asString()).as(below.toString()).isEqualTo("BELOW_INCIDENT_FLOOR");
        assertThat(firstError(below).at("/extensions/field").asString()).isEqualTo("probability");

        Map<String, Object> description = Map.of(
                "exposedPersonnel", List.of("Agenți de poliție rutieră", "Ofițeri din serviciul rutier"),
                "controlWeaknesses", List.of("Aparatele nu păstrează jurnalul testărilor"),
                "threatSources", List.of("Conducători auto care oferă foloase"),
                "cultureParticularities", List.of("Echipaje formate mereu din aceleași persoane"),
                "effectIds", List.of(DemoNomenclature.referenceEntryId(ReferenceList.EFFECT, "Afectarea siguranței rutiere și a ordinii publice").toString()));
        List<Map<String, Object>> measures = List.of(
                Map.of("measureId", UUID.randomUUID().toString(), "kind", "EXISTING", "description", "Verificarea metrologică a aparatelor",
                        "criteria", Map.of("addressesRisk", true, "documented", true, "communicated", true, "appliedConsistently", true),
                        "indicators", List.of(Map.of("indicatorId", UUID.randomUUID().toString(), "name", "Aparate verificate", "kind", "NUMERIC"))),
                Map.of("measureId", UUID.randomUUID().toString(), "kind", "ADDITIONAL", "description", "Rotirea lunară a echipajelor",
                        "responsible", "Șeful Serviciului Rutier",
                        "indicators", List.of(
                                Map.of("indicatorId", UUID.randomUUID().toString(), "name", "Rotirea aplicată", "kind", "DONE_NOT_DONE"),
                                Map.of("indicatorId", UUID.randomUUID().toString(), "name", "Calitatea rotirii", "kind", "QUALITATIVE",
                                        "allowedValues", List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
        JsonNode saved = data(s.member(), "mutation($i: SaveRiskAssessmentDraftInput!) { saveRiskAssessmentDraft(input: $i) { id version assessment { "
                + fields + " } } }", Map.of("i", Map.of("id", assessmentId, "description", description, "measures", measures,
                "expectedVersion", version))).get("saveRiskAssessmentDraft");
        assertThat(saved.at("/assessment/measures/0/effectiveness/level").asString()).isEqualTo("EFFECTIVE");
        assertThat(saved.at("/assessment/measures/1/indicators").findValuesAsString("kind")).containsExactly("DONE_NOT_DONE", "QUALITATIVE");
        assertThat(saved.at("/assessment/sections/0/status").asString()).isEqualTo("COMPLETE");
        assertThat(saved.at("/assessment/sections/1/status").asString()).isEqualTo("INCOMPLETE");

        // P 4 × (33 × 3 + 33 × 4 + 34 × 2) / 100 = 4 × 2.99 = 11.96: moderate, priority 2
        JsonNode scored = data(s.member(), evaluate, Map.of("i", Map.of("id", assessmentId, "probability", 4, "impacts", impacts,
                "expectedVersion", saved.at("/version").asLong()))).get("evaluateRisk");
        JsonNode evaluation = scored.at("/assessment/evaluation");
        assertThat(evaluation.at("/globalImpact").asString()).isEqualTo("2.99");
        assertThat(evaluation.at("/exposure").asString()).isEqualTo("11.96");
        assertThat(evaluation.at("/priority").asInt()).isEqualTo(2);
        assertThat(evaluation.at("/riskClass").asString()).isEqualTo("MODERATE");
        assertThat(evaluation.at("/impacts/0/dimensionName").asString()).isEqualTo(dimensions.get(0).at("/name").asString());
        assertThat(scored.at("/assessment/complete").asBoolean()).as(scored.toString()).isTrue();
        assertThat(scored.at("/assessment/sections").findValuesAsString("status")).containsOnly("COMPLETE");
        assertThat(scored.at("/assessment/history").findValuesAsString("exposure")).containsExactly("11.96");

        JsonNode finalised = data(s.member(), "mutation($i: RiskAssessmentVersionInput!) { finaliseRiskAssessment(input: $i) { id version assessment { "
                + fields + " } } }", Map.of("i", Map.of("id", assessmentId, "expectedVersion", scored.at("/version").asLong())))
                .get("finaliseRiskAssessment");
        assertThat(finalised.at("/assessment/status").asString()).isEqualTo("FINALISED");
        assertThat(finalised.at("/assessment/finalisedEdition").asInt()).isEqualTo(1);

        JsonNode notice = notification(s.head(), "ASSESSMENT_FINALISED", assessmentId);
        assertThat(notice.at("/severity").asString()).isEqualTo("INFO");
        assertThat(notice.at("/subjectKind").asString()).isEqualTo("ASSESSMENT");
        assertThat(notice.at("/title").asString() + " " + notice.at("/message").asString()).contains(s.memberName(), riskName);

        String read = "query($id: ID!) { riskAssessment(id: $id) { " + fields + " } }";
        JsonNode withPdf = eventually(() -> data(s.head(), read, Map.of("id", assessmentId)),
                d -> d.at("/riskAssessment/editions").size() > 0).get("riskAssessment");
        assertThat(withPdf.at("/editions/0/kind").asString()).isEqualTo("ANEXA_4");
        assertThat(withPdf.at("/editions/0/edition").asInt()).isEqualTo(1);
        HttpResponse<byte[]> anexa4 = get(withPdf.at("/editions/0/downloadUrl").asString(), token(s.head()));
        assertThat(anexa4.statusCode()).isEqualTo(200);
        assertThat(pdfText(anexa4.body())).contains(s.memberName(), riskName, "11,96", "Rotirea lunară a echipajelor",
                "Foarte bine");
        assertThat(get(withPdf.at("/editions/0/downloadUrl").asString(), token("head.iasi")).statusCode()).isEqualTo(403);
        return assessmentId;
    }

    /**
     * Issue 14's walk: the head generates the register from the finalised assessment (the member's other work unit,
     * and the head's own, listed as missing), sets a deadline and periodicity for each measure and saves (P01's
     * registration number and approver); the member is notified; once the measures stage has begun (the Axon clock
     * moved to its first day, as the reminders' tests do) the member marks a measure done and enters an indicator value
     * for its first period, and the register shows both.
     */
    private void registerWalk(Structure s, String planId, String assessmentId) throws Exception {
        String measureFields = "measureId kind oneOff deadline periodicity dueDates done doneOn doneByName overdue "
                + "indicators { indicatorId kind values { periodDue value byName } evaluations { value personName source } }";
        String registerFields = "id version content draftEdition savedEdition savedByName registrationNumber approverName "
                + "measuresStageStart planLastDay members measureCount overdueMeasures missing { workUnitName memberName } "
                + "risks { riskName exposure highestAssessmentId assessments { assessmentId memberName workUnitName exposure } "
                + "measures { " + measureFields + " } } documents { kind edition downloadUrl }";
        JsonNode generated = data(s.head(), "mutation($p: ID!) { generateRiskRegister(input: {planId: $p}) { id version register { "
                + registerFields + " } } }", Map.of("p", planId)).get("generateRiskRegister");
        JsonNode draft = generated.get("register");
        assertThat(draft.at("/content").asString()).as(draft.toString()).isEqualTo("DRAFT");
        assertThat(draft.at("/draftEdition").asInt()).isEqualTo(1);
        assertThat(draft.at("/risks").size()).isEqualTo(1);
        assertThat(draft.at("/risks/0/riskName").asString()).isEqualTo("Înlocuirea sau compromiterea probelor biologice recoltate");
        assertThat(draft.at("/risks/0/exposure").asString()).isEqualTo("11.96");
        assertThat(draft.at("/risks/0/highestAssessmentId").asString()).isEqualTo(assessmentId);
        assertThat(draft.at("/risks/0/assessments/0/memberName").asString()).isEqualTo(s.memberName());
        assertThat(draft.at("/missing").findValuesAsString("workUnitName")).contains("Ordine publică", "Resurse umane");
        assertThat(draft.at("/missing").findValuesAsString("memberName")).contains(s.memberName(), s.headName());
        JsonNode measures = draft.at("/risks/0/measures");
        assertThat(measures.size()).isEqualTo(2);
        JsonNode existing = measures.get(0).at("/kind").asString().equals("EXISTING") ? measures.get(0) : measures.get(1);
        JsonNode additional = existing == measures.get(0) ? measures.get(1) : measures.get(0);
        LocalDate anchor = LocalDate.parse(draft.at("/measuresStageStart").asString());

        // the head sets the deadlines: the existing measure monthly for three months, the additional one once
        LocalDate monthlyDeadline = anchor.plusMonths(3).minusDays(1);
        LocalDate onceDeadline = anchor.plusDays(30);
        String registrationNumber = "3107/" + anchor.getYear();
        JsonNode saved = data(s.head(), "mutation($i: SaveRiskRegisterInput!) { saveRiskRegister(input: $i) { id version register { "
                + registerFields + " } } }", Map.of("i", Map.of("planId", planId, "registrationNumber", registrationNumber,
                "approverName", "Chestor Mircea Ștefănescu", "expectedVersion", generated.at("/version").asLong(),
                "schedules", List.of(
                        Map.of("assessmentId", assessmentId, "measureId", existing.at("/measureId").asString(),
                                "deadline", monthlyDeadline.toString(), "periodicity", "MONTHLY"),
                        Map.of("assessmentId", assessmentId, "measureId", additional.at("/measureId").asString(),
                                "deadline", onceDeadline.toString(), "periodicity", "ONCE"))))).get("saveRiskRegister");
        JsonNode register = saved.get("register");
        assertThat(register.at("/content").asString()).as(register.toString()).isEqualTo("SAVED");
        assertThat(register.at("/savedEdition").asInt()).isEqualTo(1);
        assertThat(register.at("/savedByName").asString()).isEqualTo(s.headName());
        assertThat(register.at("/registrationNumber").asString()).isEqualTo(registrationNumber);
        assertThat(register.at("/approverName").asString()).isEqualTo("Chestor Mircea Ștefănescu");
        assertThat(strings(register.at("/members"))).contains(s.memberName());
        JsonNode monthly = find(register.at("/risks/0/measures"), existing.at("/measureId").asString());
        assertThat(strings(monthly.at("/dueDates"))).containsExactly(anchor.plusMonths(1).minusDays(1).toString(),
                anchor.plusMonths(2).minusDays(1).toString(), monthlyDeadline.toString());

        // every member is notified of the saved register (UCA 81)
        JsonNode savedNotice = notification(s.member(), "REGISTER_SAVED", saved.at("/id").asString());
        assertThat(savedNotice.at("/severity").asString()).isEqualTo("INFO");
        assertThat(savedNotice.at("/subjectKind").asString()).isEqualTo("REGISTER");

        // the measures stage begins: the member marks the additional measure done and enters the existing one's value
        String monitoringFields = "assessmentId version monitoring { registerEdition measures { " + measureFields + " } }";
        java.time.Clock clock = org.axonframework.eventhandling.GenericEventMessage.clock;
        org.axonframework.eventhandling.GenericEventMessage.clock = java.time.Clock.offset(clock,
                Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(BUCHAREST), anchor)));
        try {
            JsonNode done = data(s.member(), "mutation($i: MeasureActionInput!) { markMeasureDone(input: $i) { " + monitoringFields
                    + " } }", Map.of("i", Map.of("assessmentId", assessmentId, "measureId", additional.at("/measureId").asString())))
                    .get("markMeasureDone");
            JsonNode doneMeasure = find(done.at("/monitoring/measures"), additional.at("/measureId").asString());
            assertThat(doneMeasure.at("/done").asBoolean()).as(done.toString()).isTrue();
            assertThat(doneMeasure.at("/doneOn").asString()).isEqualTo(anchor.toString());
            assertThat(doneMeasure.at("/doneByName").asString()).isEqualTo(s.memberName());
            JsonNode again = graphql(s.member(), "mutation($i: MeasureActionInput!) { markMeasureDone(input: $i) { version } }",
                    Map.of("i", Map.of("assessmentId", assessmentId, "measureId", additional.at("/measureId").asString())));
            assertThat(firstError(again).at("/extensions/code").asString()).as(again.toString()).isEqualTo("ALREADY_DONE");

            String firstPeriod = anchor.plusMonths(1).minusDays(1).toString();
            JsonNode values = data(s.member(), "mutation($i: RecordIndicatorValuesInput!) { recordIndicatorValues(input: $i) { "
                    + monitoringFields + " } }", Map.of("i", Map.of("assessmentId", assessmentId,
                    "measureId", existing.at("/measureId").asString(), "periodDue", firstPeriod,
                    "values", List.of(Map.of("indicatorId", existing.at("/indicators/0/indicatorId").asString(), "value", "7")))))
                    .get("recordIndicatorValues");
            JsonNode value = find(values.at("/monitoring/measures"), existing.at("/measureId").asString()).at("/indicators/0/values/0");
            assertThat(value.at("/periodDue").asString()).as(values.toString()).isEqualTo(firstPeriod);
            assertThat(value.at("/value").asString()).isEqualTo("7");
        } finally {
            org.axonframework.eventhandling.GenericEventMessage.clock = clock;
        }

        // the head reads it all in the register
        JsonNode read = data(s.head(), "query($p: ID!) { riskRegister(planId: $p) { " + registerFields + " } }", Map.of("p", planId))
                .get("riskRegister");
        assertThat(find(read.at("/risks/0/measures"), additional.at("/measureId").asString()).at("/done").asBoolean()).isTrue();
        assertThat(find(read.at("/risks/0/measures"), existing.at("/measureId").asString()).at("/indicators/0/values/0/value").asString())
                .isEqualTo("7");

        // A1001: the head downloads the workbook of the existing measure, risk owners without an account fill it in
        // (two imports: "4 Ionuț Popescu", then "10 Vasile Alexandru": Prenume then Nume) and the register shows them merged, in order
        String measureKey = assessmentId + ":" + existing.at("/measureId").asString();
        for (String[] person : List.of(new String[]{"Popescu", "Ionuț", "4"}, new String[]{"Alexandru", "Vasile", "10"})) {
            HttpResponse<byte[]> template = get("/registers/" + planId + "/workbook?measure=" + measureKey, token(s.head()));
            assertThat(template.statusCode()).as(new String(template.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
            byte[] filled;
            try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
                Sheet sheet = workbook.getSheet("Evaluare măsuri");
                assertThat(sheet.getLastRowNum()).as("one measure, one indicator: one row").isEqualTo(1);
                Row row = sheet.getRow(1);
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(existing.at("/measureId").asString());
                row.getCell(0, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(person[0]);
                row.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(person[1]);
                row.getCell(8, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(person[2]);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                workbook.write(out);
                filled = out.toByteArray();
            }
            HttpResponse<String> imported = upload("/registers/" + planId + "/workbook", token(s.head()), filled);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(JSON.readTree(imported.body()).at("/applied").asInt()).isEqualTo(1);
        }
        JsonNode merged = data(s.head(), "query($p: ID!) { riskRegister(planId: $p) { " + registerFields + " } }", Map.of("p", planId))
                .at("/riskRegister/risks/0/measures");
        JsonNode evaluations = find(merged, existing.at("/measureId").asString()).at("/indicators/0/evaluations");
        assertThat(evaluations.findValuesAsString("value")).containsExactly("4", "10");
        assertThat(evaluations.findValuesAsString("personName")).containsExactly("Ionuț Popescu", "Vasile Alexandru");
        assertThat(evaluations.findValuesAsString("source")).containsOnly("WORKBOOK");
    }

    /** A multipart upload of an .xlsx as part "file". */
    private HttpResponse<String> upload(String path, String token, byte[] xlsx) {
        try {
            String boundary = "walk-" + UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evaluare.xlsx\"\r\n"
                    + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(xlsx);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode measures, String measureId) {
        for (JsonNode m : measures) {
            if (m.at("/measureId").asString().equals(measureId)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + measureId + " in " + measures);
    }


    // ==================================================================== the fresh structure

    private Structure structure() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Inspectoratul de test al campaniei " + suffix;
        String unit = createStructure(name, List.of(ORDINE, RUTIERA, RESURSE));
        String headName = "Șef Grup Ștefănescu " + suffix;
        String memberName = "Membru Țăranu " + suffix;
        UUID head = registerAccount("head-" + suffix, headName, Role.WORKING_GROUP_HEAD, unit);
        UUID member = registerAccount("member-" + suffix, memberName, Role.WORKING_GROUP_MEMBER, unit);
        String group = data("admin", "mutation($u: ID!, $n: String!) { defineWorkingGroup(input: {orgUnitId: $u, name: $n}) { id } }",
                Map.of("u", unit, "n", "Grupul de lucru " + suffix)).at("/defineWorkingGroup/id").asString();
        long version = 1;
        for (UUID user : List.of(head, member)) {
            version = data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { addWorkingGroupMember(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                    Map.of("g", group, "u", user.toString(), "v", version)).at("/addWorkingGroupMember/version").asLong();
        }
        data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { appointWorkingGroupLeader(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                Map.of("g", group, "u", head.toString(), "v", version));
        return new Structure(unit, name, "head-" + suffix, headName, head, "member-" + suffix, memberName, member);
    }


    // ==================================================================== helpers




    /** The user's notification of that kind about that subject, waited for (notifications are asynchronous). */
    private JsonNode notification(String username, String kind, String subjectId) {
        JsonNode inbox = eventually(() -> data(username, NOTIFICATIONS, Map.of()), d -> find(d, kind, subjectId) != null);
        return find(inbox, kind, subjectId);
    }

    private static JsonNode find(JsonNode inbox, String kind, String subjectId) {
        for (JsonNode edge : inbox.at("/notifications/edges")) {
            JsonNode node = edge.get("node");
            if (node.at("/kind").asString().equals(kind) && node.at("/subjectId").asString().equals(subjectId)) {
                return node;
            }
        }
        return null;
    }

    /** Like {@code eventually}, for any read: until {@code done} holds, failing after 15 s. */
    private static <T> T waitFor(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("condition not met within 15 s; last: %s", last).isTrue();
        return last;
    }

    private static Map<String, Object> member(UUID userId, boolean questionnaireRequired, String... workUnits) {
        return Map.of("userId", userId.toString(), "workUnitIds", List.of(workUnits), "questionnaireRequired", questionnaireRequired);
    }

    private static Map<String, Object> deadlines(LocalDate identification, LocalDate evaluation, LocalDate measures) {
        return Map.of("identification", identification.toString(), "evaluation", evaluation.toString(),
                "measures", measures.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private HttpResponse<byte[]> get(String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> export(String token, String orgUnitId) {
        return get(QuestionnaireExportController.PATH + "?orgUnitId=" + orgUnitId, token);
    }

    /** The export's rows (cells as text) whose respondent is {@code respondent}. */
    private static List<List<String>> memberRows(byte[] xlsx, String respondent) {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || row.getCell(1) == null || !row.getCell(1).getStringCellValue().equals(respondent)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                        case STRING -> cell.getStringCellValue();
                        default -> cell.toString();
                    });
                }
                rows.add(cells);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dates as the PDFs and the notifications write them (dd.MM.yyyy). */
    private static final class PlanDatesText {
        static String day(LocalDate date) {
            return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        }
    }
}
