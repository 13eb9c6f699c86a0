package ro.marc.api.register;

import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.access.Role;
import ro.marc.events.nomenclature.ReferenceList;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A structure of its own for the register's tests (created with commands, as CampaignWalkTest's, so the demo register
 * and the other tests sharing the context are left alone): a head, an integrity counsellor, two members and a risk
 * owner; an active plan whose evaluation stage ended a month ago (the measures stage has begun, so deadlines may lie in
 * the past: an overdue measure), both members assigned Poliție rutieră, the first also Ordine publică (left without an
 * assessment: missing); each member's finalised Anexa 3 and Anexa 4 of the same risk, so the register merges them (A402).
 */
abstract class RegisterTestSupport extends ApiTestSupport {

    static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    static final String ORDINE = DemoOrganisation.id("wu:Ordine publică").toString();
    static final String RUTIERA = DemoOrganisation.id("wu:Poliție rutieră").toString();
    static final String RESURSE = DemoOrganisation.id("wu:Resurse umane").toString();
    static final String ALCOOL = "Verificarea conducătorilor auto privind consumul de alcool sau de substanțe psihoactive";
    static final String TESTARE = "Testarea cu aparatul etilotest sau drugtest";
    static final String RISK = "Înlocuirea sau compromiterea probelor biologice recoltate";

    /** One assessment's measures: a repeating existing one (NUMERIC), a one-off additional one (DONE_NOT_DONE), a qualitative one. */
    record Assessment(String id, String member, String existingMeasure, String numericIndicator, String oneOffMeasure,
                      String doneIndicator, String qualitativeMeasure, String qualitativeIndicator) {
    }

    record Fixture(String orgUnitId, String orgUnitName, String planId, LocalDate start, LocalDate evaluation,
                   String head, String headName, String counsellor, String member, String memberName, String member2,
                   String member2Name, String owner, String ownerName, Assessment first, Assessment second) {

        LocalDate measuresStageStart() {
            return evaluation.plusDays(1);
        }

        LocalDate lastDay() {
            return start.plusYears(1).minusDays(1);
        }
    }

    Fixture newFixture() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Inspectoratul registrului " + suffix;
        String unit = createStructure(name, List.of(ORDINE, RUTIERA, RESURSE));
        String headName = "Șef Registru Ștefănescu " + suffix;
        String counsellorName = "Consilier Integritate Mureșan " + suffix;
        String memberName = "Membru Țăranu " + suffix;
        String member2Name = "Membru Ionașcu " + suffix;
        String ownerName = "Proprietar Risc Dobrescu " + suffix;
        UUID head = registerAccount("rh-" + suffix, headName, Role.WORKING_GROUP_HEAD, unit);
        UUID counsellor = registerAccount("rc-" + suffix, counsellorName, Role.INTEGRITY_COUNSELLOR, unit);
        UUID member = registerAccount("rm-" + suffix, memberName, Role.WORKING_GROUP_MEMBER, unit);
        UUID member2 = registerAccount("rn-" + suffix, member2Name, Role.WORKING_GROUP_MEMBER, unit);
        registerAccount("ro-" + suffix, ownerName, Role.RISK_OWNER, unit);
        String group = data("admin", "mutation($u: ID!, $n: String!) { defineWorkingGroup(input: {orgUnitId: $u, name: $n}) { id } }",
                Map.of("u", unit, "n", "Grupul registrului " + suffix)).at("/defineWorkingGroup/id").asString();
        long version = 1;
        for (UUID user : List.of(head, member, member2)) {
            version = data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { addWorkingGroupMember(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                    Map.of("g", group, "u", user.toString(), "v", version)).at("/addWorkingGroupMember/version").asLong();
        }
        data("admin", "mutation($g: ID!, $u: ID!, $v: Int!) { appointWorkingGroupLeader(input: {workingGroupId: $g, userId: $u, expectedVersion: $v}) { version } }",
                Map.of("g", group, "u", head.toString(), "v", version));

        LocalDate today = LocalDate.now(BUCHAREST);
        LocalDate start = today.minusDays(100);
        LocalDate identification = today.minusDays(70);
        LocalDate evaluation = today.minusDays(30);
        LocalDate measures = today.plusDays(60);
        String head_ = "rh-" + suffix;
        String planId = data(head_, "mutation($i: DraftPlanInput!) { draftPlan(input: $i) { id } }", Map.of("i", Map.of(
                "orgUnitId", unit, "purpose", "Registrul riscurilor " + suffix,
                "members", List.of(planMember(member, ORDINE, RUTIERA))))).at("/draftPlan/id").asString();
        data(head_, "mutation($i: EditPlanInput!) { editPlan(input: $i) { id } }", Map.of("i", Map.of("id", planId,
                "startDate", start.toString(), "purpose", "Registrul riscurilor " + suffix,
                "members", List.of(planMember(member, ORDINE, RUTIERA), planMember(member2, RUTIERA), planMember(head, RESURSE)),
                "deadlines", Map.of("identification", identification.toString(), "evaluation", evaluation.toString(),
                        "measures", measures.toString()), "expectedVersion", 1)));
        data(head_, "mutation($i: PlanVersionInput!) { activatePlan(input: $i) { id } }",
                Map.of("i", Map.of("id", planId, "expectedVersion", 2)));

        Assessment first = assessment("rm-" + suffix, planId, 4);
        Assessment second = assessment("rn-" + suffix, planId, 5);
        return new Fixture(unit, name, planId, start, evaluation, head_, headName, "rc-" + suffix, "rm-" + suffix, memberName,
                "rn-" + suffix, member2Name, "ro-" + suffix, ownerName, first, second);
    }

