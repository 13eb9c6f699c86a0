package ro.marc.api.analysis;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoActivityAnalysis;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.nomenclature.ReferenceList;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity analysis (Anexa 3) over GraphQL with real tokens, on the demo data (IPJ Cluj's active plan
 * assigns member.cluj Ordine publică, Poliție rutieră and Resurse umane; head.cluj Logistică): a member
 * starts, saves and finalises their analysis; a work unit the plan does not assign them and bad nested
 * input are refused naming the field, and nothing is appended; reads are confined to the structure.
 */
class AnalysisApiTest extends ApiTestSupport {

    static final UUID PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");
    static final UUID RUTIERA = DemoOrganisation.id("wu:Poliție rutieră");
    static final UUID LOGISTICA = DemoOrganisation.id("wu:Logistică");
    static final UUID RESURSE = DemoOrganisation.id("wu:Resurse umane");
    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    static final UUID MEMBER = DemoAccess.userId("member.cluj");
    static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");

    static final String ALCOOL = "Verificarea conducătorilor auto privind consumul de alcool sau de substanțe psihoactive";
    static final String TESTARE = "Testarea cu aparatul etilotest sau drugtest";
    static final String RECOLTARE = "Conducerea la unitatea medicală pentru recoltarea probelor biologice";

    static final String START = """
            mutation($plan: ID!, $wu: ID!) { startActivityAnalysis(input: {planId: $plan, workUnitId: $wu}) {
              id version analysis { id status edition memberName workUnitName planPurpose } } }""";
    static final String SAVE = """
            mutation($input: SaveActivityAnalysisInput!) { saveActivityAnalysis(input: $input) {
              id version analysis { status edition activities { activityId name
                tasks { taskId name periodicity documents { id name } }
                relations { direction internal partnerOrgUnitId partnerEntryId partnerName nature legalFramework materialMeans { id name } } } } } }""";
    static final String FINALISE = """
            mutation($id: ID!, $v: Int!) { finaliseActivityAnalysis(input: {id: $id, expectedVersion: $v}) {
              id version analysis { status edition finalisedEdition finalisedOn stageDeadline late activities { name }
                selectedActivities { id name } } } }""";

    @Autowired
    JdbcClient jdbc;

