package ro.marc.api.questionnaire;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ro.marc.api.common.CommandSender;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoQuestionnaire;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.DraftPlan;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management questionnaire (Anexa 2) over GraphQL and HTTP with real tokens: the standard questionnaire
 * bootstrapped and edited, answers saved and finalised under IPJ Cluj's active plan (the demo answers of
 * member.cluj, finalised, and head.cluj, a draft), the refusals (a finalised answer, another structure's plan,
 * unknown questions, a member reading others' answers), search by text without diacritics, and the .xlsx
 * export read back with POI.
 */
class QuestionnaireApiTest extends ApiTestSupport {

    private static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    private static final UUID CLUJ_PLAN = DemoQuestionnaire.CLUJ_PLAN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ActivePlans plans;
    @Autowired
    CommandSender commands;
    @Autowired
    DemoQuestionnaire demoQuestionnaire;

    private UUID plan;

    /**
     * IPJ Cluj's active plan: the demo plan when the demo plans step made it, else made here with the demo
     * plan's id and members; then the demo answers (a no-op when the start-up sequence seeded them).
     */
    @BeforeEach
    void clujPlanAndDemoAnswers() {
        Optional<ActivePlans.PlanFact> active = plans.activePlanOf(IPJ_CLUJ);
        if (active.isEmpty()) {
            UUID member = DemoAccess.userId("member.cluj");
            UUID head = DemoAccess.userId("head.cluj");
            commands.sendAsSystem(new DraftPlan(CLUJ_PLAN, IPJ_CLUJ, LocalDate.of(2026, 11, 2),
                    "Evaluarea riscurilor de corupție 2026–2027",
                    List.of(new PlanMember(member, List.of(DemoOrganisation.id("wu:Ordine publică"),
                                    DemoOrganisation.id("wu:Poliție rutieră"), DemoOrganisation.id("wu:Resurse umane")), true, false),
                            new PlanMember(head, List.of(DemoOrganisation.id("wu:Logistică")), true, false)),
                    new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31))));
            commands.sendAsSystem(new ActivatePlan(CLUJ_PLAN, 1));
            active = plans.activePlanOf(IPJ_CLUJ);
        }
        plan = active.orElseThrow().planId();
        demoQuestionnaire.seed();
    }

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    private static String code(JsonNode response) {
        return firstError(response).at("/extensions/code").asString();
    }

    private static String field(JsonNode response) {
        return firstError(response).at("/extensions/field").asString();
    }

    private JsonNode questionnaire(String user) {
        return data(user, "{ questionnaire { version publishedAt questions { id position text help kind } } }", Map.of())
                .get("questionnaire");
    }

    private JsonNode myAnswer(String user) {
        return data(user, "query($p: ID!) { myQuestionnaireAnswer(planId: $p) { id status version questionnaireVersion "
                + "respondentName orgUnitName finalisedAt answers { questionId text yes } } }", Map.of("p", plan.toString()))
                .get("myQuestionnaireAnswer");
    }

    private JsonNode save(String user, String mutation, List<Map<String, Object>> answers, long expectedVersion) {
        Map<String, Object> input = new HashMap<>();
        input.put("planId", plan.toString());
        input.put("answers", answers);
        input.put("expectedVersion", expectedVersion);
        return graphql(user, "mutation($i: QuestionnaireAnswerInput!) { " + mutation + "(input: $i) { id version "
                + "answer { status version questionnaireVersion answers { questionId text yes } } } }", Map.of("i", input));
    }

    /** Every question of the version answered: a text, or yes with a comment. */
    private static List<Map<String, Object>> complete(JsonNode version, String text) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (JsonNode q : version.get("questions")) {
            Map<String, Object> a = new HashMap<>(Map.of("questionId", q.get("id").asString(), "text", text));
            if (q.get("kind").asString().equals("YES_NO")) {
                a.put("yes", true);
            }
            answers.add(a);
        }
        return answers;
    }

    @Test
    void the_standard_questionnaire_is_published_at_start_in_romanian() {
        JsonNode current = questionnaire("member.cluj");
        assertThat(current.get("version").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode first = data("auditor", "{ questionnaireVersions { version questions { text kind } } }", Map.of())
                .get("questionnaireVersions");
        JsonNode v1 = first.get(first.size() - 1);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("questions")).hasSize(9);
        assertThat(v1.at("/questions/0/text").asString())
                .isEqualTo("Care sunt activitățile structurii pe care le considerați cele mai vulnerabile la corupție?");
        assertThat(v1.at("/questions/2/kind").asString()).isEqualTo("YES_NO");
    }

    @Test
    void the_demo_answers_one_finalised_one_draft_and_a_finalised_answer_is_refused() {
        JsonNode member = myAnswer("member.cluj");
        assertThat(member.get("status").asString()).isEqualTo("FINALISED");
        assertThat(member.get("finalisedAt").isNull()).isFalse();
        assertThat(member.get("orgUnitName").asString()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
        assertThat(member.get("answers").size()).isEqualTo(9);
        assertThat(myAnswer("head.cluj").get("status").asString()).isEqualTo("DRAFT");

        JsonNode refused = save("member.cluj", "saveQuestionnaireAnswer", List.of(), member.get("version").asLong());
        assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
        assertThat(code(refused)).isEqualTo("FINALISED");
        assertThat(field(refused)).isEqualTo("answerId");
        assertThat(myAnswer("member.cluj").get("version").asLong()).isEqualTo(member.get("version").asLong());
    }

    @Test
    void a_counsellor_saves_drafts_then_finalises_once_and_for_all() {
        JsonNode version = questionnaire("counsellor.cluj");
        String q1 = version.at("/questions/0/id").asString();
        assertThat(myAnswer("counsellor.cluj").isNull()).isTrue();

        JsonNode first = save("counsellor.cluj", "saveQuestionnaireAnswer",
                List.of(Map.of("questionId", q1, "text", "Avizarea  documentelor")), 0);
        assertThat(first.has("errors")).as(first.toString()).isFalse();
        assertThat(first.at("/data/saveQuestionnaireAnswer/version").asLong()).isEqualTo(1);
        assertThat(first.at("/data/saveQuestionnaireAnswer/answer/status").asString()).isEqualTo("DRAFT");
        assertThat(first.at("/data/saveQuestionnaireAnswer/answer/answers/0/text").asString()).isEqualTo("Avizarea  documentelor");

        JsonNode stale = save("counsellor.cluj", "saveQuestionnaireAnswer", List.of(), 0);
        assertThat(code(stale)).isEqualTo("STALE_VERSION");
        JsonNode unknown = save("counsellor.cluj", "saveQuestionnaireAnswer",
                List.of(Map.of("questionId", UUID.randomUUID().toString(), "text", "x")), 1);
        assertThat(code(unknown)).isEqualTo("UNKNOWN_QUESTION");
        assertThat(field(unknown)).isEqualTo("answers[0].questionId");
        JsonNode incomplete = save("counsellor.cluj", "finaliseQuestionnaireAnswer", null, 1);
        assertThat(code(incomplete)).isEqualTo("UNANSWERED");

        JsonNode done = save("counsellor.cluj", "finaliseQuestionnaireAnswer", complete(version, "Registrul de evidență a cadourilor"), 1);
        assertThat(done.has("errors")).as(done.toString()).isFalse();
        assertThat(done.at("/data/finaliseQuestionnaireAnswer/answer/status").asString()).isEqualTo("FINALISED");
        assertThat(done.at("/data/finaliseQuestionnaireAnswer/version").asLong()).isEqualTo(3);

        JsonNode after = save("counsellor.cluj", "saveQuestionnaireAnswer", List.of(Map.of("questionId", q1, "text", "altceva")), 3);
        assertThat(code(after)).isEqualTo("FINALISED");
        JsonNode again = save("counsellor.cluj", "finaliseQuestionnaireAnswer", null, 3);
        assertThat(code(again)).isEqualTo("FINALISED");
    }

    @Test
    void the_risk_owner_answers_too_and_another_structure_does_not_answer_under_this_plan() {
        String q1 = questionnaire("owner.cluj").at("/questions/0/id").asString();
        JsonNode owner = ownerAnswer("Gestionarea armamentului");
        assertThat(owner.get("status").asString()).isEqualTo("DRAFT");

        JsonNode iasi = save("member.iasi", "saveQuestionnaireAnswer", List.of(Map.of("questionId", q1, "text", "x")), 0);
        assertThat(classification(iasi)).isEqualTo("FORBIDDEN");
        // an administrator has no answer to give
        assertThat(classification(save("admin", "saveQuestionnaireAnswer", List.of(), 0))).isEqualTo("FORBIDDEN");
    }

    @Test
    void heads_read_and_search_the_answers_of_their_structure_members_do_not() {
        String query = "query($o: ID!, $t: String) { questionnaireAnswers(orgUnitId: $o, text: $t) "
                + "{ totalCount edges { node { respondentName status } } } }";
        JsonNode all = eventually(() -> data("head.cluj", query, Map.of("o", IPJ_CLUJ.toString())),
                d -> d.at("/questionnaireAnswers/edges").size() >= 2);
        List<String> names = new ArrayList<>();
        all.at("/questionnaireAnswers/edges").forEach(a -> names.add(a.at("/node/respondentName").asString()));
        assertThat(names).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all.at("/questionnaireAnswers/totalCount").asInt()).isEqualTo(names.size());

        // "examinarea candidatilor": the member's finalised answer, found without diacritics
        JsonNode found = eventually(() -> data("counsellor.cluj", query, Map.of("o", IPJ_CLUJ.toString(), "t", "examinarea candidatilor")),
                d -> d.at("/questionnaireAnswers/edges").size() == 1);
        assertThat(found.at("/questionnaireAnswers/edges/0/node/status").asString()).isEqualTo("FINALISED");
        assertThat(found.at("/questionnaireAnswers/totalCount").asInt()).isEqualTo(1);
        JsonNode none = data("admin.cluj", query, Map.of("o", IPJ_CLUJ.toString(), "t", "nimic asemănător")).get("questionnaireAnswers");
        assertThat(none.get("edges")).isEmpty();
        assertThat(none.get("totalCount").asInt()).isZero();

        // a member reads only their own answer: the structure's answers are refused
        assertThat(classification(graphql("member.cluj", query, Map.of("o", IPJ_CLUJ.toString())))).isEqualTo("FORBIDDEN");
        assertThat(classification(graphql("admin.iasi", query, Map.of("o", IPJ_CLUJ.toString())))).isEqualTo("FORBIDDEN");
    }

    /** The risk owner's answer under the plan: saved when there is none yet (any test may have saved it first). */
    private JsonNode ownerAnswer(String text) {
        String q1 = questionnaire("owner.cluj").at("/questions/0/id").asString();
        JsonNode mine = myAnswer("owner.cluj");
        if (mine != null && !mine.isNull()) {
            return mine;
        }
        JsonNode saved = save("owner.cluj", "saveQuestionnaireAnswer", List.of(Map.of("questionId", q1, "text", text)), 0);
        assertThat(saved.has("errors")).as(saved.toString()).isFalse();
        return saved.at("/data/saveQuestionnaireAnswer/answer");
    }

    /** Every page of the answers, {@code first} at a time: the ids in order, each page checked for its size. */
    private List<String> pages(String user, Map<String, Object> variables, int first, int expectedTotal) {
        String query = "query($o: ID!, $p: ID, $t: String, $first: Int, $after: String) { questionnaireAnswers(orgUnitId: $o, "
                + "planId: $p, text: $t, first: $first, after: $after) { totalCount edges { cursor node { id } } "
                + "pageInfo { hasNextPage endCursor } } }";
        return pageThrough(user, query, "questionnaireAnswers", variables, first, expectedTotal);
    }

    @Test
    void the_answers_are_paged_with_cursors_nothing_lost_or_repeated() {
        ownerAnswer("Gestionarea armamentului");
        Map<String, Object> vars = Map.of("o", IPJ_CLUJ.toString(), "p", plan.toString());
        String listQuery = "query($o: ID!, $p: ID) { questionnaireAnswers(orgUnitId: $o, planId: $p, first: 500) "
                + "{ totalCount edges { node { id } } pageInfo { hasNextPage } } }";
        JsonNode all = eventually(() -> data("head.cluj", listQuery, vars),
                d -> d.at("/questionnaireAnswers/edges").size() >= 3).get("questionnaireAnswers");
        List<String> expected = all.get("edges").findValuesAsString("id");
        assertThat(all.get("totalCount").asInt()).isEqualTo(expected.size());
        assertThat(all.at("/pageInfo/hasNextPage").asBoolean()).isFalse();

        for (int first : List.of(1, 2)) {
            List<String> paged = pages("head.cluj", vars, first, expected.size());
            assertThat(paged).as("first: " + first).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
        }
        // with text: relevance order, paged by position, the same answers as in one page
        // ("gestionarea": the risk owner's answer and the head's draft)
        Map<String, Object> text = Map.of("o", IPJ_CLUJ.toString(), "t", "gestionarea");
        JsonNode matched = eventually(() -> data("head.cluj", "query($o: ID!, $t: String) { questionnaireAnswers(orgUnitId: $o, "
                + "text: $t, first: 500) { totalCount edges { node { id } } } }", text),
                d -> d.at("/questionnaireAnswers/edges").size() >= 2).get("questionnaireAnswers");
        List<String> matchedIds = matched.get("edges").findValuesAsString("id");
        assertThat(matched.get("totalCount").asInt()).isEqualTo(matchedIds.size());
        assertThat(pages("head.cluj", text, 1, matchedIds.size())).containsExactlyElementsOf(matchedIds);

        // a cursor that is not one of this list, and a page too large, are refused naming the argument
        JsonNode bad = graphql("head.cluj", "query($o: ID!) { questionnaireAnswers(orgUnitId: $o, after: \"nonsense!\") { totalCount } }",
                Map.of("o", IPJ_CLUJ.toString()));
        assertThat(code(bad)).isEqualTo("INVALID_CURSOR");
        assertThat(field(bad)).isEqualTo("after");
        JsonNode tooLarge = graphql("head.cluj", "query($o: ID!) { questionnaireAnswers(orgUnitId: $o, first: 501) { totalCount } }",
                Map.of("o", IPJ_CLUJ.toString()));
        assertThat(code(tooLarge)).isEqualTo("OUT_OF_RANGE");
        assertThat(field(tooLarge)).isEqualTo("first");
    }

    @Test
    void central_administrators_publish_new_versions_and_started_answers_keep_theirs() {
        JsonNode current = questionnaire("admin");
        int version = current.get("version").asInt();
        List<Map<String, Object>> questions = new ArrayList<>();
        for (JsonNode q : current.get("questions")) {
            Map<String, Object> question = new HashMap<>(Map.of("id", q.get("id").asString(), "text", q.get("text").asString(),
                    "kind", q.get("kind").asString()));
            if (!q.get("help").isNull()) {
                question.put("help", q.get("help").asString());
            }
            questions.add(question);
        }
        questions.add(Map.of("text", "Cum apreciați colaborarea cu Direcția Generală Anticorupție?", "kind", "TEXT"));
        String edit = "mutation($i: EditQuestionnaireInput!) { editQuestionnaire(input: $i) { version questionnaire { version questions { text } } } }";

        JsonNode forbidden = graphql("head.cluj", edit, Map.of("i", Map.of("questions", questions, "expectedVersion", version)));
        assertThat(classification(forbidden)).isEqualTo("FORBIDDEN");

        JsonNode published = data("admin", edit, Map.of("i", Map.of("questions", questions, "expectedVersion", version)));
        assertThat(published.at("/editQuestionnaire/version").asInt()).isEqualTo(version + 1);
        assertThat(published.at("/editQuestionnaire/questionnaire/questions")).hasSize(questions.size());
        // the published questions sent again (with their ids) are no change; a question without text is refused by name
        List<Map<String, Object>> again = new ArrayList<>();
        for (JsonNode q : questionnaire("admin").get("questions")) {
            Map<String, Object> question = new HashMap<>(Map.of("id", q.get("id").asString(), "text", q.get("text").asString(),
                    "kind", q.get("kind").asString()));
            if (!q.get("help").isNull()) {
                question.put("help", q.get("help").asString());
            }
            again.add(question);
        }
        JsonNode same = graphql("admin", edit, Map.of("i", Map.of("questions", again, "expectedVersion", version + 1)));
        assertThat(code(same)).isEqualTo("NO_CHANGE");
        JsonNode empty = graphql("admin", edit, Map.of("i", Map.of("questions", List.of(Map.of("text", " ")), "expectedVersion", version + 1)));
        assertThat(code(empty)).isEqualTo("REQUIRED");
        assertThat(field(empty)).isEqualTo("questions[0].text");

        // the demo member's answer still answers version 1
        assertThat(myAnswer("member.cluj").get("questionnaireVersion").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the .xlsx export

    private HttpResponse<byte[]> export(String user, String orgUnitId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + QuestionnaireExportController.PATH + "?orgUnitId=" + orgUnitId)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_head_exports_the_answers_of_the_structure_and_below_to_xlsx() throws Exception {
        HttpResponse<byte[]> response = export("head.cluj", IPJ_CLUJ.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Răspunsuri Anexa 2");
            Row header = sheet.getRow(0);
            List<String> titles = new ArrayList<>();
            header.forEach(c -> titles.add(c.getStringCellValue()));
            assertThat(titles).containsExactly("Structura", "Respondent", "Stare", "Versiunea chestionarului", "Nr.",
                    "Întrebarea", "Răspunsul", "Finalizat la");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            List<Row> memberRows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals("Finalizat")
                        && row.getCell(6).getStringCellValue().contains("permisul de conducere")) {
                    memberRows.add(row);
                }
            }
            assertThat(memberRows).as("the demo member's finalised answer to question 1").hasSize(1);
            Row row = memberRows.getFirst();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(5).getStringCellValue())
                    .isEqualTo("Care sunt activitățile structurii pe care le considerați cele mai vulnerabile la corupție?");
            assertThat(row.getCell(7).getStringCellValue()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
            boolean draftRow = false;
            boolean yesNo = false;
            for (Row r : sheet) {
                if (r.getRowNum() > 0) {
                    draftRow |= r.getCell(2).getStringCellValue().equals("Ciornă");
                    yesNo |= r.getCell(6).getStringCellValue().startsWith("Da — ") || r.getCell(6).getStringCellValue().startsWith("Nu — ");
                }
            }
            assertThat(draftRow).as("the head's draft is exported too").isTrue();
            assertThat(yesNo).as("yes/no answers as Da/Nu with the comment").isTrue();
            for (int c = 0; c < titles.size(); c++) {
                assertThat(sheet.getColumnWidth(c)).as("column %d sized to its content", c).isGreaterThan(256 * 3);
            }
        }
    }

    @Test
    void exports_outside_the_caller_s_reach_are_refused() throws Exception {
        HttpResponse<byte[]> iasi = export("member.iasi", IPJ_CLUJ.toString());
        assertThat(iasi.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(new String(iasi.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.get("error").asString()).isEqualTo("FORBIDDEN");
        assertThat(export("member.cluj", IPJ_CLUJ.toString()).statusCode()).isEqualTo(403);
        assertThat(export("admin.iasi", IPJ_CLUJ.toString()).statusCode()).isEqualTo(403);
        assertThat(export("admin.cluj", IPJ_CLUJ.toString()).statusCode()).isEqualTo(200);
        assertThat(export("admin", IPJ_CLUJ.toString()).statusCode()).isEqualTo(200);
        assertThat(export(null, IPJ_CLUJ.toString()).statusCode()).isEqualTo(401);
        assertThat(export("admin", "not-an-id").statusCode()).isEqualTo(400);
        assertThat(export("admin", UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
    }
}