    /** The member's finalised Anexa 3 of Poliție rutieră selecting the alcohol checks, and their finalised Anexa 4 of {@link #RISK}. */
    private Assessment assessment(String member, String planId, int probability) {
        String activityId = DemoNomenclature.activityId(ALCOOL).toString();
        JsonNode started = data(member, "mutation($p: ID!, $w: ID!) { startActivityAnalysis(input: {planId: $p, workUnitId: $w}) { id version } }",
                Map.of("p", planId, "w", RUTIERA)).get("startActivityAnalysis");
        long v = data(member, "mutation($i: SaveActivityAnalysisInput!) { saveActivityAnalysis(input: $i) { version } }",
                Map.of("i", Map.of("id", started.at("/id").asString(), "expectedVersion", started.at("/version").asLong(),
                        "activities", List.of(Map.of("activityId", activityId, "tasks", List.of(Map.of(
                                "taskId", DemoNomenclature.taskId(ALCOOL, TESTARE).toString(), "periodicity", "DAILY")))))))
                .at("/saveActivityAnalysis/version").asLong();
        data(member, "mutation($id: ID!, $v: Int!) { finaliseActivityAnalysis(input: {id: $id, expectedVersion: $v}) { id } }",
                Map.of("id", started.at("/id").asString(), "v", v));

        String id = UUID.randomUUID().toString();
        v = data(member, "mutation($i: StartRiskAssessmentInput!) { startRiskAssessment(input: $i) { version } }",
                Map.of("i", Map.of("id", id, "planId", planId, "workUnitId", RUTIERA, "activityId", activityId,
                        "riskId", DemoNomenclature.riskId(ALCOOL, RISK).toString()))).at("/startRiskAssessment/version").asLong();
        Assessment a = new Assessment(id, member, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Map<String, Object>> measures = List.of(
                Map.of("measureId", a.existingMeasure(), "kind", "EXISTING", "description", "Verificarea metrologică a aparatelor",
                        "criteria", Map.of("addressesRisk", true, "documented", true, "communicated", true, "appliedConsistently", true),
                        "indicators", List.of(Map.of("indicatorId", a.numericIndicator(), "name", "Aparate verificate", "kind", "NUMERIC"))),
                Map.of("measureId", a.oneOffMeasure(), "kind", "ADDITIONAL", "description", "Sigilarea probelor la recoltare",
                        "responsible", "Șeful Serviciului Rutier",
                        "indicators", List.of(Map.of("indicatorId", a.doneIndicator(), "name", "Sigilarea introdusă", "kind", "DONE_NOT_DONE"))),
                Map.of("measureId", a.qualitativeMeasure(), "kind", "ADDITIONAL", "description", "Rotirea lunară a echipajelor",
                        "responsible", "Șeful Serviciului Rutier",
                        "indicators", List.of(Map.of("indicatorId", a.qualitativeIndicator(), "name", "Calitatea rotirii", "kind", "QUALITATIVE",
                                "allowedValues", List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
        Map<String, Object> description = Map.of(
                "exposedPersonnel", List.of("Agenți de poliție rutieră"),
                "controlWeaknesses", List.of("Aparatele nu păstrează jurnalul testărilor"),
                "threatSources", List.of("Conducători auto care oferă foloase"),
                "cultureParticularities", List.of("Echipaje formate mereu din aceleași persoane"),
                "effectIds", List.of(DemoNomenclature.referenceEntryId(ReferenceList.EFFECT,
                        "Afectarea siguranței rutiere și a ordinii publice").toString()));
        v = data(member, "mutation($i: SaveRiskAssessmentDraftInput!) { saveRiskAssessmentDraft(input: $i) { version } }",
                Map.of("i", Map.of("id", id, "description", description, "measures", measures, "expectedVersion", v)))
                .at("/saveRiskAssessmentDraft/version").asLong();
        JsonNode dimensions = data(member, "{ referenceEntries(list: IMPACT_DIMENSION) { id } }", Map.of()).get("referenceEntries");
        v = data(member, "mutation($i: EvaluateRiskInput!) { evaluateRisk(input: $i) { version } }", Map.of("i", Map.of("id", id,
                "probability", probability, "impacts", impacts(dimensions), "expectedVersion", v))).at("/evaluateRisk/version").asLong();
        data(member, "mutation($i: RiskAssessmentVersionInput!) { finaliseRiskAssessment(input: $i) { id } }",
                Map.of("i", Map.of("id", id, "expectedVersion", v)));
        return a;
    }

    /** 33 × 3 + 33 × 4 + 34 × 2 = 2.99: P 4 → 11.96, P 5 → 14.95 (both moderate, priority 2). */
    static List<Map<String, Object>> impacts(JsonNode dimensions) {
        List<Map<String, Object>> impacts = new ArrayList<>();
        int[][] scores = {{33, 3}, {33, 4}, {34, 2}};
        for (int i = 0; i < 3; i++) {
            impacts.add(Map.of("dimensionId", dimensions.get(i).at("/id").asString(), "importance", scores[i][0], "score", scores[i][1]));
        }
        return impacts;
    }


    private static Map<String, Object> planMember(UUID userId, String... workUnits) {
        return Map.of("userId", userId.toString(), "workUnitIds", List.of(workUnits), "questionnaireRequired", false);
    }
}
