package ro.marc.api.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoCampaign;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.access.Role;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan (Anexa 1) over HTTP: drafted → edited → activated → a member sees their tasks and the Gantt chart
 * (data and picture) → the head revises it (edition 2) → closed; bad input refused naming the field with
 * nothing appended; a member editing the plan and another structure's head reading it refused. Each test
 * works in a structure of its own (created here with its accounts and working group, as commands), so the
 * demo plans and the other tests sharing the context are left alone.
 */
class PlanApiTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDINE = DemoOrganisation.id("wu:Ordine publică").toString();
    private static final String RUTIERA = DemoOrganisation.id("wu:Poliție rutieră").toString();
    private static final String RESURSE = DemoOrganisation.id("wu:Resurse umane").toString();
    private static final String MIGRATIE = DemoOrganisation.id("wu:Migrație").toString();

    private static final String PLAN_FIELDS = """
            id status purpose startDate version edition orgUnitId orgUnitName
            deadlines { identification evaluation measures }
            stages { stage start deadline activities }
            members { userId displayName role active questionnaireRequired followsMemberWorkflow workUnits { id name } }
            editions { edition publishedByName } history { type edition } ganttChartUrl""";
    private static final String DRAFT = "mutation($i: DraftPlanInput!) { draftPlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";
    private static final String EDIT = "mutation($i: EditPlanInput!) { editPlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";
    private static final String ACTIVATE = "mutation($i: PlanVersionInput!) { activatePlan(input: $i) { id version plan { " + PLAN_FIELDS + " } } }";
    private static final String CLOSE = "mutation($i: PlanVersionInput!) { closePlan(input: $i) { id version plan { status } } }";

    @Autowired
    JdbcClient jdbc;

    /** A structure of its own: head and member in its working group, an outsider of the structure outside it. */
    record Structure(String orgUnitId, String head, String member, String outsider, UUID memberId, UUID outsiderId) {
    }





    private Structure structure() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = createStructure("Inspectoratul de test " + suffix, List.of(ORDINE, RUTIERA, RESURSE));
        UUID head = registerAccount("head-" + suffix, "Șef Grup " + suffix, Role.WORKING_GROUP_HEAD, unit);
        UUID member = registerAccount("member-" + suffix, "Membru Țăran " + suffix, Role.WORKING_GROUP_MEMBER, unit);
        UUID outsider = registerAccount("outsider-" + suffix, "Străin " + suffix, Role.WORKING_GROUP_MEMBER, unit);
        String group = data("admin", "mutation($u: ID!, $n: String!) { defineWorkingGroup(input: {orgUnitId: $u, name: $n}) { id } }",
                Map.of("u", unit, "n", "Grupul de lucru " + suffix)).at("/defineWorkingGroup/id").asString();
        long version = 1;
        for (UUID user : List.of(head, member)) {
            version = data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { addWorkingGroupMember(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                    Map.of("g", group, "u", user.toString(), "v", version)).at("/addWorkingGroupMember/version").asLong();
        }
        data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { appointWorkingGroupLeader(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                Map.of("g", group, "u", head.toString(), "v", version));
        return new Structure(unit, "head-" + suffix, "member-" + suffix, "outsider-" + suffix, member, outsider);
    }


    private long events(String planId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(planId)
                .query(Long.class).single();
    }

    private static Map<String, Object> member(UUID userId, String... workUnits) {
        return Map.of("userId", userId.toString(), "workUnitIds", List.of(workUnits), "questionnaireRequired", true);
    }

    private static Map<String, Object> deadlines(LocalDate identification, LocalDate evaluation, LocalDate measures) {
        return Map.of("identification", identification.toString(), "evaluation", evaluation.toString(),
                "measures", measures.toString());
    }

    private HttpResponse<byte[]> chart(String username, String planId, String query) {
        return chart(username, planId, "png", query);
    }

    private HttpResponse<byte[]> chart(String username, String planId, String format, String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/charts/plans/" + planId
                    + "/gantt." + format + query)).header("Authorization", "Bearer " + token(username)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    @Test
    void drafted_activated_seen_by_a_member_revised_and_closed() throws Exception {
        Structure s = structure();
        String suffix = s.head().substring(5);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Bucharest"));
        LocalDate start = today.minusDays(40);

        // a draft: only the purpose and a member; names resolved for the draft from the current records
        JsonNode drafted = data(s.head(), DRAFT, Map.of("i", Map.of("orgUnitId", s.orgUnitId(),
                "purpose", "Evaluarea riscurilor de corupție " + suffix, "members", List.of(member(s.memberId(), ORDINE)))))
                .get("draftPlan");
        String planId = drafted.at("/id").asString();
        assertThat(drafted.at("/version").asLong()).isEqualTo(1);
        assertThat(drafted.at("/plan/status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.at("/plan/edition").isNull()).isTrue();
        assertThat(drafted.at("/plan/orgUnitName").asString()).isEqualTo("Inspectoratul de test " + suffix);
        assertThat(drafted.at("/plan/members/0/displayName").asString()).isEqualTo("Membru Țăran " + suffix);
        assertThat(drafted.at("/plan/members/0/workUnits/0/name").asString()).isEqualTo("Ordine publică");

        // completed: start, deadlines (identification already past, evaluation due in 3 days)
        JsonNode edited = data(s.head(), EDIT, Map.of("i", Map.of("id", planId, "startDate", start.toString(),
                "purpose", "Evaluarea riscurilor de corupție " + suffix,
                "members", List.of(member(s.memberId(), ORDINE, RUTIERA)),
                "deadlines", deadlines(today.minusDays(5), today.plusDays(3), today.plusDays(60)), "expectedVersion", 1)))
                .get("editPlan");
        assertThat(edited.at("/version").asLong()).isEqualTo(2);
        assertThat(edited.at("/plan/stages/1/start").asString()).isEqualTo(today.minusDays(4).toString()); // n+1

        JsonNode activated = data(s.head(), ACTIVATE, Map.of("i", Map.of("id", planId, "expectedVersion", 2))).get("activatePlan");
        assertThat(activated.at("/version").asLong()).isEqualTo(3);
        assertThat(activated.at("/plan/status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.at("/plan/edition").asInt()).isEqualTo(1);
        assertThat(activated.at("/plan/editions/0/publishedByName").asString()).isEqualTo("Șef Grup " + suffix);
        assertThat(activated.at("/plan/members/0/role").asString()).isEqualTo("WORKING_GROUP_MEMBER");
        assertThat(data(s.member(), "query($u: ID!) { activePlan(orgUnitId: $u) { id } }", Map.of("u", s.orgUnitId()))
                .at("/activePlan/id").asString()).isEqualTo(planId);

        // the member's tasks
        JsonNode tasks = data(s.member(), """
                { myTasks { plan { id } purpose today questionnaireRequired followsMemberWorkflow workUnits { name }
                            stages { stage start deadline activities current overdue upcoming daysLeft } } }""", Map.of())
                .get("myTasks");
        assertThat(tasks.at("/plan/id").asString()).isEqualTo(planId);
        assertThat(tasks.at("/purpose").asString()).isEqualTo("Evaluarea riscurilor de corupție " + suffix);
        assertThat(tasks.at("/questionnaireRequired").asBoolean()).isTrue();
        assertThat(tasks.at("/workUnits").findValuesAsString("name")).containsExactly("Ordine publică", "Poliție rutieră");
        JsonNode identification = tasks.at("/stages/0");
        assertThat(identification.at("/overdue").asBoolean()).isTrue();
        assertThat(identification.at("/daysLeft").asInt()).isEqualTo(-5);
        assertThat(identification.at("/activities/1").asString()).isEqualTo("Identificarea activităților vulnerabile la corupție (Anexa 3)");
        JsonNode evaluation = tasks.at("/stages/1");
        assertThat(evaluation.at("/current").asBoolean()).isTrue();
        assertThat(evaluation.at("/upcoming").asBoolean()).isTrue();
        assertThat(evaluation.at("/overdue").asBoolean()).isFalse();
        assertThat(tasks.at("/stages/2/upcoming").asBoolean()).isFalse();
        // the outsider (not a member of the plan) has no tasks
        assertThat(data(s.outsider(), "{ myTasks { purpose } }", Map.of()).get("myTasks").isNull()).isTrue();

        // the Gantt chart, as data and as a picture
        JsonNode gantt = data(s.member(), """
                query($p: ID!, $f: String, $t: String) { gantt(planId: $p, from: $f, to: $t, scale: WEEKS) {
                    from to scale bars { kind stage label shownStart shownEnd clippedStart clippedEnd } ticks { date label } imageUrl svgUrl } }""",
                Map.of("p", planId, "f", today.minusDays(14).toString(), "t", today.plusDays(30).toString())).get("gantt");
        assertThat(gantt.at("/bars/0/kind").asString()).isEqualTo("STAGE");
        assertThat(gantt.at("/bars/0/clippedStart").asBoolean()).isTrue();
        assertThat(gantt.at("/bars/0/shownStart").asString()).isEqualTo(today.minusDays(14).toString());
        assertThat(gantt.at("/bars").size()).isEqualTo(15);
        assertThat(gantt.at("/ticks").size()).isBetween(7, 8);
        assertThat(gantt.at("/imageUrl").asString()).startsWith("/charts/plans/" + planId + "/gantt.png?from=");
        HttpResponse<byte[]> png = chart(s.member(), planId, "?scale=MONTHS");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        Path file = Path.of("target", "plan-api-gantt.png").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, png.body());
        System.out.println("Gantt chart (GET /charts/plans/" + planId + "/gantt.png) saved to " + file);
        // the same chart as SVG: text stays text (diacritics included), for printing and zooming
        assertThat(gantt.at("/svgUrl").asString()).startsWith("/charts/plans/" + planId + "/gantt.svg?from=");
        HttpResponse<byte[]> svg = chart(s.member(), planId, "svg", "?scale=MONTHS");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        String svgText = new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(svgText).contains("<svg").contains("Etapa de identificare și descriere a riscurilor de corupție");
        assertThat(chart("head.iasi", planId, "svg", "").statusCode()).isEqualTo(403);

        // refused: a member editing the plan; another structure's head reading it (GraphQL and the picture)
        JsonNode byMember = graphql(s.member(), EDIT, Map.of("i", Map.of("id", planId, "purpose", "X", "expectedVersion", 3)));
        assertThat(classification(byMember)).isEqualTo("FORBIDDEN");
        JsonNode byIasi = graphql("head.iasi", "query($p: ID!) { plan(id: $p) { id } }", Map.of("p", planId));
        assertThat(classification(byIasi)).isEqualTo("FORBIDDEN");
        assertThat(chart("head.iasi", planId, "").statusCode()).isEqualTo(403);
        assertThat(events(planId)).isEqualTo(3);

        // revised: edition 2
        JsonNode revised = data(s.head(), EDIT, Map.of("i", Map.of("id", planId, "startDate", start.toString(),
                "purpose", "Evaluarea riscurilor de corupție " + suffix,
                "members", List.of(member(s.memberId(), ORDINE, RUTIERA)),
                "deadlines", deadlines(today.minusDays(5), today.plusDays(10), today.plusDays(60)), "expectedVersion", 3)))
                .get("editPlan");
        assertThat(revised.at("/version").asLong()).isEqualTo(4);
        assertThat(revised.at("/plan/edition").asInt()).isEqualTo(2);
        assertThat(revised.at("/plan/editions").findValuesAsString("edition")).containsExactly("2", "1");
        assertThat(revised.at("/plan/deadlines/evaluation").asString()).isEqualTo(today.plusDays(10).toString());

        // searchable by purpose, diacritics optional, within the caller's reach
        JsonNode found = eventually(() -> data(s.head(), "query($t: String) { plans(filter: {text: $t}) { edges { node { id purpose } } } }",
                Map.of("t", "evaluarea coruptie " + suffix)), d -> d.at("/plans/edges").size() == 1);
        assertThat(found.at("/plans/edges/0/node/id").asString()).isEqualTo(planId);
        assertThat(data("head.iasi", "query($t: String) { plans(filter: {text: $t}) { edges { node { id } } } }",
                Map.of("t", "evaluarea coruptie " + suffix)).at("/plans/edges").size()).isZero();

        // closed: still readable, no more tasks
        JsonNode closed = data(s.head(), CLOSE, Map.of("i", Map.of("id", planId, "expectedVersion", 4))).get("closePlan");
        assertThat(closed.at("/plan/status").asString()).isEqualTo("CLOSED");
        assertThat(data(s.member(), "{ myTasks { purpose } }", Map.of()).get("myTasks").isNull()).isTrue();
        JsonNode history = data(s.member(), "query($p: ID!) { plan(id: $p) { status history { type } } }", Map.of("p", planId));
        assertThat(history.at("/plan/history").findValuesAsString("type"))
                .containsExactly("PlanDrafted", "PlanDraftSaved", "PlanActivated", "PlanRevised", "PlanClosed");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_appended() throws Exception {
        Structure s = structure();
        LocalDate start = LocalDate.of(2027, 2, 1);
        String planId = UUID.randomUUID().toString();

        // deadlines out of order: nothing appended, not even the draft
        JsonNode outOfOrder = graphql(s.head(), DRAFT, Map.of("i", Map.of("id", planId, "orgUnitId", s.orgUnitId(),
                "purpose", "Plan cu termene greșite", "startDate", start.toString(),
                "deadlines", deadlines(start.plusDays(30), start.plusDays(10), start.plusDays(60)))));
        assertThat(classification(outOfOrder)).as(outOfOrder.toString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(outOfOrder).at("/extensions/field").asString()).isEqualTo("deadlines.evaluation");
        assertThat(firstError(outOfOrder).at("/extensions/code").asString()).isEqualTo("DEADLINE_OUT_OF_ORDER");
        assertThat(events(planId)).isZero();

        // a malformed date is refused by the API, naming the field
        JsonNode malformed = graphql(s.head(), DRAFT, Map.of("i", Map.of("orgUnitId", s.orgUnitId(), "startDate", "01.02.2027")));
        assertThat(firstError(malformed).at("/extensions/field").asString()).isEqualTo("startDate");
        assertThat(firstError(malformed).at("/extensions/code").asString()).isEqualTo("INVALID_INSTANT");

        // a valid draft, then edits refused
        data(s.head(), DRAFT, Map.of("i", Map.of("id", planId, "orgUnitId", s.orgUnitId(), "purpose", "Plan de test")));
        JsonNode notHeld = graphql(s.head(), EDIT, Map.of("i", Map.of("id", planId, "purpose", "Plan de test",
                "members", List.of(member(s.memberId(), MIGRATIE)), "expectedVersion", 1)));
        assertThat(firstError(notHeld).at("/extensions/field").asString()).as(notHeld.toString()).isEqualTo("members[0].workUnitIds");
        assertThat(firstError(notHeld).at("/extensions/code").asString()).isEqualTo("WORK_UNIT_NOT_HELD");
        JsonNode notInGroup = graphql(s.head(), EDIT, Map.of("i", Map.of("id", planId, "purpose", "Plan de test",
                "members", List.of(member(s.outsiderId(), ORDINE)), "expectedVersion", 1)));
        assertThat(firstError(notInGroup).at("/extensions/field").asString()).as(notInGroup.toString()).isEqualTo("members[0].userId");
        assertThat(firstError(notInGroup).at("/extensions/code").asString()).isEqualTo("NOT_IN_WORKING_GROUP");
        assertThat(events(planId)).isEqualTo(1);

        // the Gantt chart's period and scale
        JsonNode reversed = graphql(s.head(), "query($p: ID!) { gantt(planId: $p, from: \"2027-03-01\", to: \"2027-02-01\") { from } }",
                Map.of("p", planId));
        assertThat(firstError(reversed).at("/extensions/field").asString()).as(reversed.toString()).isEqualTo("to");
        assertThat(firstError(reversed).at("/extensions/code").asString()).isEqualTo("EMPTY_PERIOD");
        JsonNode unknownScale = graphql(s.head(), "query($p: ID!, $s: GanttScale) { gantt(planId: $p, scale: $s) { from } }",
                Map.of("p", planId, "s", "DECADES"));
        assertThat(firstError(unknownScale).at("/extensions/code").asString()).as(unknownScale.toString()).isEqualTo("INVALID_VARIABLE");
        HttpResponse<byte[]> badScale = chart(s.head(), planId, "?scale=DECADES");
        assertThat(badScale.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(new String(badScale.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.at("/errors/0/extensions/field").asString()).isEqualTo("scale");
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("UNKNOWN_SCALE");
        assertThat(chart(s.head(), planId, "?from=2027-03-01&to=2027-02-01").statusCode()).isEqualTo(400);
        // an unknown plan: refused like one outside the head's reach, so nobody learns which ids exist
        assertThat(chart(s.head(), UUID.randomUUID().toString(), "").statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/charts/plans/" + planId + "/gantt.png"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as("without a token").isEqualTo(401);

        // a second active plan for the structure
        Map<String, Object> complete = Map.of("orgUnitId", s.orgUnitId(), "purpose", "Plan complet", "startDate", start.toString(),
                "members", List.of(member(s.memberId(), ORDINE)),
                "deadlines", deadlines(start.plusDays(30), start.plusDays(60), start.plusDays(90)));
        String first = data(s.head(), DRAFT, Map.of("i", complete)).at("/draftPlan/id").asString();
        data(s.head(), ACTIVATE, Map.of("i", Map.of("id", first, "expectedVersion", 1)));
        String second = data(s.head(), DRAFT, Map.of("i", complete)).at("/draftPlan/id").asString();
        JsonNode again = graphql(s.head(), ACTIVATE, Map.of("i", Map.of("id", second, "expectedVersion", 1)));
        assertThat(classification(again)).as(again.toString()).isEqualTo("CONFLICT");
        assertThat(firstError(again).at("/extensions/code").asString()).isEqualTo("ACTIVE_PLAN_EXISTS");
        assertThat(events(second)).isEqualTo(1);
    }

    @Test
    void the_demo_plans_are_there_cluj_active_and_iasi_a_draft() {
        JsonNode cluj = data("member.cluj", "query($p: ID!) { plan(id: $p) { status purpose edition startDate "
                + "deadlines { identification evaluation measures } members { displayName workUnits { name } questionnaireRequired followsMemberWorkflow } } }",
                Map.of("p", DemoCampaign.CLUJ_PLAN.toString())).get("plan");
        assertThat(cluj.at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(cluj.at("/purpose").asString()).isEqualTo("Evaluarea riscurilor de corupție 2026–2027");
        assertThat(cluj.at("/deadlines/measures").asString()).isEqualTo("2027-05-31");
        assertThat(cluj.at("/members/0/workUnits").findValuesAsString("name"))
                .containsExactly("Ordine publică", "Poliție rutieră", "Resurse umane");
        assertThat(cluj.at("/members/2/followsMemberWorkflow").asBoolean()).isTrue();
        assertThat(cluj.at("/members/2/questionnaireRequired").asBoolean()).isFalse();
        JsonNode iasi = data("head.iasi", "query($p: ID!) { plan(id: $p) { status purpose startDate members { displayName } } }",
                Map.of("p", DemoCampaign.IASI_PLAN.toString())).get("plan");
        assertThat(iasi.at("/status").asString()).isEqualTo("DRAFT");
        assertThat(iasi.at("/startDate").asString()).isEqualTo("2027-01-11");
        assertThat(iasi.at("/members").size()).isEqualTo(2);
        JsonNode tasks = data("counsellor.cluj", "{ myTasks { followsMemberWorkflow workUnits { name } } }", Map.of()).get("myTasks");
        assertThat(tasks.at("/followsMemberWorkflow").asBoolean()).isTrue();
        assertThat(tasks.at("/workUnits").findValuesAsString("name")).contains("Logistică", "Ordine publică");
    }
}