    private long events(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate.toString()).query(Long.class).single();
    }

    private static Map<String, Object> content(String periodicityOfSecondTask, String documentId) {
        return Map.of("activityId", DemoNomenclature.activityId(ALCOOL).toString(),
                "tasks", List.of(
                        Map.of("taskId", DemoNomenclature.taskId(ALCOOL, TESTARE).toString(), "periodicity", "DAILY",
                                "documentIds", List.of(documentId)),
                        periodicityOfSecondTask == null
                                ? Map.of("taskId", DemoNomenclature.taskId(ALCOOL, RECOLTARE).toString())
                                : Map.of("taskId", DemoNomenclature.taskId(ALCOOL, RECOLTARE).toString(), "periodicity", periodicityOfSecondTask)),
                "relations", List.of(
                        Map.of("direction", "SENDS_TO", "partnerEntryId",
                                DemoNomenclature.referenceEntryId(ReferenceList.EXTERNAL_PARTNER, "Unitățile sanitare").toString(),
                                "nature", "Solicitarea recoltării probelor biologice",
                                "legalFramework", "O.U.G. nr. 195/2002 privind circulația pe drumurile publice",
                                "materialMeansIds", List.of(DemoNomenclature.referenceEntryId(ReferenceList.MATERIAL_MEANS,
                                        "Aparate etilotest și etilometre").toString())),
                        Map.of("direction", "RECEIVES_FROM", "partnerOrgUnitId", IPJ_IASI.toString(),
                                "nature", "Informări privind conducătorii auto din alte județe")));
    }

    private static String buletin() {
        return DemoNomenclature.documentId(ALCOOL, TESTARE, "Buletin de testare etilotest").toString();
    }

    @Test
    void a_member_starts_saves_and_finalises_the_analysis_of_a_work_unit_assigned_to_them() {
        JsonNode started = data("member.cluj", START, Map.of("plan", PLAN.toString(), "wu", RUTIERA.toString()))
                .at("/startActivityAnalysis");
        UUID id = AnalysisIds.of(PLAN, MEMBER, RUTIERA);
        assertThat(started.at("/id").asString()).isEqualTo(id.toString());
        assertThat(started.at("/analysis/memberName").asString()).isNotBlank();
        assertThat(started.at("/analysis/workUnitName").asString()).isEqualTo("Poliție rutieră");
        assertThat(started.at("/analysis/planPurpose").asString()).isEqualTo("Evaluarea riscurilor de corupție 2026–2027");
        long version = started.at("/version").asLong();

        JsonNode saved = data("member.cluj", SAVE, Map.of("input", Map.of("id", id.toString(), "expectedVersion", version,
                "activities", List.of(content("PER_CASE", buletin()))))).at("/saveActivityAnalysis");
        assertThat(saved.at("/analysis/status").asString()).isEqualTo("DRAFT");
        JsonNode activity = saved.at("/analysis/activities/0");
        assertThat(activity.at("/name").asString()).isEqualTo(ALCOOL);
        assertThat(activity.at("/tasks/0/documents/0/name").asString()).isEqualTo("Buletin de testare etilotest");
        assertThat(activity.at("/tasks/1/periodicity").asString()).isEqualTo("PER_CASE");
        assertThat(activity.at("/relations/0/partnerName").asString()).isEqualTo("Unitățile sanitare");
        assertThat(activity.at("/relations/0/materialMeans/0/name").asString()).isEqualTo("Aparate etilotest și etilometre");
        assertThat(activity.at("/relations/1/internal").asBoolean()).isTrue();
        assertThat(activity.at("/relations/1/partnerName").asString()).isEqualTo("Inspectoratul de Poliție Județean Iași");

        JsonNode finalised = data("member.cluj", FINALISE, Map.of("id", id.toString(), "v", saved.at("/version").asLong()))
                .at("/finaliseActivityAnalysis");
        assertThat(finalised.at("/analysis/status").asString()).isEqualTo("FINALISED");
        assertThat(finalised.at("/analysis/finalisedEdition").asInt()).isEqualTo(finalised.at("/analysis/edition").asInt());
        assertThat(finalised.at("/analysis/stageDeadline").asString()).isEqualTo("2027-01-29");
        assertThat(finalised.at("/analysis/activities/0/name").asString()).isEqualTo(ALCOOL);
        assertThat(finalised.at("/analysis/selectedActivities/0/id").asString())
                .isEqualTo(DemoNomenclature.activityId(ALCOOL).toString());

        // finalised once: again is refused; the head of the structure reads it, the text search finds it folded
        JsonNode again = graphql("member.cluj", FINALISE, Map.of("id", id.toString(), "v", finalised.at("/version").asLong()));
        assertThat(firstError(again).at("/extensions/code").asString()).isEqualTo("ALREADY_FINALISED");
        assertThat(data("head.cluj", "query($id: ID!) { activityAnalysis(id: $id) { status memberId } }", Map.of("id", id.toString()))
                .at("/activityAnalysis/memberId").asString()).isEqualTo(MEMBER.toString());
        JsonNode found = eventually(() -> data("head.cluj",
                        "{ activityAnalyses(filter: {text: \"etilotest recoltarea\", status: FINALISED}) { totalCount edges { node { id } } } }",
                        Map.of()),
                d -> d.at("/activityAnalyses/edges").size() > 0);
        assertThat(found.at("/activityAnalyses/edges/0/node/id").asString()).isEqualTo(id.toString());
        assertThat(found.at("/activityAnalyses/totalCount").asInt()).isEqualTo(found.at("/activityAnalyses/edges").size());
        JsonNode mine = data("member.cluj", "{ myActivityAnalyses { id } }", Map.of());
        assertThat(mine.at("/myActivityAnalyses").findValuesAsString("id")).contains(id.toString(),
                DemoActivityAnalysis.ANALYSIS.toString());

        // another structure's reader is refused; a list naming Cluj too
        JsonNode refused = graphql("head.iasi", "query($id: ID!) { activityAnalysis(id: $id) { id } }", Map.of("id", id.toString()));
        assertThat(firstError(refused).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        JsonNode iasiList = data("head.iasi", "{ activityAnalyses(first: 500) { edges { node { id } } } }", Map.of());
        assertThat(iasiList.at("/activityAnalyses/edges").findValuesAsString("id")).doesNotContain(id.toString());
    }

    /** Every page of IPJ Cluj's analyses under the plan, {@code first} at a time: the ids in order. */
    private List<String> pages(int first, int expectedTotal) {
        String query = "query($o: ID!, $p: ID, $first: Int, $after: String) { activityAnalyses(filter: {orgUnitId: $o, planId: $p}, "
                + "first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        return pageThrough("head.cluj", query, "activityAnalyses", Map.of("o", IPJ_CLUJ.toString(), "p", PLAN.toString()),
                first, expectedTotal);
    }

    @Test
    void the_analyses_are_paged_with_cursors_nothing_lost_or_repeated() {
        // the demo analysis (Ordine publică) and two more: member.cluj's Resurse umane, head.cluj's Logistică
        data("member.cluj", START, Map.of("plan", PLAN.toString(), "wu", RESURSE.toString()));
        data("head.cluj", START, Map.of("plan", PLAN.toString(), "wu", LOGISTICA.toString()));
        String listQuery = "query($o: ID!, $p: ID) { activityAnalyses(filter: {orgUnitId: $o, planId: $p}, first: 500) "
                + "{ totalCount edges { node { id } } pageInfo { hasNextPage } } }";
        Map<String, Object> vars = Map.of("o", IPJ_CLUJ.toString(), "p", PLAN.toString());
        JsonNode all = eventually(() -> data("head.cluj", listQuery, vars),
                d -> d.at("/activityAnalyses/edges").size() >= 3).get("activityAnalyses");
        List<String> expected = all.get("edges").findValuesAsString("id");
        assertThat(expected).contains(DemoActivityAnalysis.ANALYSIS.toString(), AnalysisIds.of(PLAN, MEMBER, RESURSE).toString(),
                AnalysisIds.of(PLAN, DemoAccess.userId("head.cluj"), LOGISTICA).toString());
        assertThat(all.get("totalCount").asInt()).isEqualTo(expected.size());
        assertThat(all.at("/pageInfo/hasNextPage").asBoolean()).isFalse();

        for (int first : List.of(1, 2)) {
            assertThat(pages(first, expected.size())).as("first: " + first).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
        }

        JsonNode bad = graphql("head.cluj", "{ activityAnalyses(after: \"bm90IGEgY3Vyc29y\") { totalCount } }", Map.of());
        assertThat(firstError(bad).at("/extensions/code").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(firstError(bad).at("/extensions/field").asString()).isEqualTo("after");
        JsonNode tooLarge = graphql("head.cluj", "{ activityAnalyses(first: 0) { totalCount } }", Map.of());
        assertThat(firstError(tooLarge).at("/extensions/code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(firstError(tooLarge).at("/extensions/field").asString()).isEqualTo("first");
    }

    @Test
    void the_demo_analysis_is_finalised() {
        JsonNode demo = data("member.cluj", "query($id: ID!) { activityAnalysis(id: $id) { status workUnitName activities { name } } }",
                Map.of("id", DemoActivityAnalysis.ANALYSIS.toString())).at("/activityAnalysis");
        assertThat(demo.at("/status").asString()).isEqualTo("FINALISED");
        assertThat(demo.at("/workUnitName").asString()).isEqualTo("Ordine publică");
        assertThat(demo.at("/activities").size()).isEqualTo(2);
    }

    @Test
    void a_work_unit_the_plan_does_not_assign_the_member_is_refused_naming_it_and_nothing_is_appended() {
        UUID id = AnalysisIds.of(PLAN, MEMBER, LOGISTICA);
        JsonNode refused = graphql("member.cluj", START, Map.of("plan", PLAN.toString(), "wu", LOGISTICA.toString()));
        JsonNode error = firstError(refused);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.at("/extensions/field").asString()).isEqualTo("workUnitId");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("WORK_UNIT_NOT_ASSIGNED");
        assertThat(events(id)).isZero();

        JsonNode iasi = graphql("member.iasi", START, Map.of("plan", PLAN.toString(), "wu", RUTIERA.toString()));
        assertThat(firstError(iasi).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(events(AnalysisIds.of(PLAN, DemoAccess.userId("member.iasi"), RUTIERA))).isZero();
    }

    @Test
    void bad_nested_input_is_refused_naming_the_nested_field_and_nothing_is_appended() {
        UUID wu = DemoOrganisation.id("wu:Resurse umane");
        JsonNode started = data("member.cluj", START, Map.of("plan", PLAN.toString(), "wu", wu.toString()))
                .at("/startActivityAnalysis");
        UUID id = UUID.fromString(started.at("/id").asString());
        long version = started.at("/version").asLong();
        long before = events(id);

        // the activity is not one of Resurse umane's
        JsonNode wrongUnit = graphql("member.cluj", SAVE, Map.of("input", Map.of("id", id.toString(), "expectedVersion", version,
                "activities", List.of(content("PER_CASE", buletin())))));
        assertThat(firstError(wrongUnit).at("/extensions/field").asString()).isEqualTo("activities[0].activityId");
        assertThat(firstError(wrongUnit).at("/extensions/code").asString()).isEqualTo("NOT_IN_WORK_UNIT");

        // on a work unit that has the activity: a task without periodicity, a malformed document id
        JsonNode start2 = data("member.cluj", START, Map.of("plan", PLAN.toString(), "wu", RUTIERA.toString()))
                .at("/startActivityAnalysis");
        UUID id2 = UUID.fromString(start2.at("/id").asString());
        long before2 = events(id2);
        JsonNode noPeriodicity = graphql("member.cluj", SAVE, Map.of("input", Map.of("id", id2.toString(),
                "expectedVersion", start2.at("/version").asLong(), "activities", List.of(content(null, buletin())))));
        assertThat(firstError(noPeriodicity).at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(noPeriodicity).at("/extensions/field").asString()).isEqualTo("activities[0].tasks[1].periodicity");
        JsonNode malformed = graphql("member.cluj", SAVE, Map.of("input", Map.of("id", id2.toString(),
                "expectedVersion", start2.at("/version").asLong(), "activities", List.of(content("DAILY", "not-an-id")))));
        assertThat(firstError(malformed).at("/extensions/field").asString()).isEqualTo("activities[0].tasks[0].documentIds[0]");
        assertThat(firstError(malformed).at("/extensions/code").asString()).isEqualTo("MALFORMED_ID");

        // another member may not save it
        JsonNode notTheirs = graphql("head.cluj", SAVE, Map.of("input", Map.of("id", id2.toString(),
                "expectedVersion", start2.at("/version").asLong(), "activities", List.of())));
        assertThat(firstError(notTheirs).at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");

        assertThat(events(id)).isEqualTo(before);
        assertThat(events(id2)).isEqualTo(before2);
    }
}
