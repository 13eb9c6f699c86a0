package ro.marc.api.assessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.nomenclature.ReferenceList;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk assessment (Anexa 4) over GraphQL with real tokens, on the demo data: IPJ Cluj's active plan assigns
 * member.cluj Ordine publică, Poliție rutieră and Resurse umane, and member.cluj's finalised Anexa 3 of Ordine publică
 * selects "Constatarea și sancționarea contravențiilor" and the firearms permits. Every refusal of the "Bad
 * input" names its field and code and appends nothing; drafts are partial, idempotent and report their sections;
 * evaluations are kept as a history; finalised assessments are edited through a new edition; reads and lists are
 * confined to the caller's reach.
 */
class AssessmentApiTest extends ApiTestSupport {

    static final UUID PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");
    static final UUID PLAN_IASI = DemoOrganisation.id("plan:IPJ Iași 2027");
    static final UUID ORDINE = DemoOrganisation.id("wu:Ordine publică");
    static final UUID LOGISTICA = DemoOrganisation.id("wu:Logistică");
    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");

    static final String CONTRAVENTII = "Constatarea și sancționarea contravențiilor";
    /** member.cluj's proposal, rejected: not selectable. */
    static final String MITA = "Luarea de mită de către polițiști";
    static final String INCADRARE = "Încadrarea faptei într-o contravenție mai ușoară decât cea săvârșită";
    static final String AVERTISMENT = "Aplicarea avertismentului în locul amenzii, în schimbul unor foloase necuvenite";
    static final String ARME = "Eliberarea permiselor de armă și autorizarea deținerii armelor";
    static final String ARME_RISK = "Divulgarea către terți a datelor privind deținătorii de arme";
    /** An activity of Ordine publică member.cluj did not select in their Anexa 3. */
    static final String ADUNARI = "Asigurarea ordinii publice la adunări publice și competiții sportive";
    static final String ADUNARI_RISK = "Permiterea accesului unor persoane cu interdicție, în schimbul unor foloase necuvenite";

    /** A valid CNP (as IncidentApiTest's). */
    static final String CNP = "1800101123450";

    static final String FIELDS = """
            id status active edition finalisedEdition version memberId memberName riskName activityName workUnitName
            description { exposedPersonnel controlWeaknesses threatSources cultureParticularities effects { id name } regulatoryCauses { id name } }
            evaluation { probability globalImpact exposure priority riskClass interventionTerm methodologyVersion
                         impacts { dimensionId dimensionName importance score } }
            measures { measureId kind description responsible criteria { addressesRisk documented communicated appliedConsistently }
                       effectiveness { criteriaMet level label methodologyVersion } indicators { indicatorId name kind allowedValues } }
            sections { section status reasons { field code message } } complete
            probabilityConstraint { lowestAllowed allowedScores where reason sameStructureCount otherStructuresCount }""";
    static final String START = "mutation($i: StartRiskAssessmentInput!) { startRiskAssessment(input: $i) { id version assessment { "
            + FIELDS + " } } }";
    static final String SAVE = "mutation($i: SaveRiskAssessmentDraftInput!) { saveRiskAssessmentDraft(input: $i) { id version assessment { "
            + FIELDS + " } } }";
    static final String EVALUATE = "mutation($i: EvaluateRiskInput!) { evaluateRisk(input: $i) { id version assessment { "
            + FIELDS + " history { edition lowestAllowedProbability byUserId at evaluation { probability exposure riskClass priority } } } } }";
    static final String VERSIONED = "mutation($i: RiskAssessmentVersionInput!) { %s(input: $i) { id version assessment { " + FIELDS + " } } }";
    static final String READ = "query($id: ID!) { riskAssessment(id: $id) { " + FIELDS + " } }";

    @Autowired
    JdbcClient jdbc;

    private long events(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregate.toString()).query(Long.class).single();
    }

    static Map<String, Object> start(UUID id, UUID plan, UUID workUnit, String activity, String risk) {
        return Map.of("i", Map.of("id", id.toString(), "planId", plan.toString(), "workUnitId", workUnit.toString(),
                "activityId", DemoNomenclature.activityId(activity).toString(),
                "riskId", DemoNomenclature.riskId(activity, risk).toString()));
    }

    /** member.cluj's new assessment of a risk of the contraventions activity: its id and version. */
    private JsonNode started(String risk) {
        return data("member.cluj", START, start(UUID.randomUUID(), PLAN, ORDINE, CONTRAVENTII, risk)).get("startRiskAssessment");
    }

    private static String effect(String name) {
        return DemoNomenclature.referenceEntryId(ReferenceList.EFFECT, name).toString();
    }

    /** The first {@code n} active impact dimensions, as the reference list has them. */
    private List<String> dimensions(int n) {
        JsonNode entries = data("member.cluj", "{ referenceEntries(list: IMPACT_DIMENSION) { id name } }", Map.of())
                .get("referenceEntries");
        assertThat(entries.size()).isGreaterThanOrEqualTo(n);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(entries.get(i).at("/id").asString());
        }
        return ids;
    }

    static Map<String, Object> description(String word) {
        return Map.of("exposedPersonnel", List.of("Agenți de poliție rutieră", "  "),
                "controlWeaknesses", List.of("Controale ierarhice rare în teren"),
                "threatSources", List.of("Contravenienți care oferă foloase " + word),
                "cultureParticularities", List.of("Toleranța față de micile atenții"),
                "effectIds", List.of(effect("Afectarea imaginii și credibilității instituției")));
    }

    static Map<String, Object> existingMeasure(String measureId, String indicatorId) {
        return Map.of("measureId", measureId, "kind", "EXISTING", "description", "Verificarea lunară a chitanțierelor",
                "criteria", Map.of("addressesRisk", true, "documented", true, "communicated", false, "appliedConsistently", true),
                "indicators", List.of(Map.of("indicatorId", indicatorId, "name", "Chitanțiere verificate", "kind", "NUMERIC")));
    }

    static Map<String, Object> additionalMeasure(String measureId, String indicatorId) {
        return Map.of("measureId", measureId, "kind", "ADDITIONAL", "description", "Camere video portabile la fiecare echipaj",
                "responsible", "Șeful serviciului rutier",
                "indicators", List.of(Map.of("indicatorId", indicatorId, "name", "Evaluarea utilizării", "kind", "QUALITATIVE",
                        "allowedValues", List.of("Slab", "Satisfăcător", "Bine", "Foarte bine"))));
    }

    private JsonNode save(String user, String id, long version, Object description, Object measures) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "expectedVersion", version));
        if (description != null) {
            input.put("description", description);
        }
        if (measures != null) {
            input.put("measures", measures);
        }
        return graphql(user, SAVE, Map.of("i", input));
    }

    private JsonNode evaluate(String user, String id, long version, int probability, List<Map<String, Object>> impacts) {
        return graphql(user, EVALUATE, Map.of("i", Map.of("id", id, "expectedVersion", version, "probability", probability,
                "impacts", impacts)));
    }

    private static Map<String, Object> impact(String dimensionId, int importance, int score) {
        return Map.of("dimensionId", dimensionId, "importance", importance, "score", score);
    }

    private JsonNode versioned(String user, String mutation, String id, long version) {
        return graphql(user, VERSIONED.formatted(mutation), Map.of("i", Map.of("id", id, "expectedVersion", version)));
    }

    private static void assertRefused(JsonNode response, String classification, String code, String field) {
        JsonNode error = firstError(response);
        assertThat(error.at("/extensions/classification").asString()).as(response.toString()).isEqualTo(classification);
        if (code != null) {
            assertThat(error.at("/extensions/code").asString()).as(response.toString()).isEqualTo(code);
        }
        if (field != null) {
            assertThat(error.at("/extensions/field").asString()).as(response.toString()).isEqualTo(field);
        }
    }

    // ==================================================================== start

    @Test
    void a_start_outside_the_member_s_plan_work_units_and_anexa_3_is_refused_naming_the_field_and_nothing_is_appended() {
        UUID notAnalysed = UUID.randomUUID();
        assertRefused(graphql("member.cluj", START, start(notAnalysed, PLAN, ORDINE, ADUNARI, ADUNARI_RISK)),
                "BAD_REQUEST", "ACTIVITY_NOT_ANALYSED", "activityId");
        UUID otherActivity = UUID.randomUUID();
        Map<String, Object> mixed = Map.of("i", Map.of("id", otherActivity.toString(), "planId", PLAN.toString(),
                "workUnitId", ORDINE.toString(), "activityId", DemoNomenclature.activityId(CONTRAVENTII).toString(),
                "riskId", DemoNomenclature.riskId(ARME, ARME_RISK).toString()));
        assertRefused(graphql("member.cluj", START, mixed), "BAD_REQUEST", "RISK_NOT_OF_ACTIVITY", "riskId");
        UUID rejected = UUID.randomUUID();
        assertRefused(graphql("member.cluj", START, start(rejected, PLAN, ORDINE, CONTRAVENTII, MITA)),
                "BAD_REQUEST", "NOT_SELECTABLE", "riskId");
        UUID notAssigned = UUID.randomUUID();
        assertRefused(graphql("member.cluj", START, start(notAssigned, PLAN, LOGISTICA, CONTRAVENTII, INCADRARE)),
                "FORBIDDEN", "WORK_UNIT_NOT_ASSIGNED", "workUnitId");
        // IPJ Iași's plan is a draft: no active plan
        UUID noActivePlan = UUID.randomUUID();
        JsonNode iasi = graphql("member.iasi", START, start(noActivePlan, PLAN_IASI, ORDINE, CONTRAVENTII, INCADRARE));
        assertThat(firstError(iasi).at("/extensions/code").asString()).as(iasi.toString()).isIn("NO_ACTIVE_PLAN", "PLAN_NOT_ACTIVE");
        assertThat(firstError(iasi).at("/extensions/field").asString()).isEqualTo("planId");
        // another structure's plan, and a risk owner (no ASSESSMENT_WRITE): refused before any command
        UUID otherStructure = UUID.randomUUID();
        assertRefused(graphql("member.iasi", START, start(otherStructure, PLAN, ORDINE, CONTRAVENTII, INCADRARE)), "FORBIDDEN", null, null);
        UUID owner = UUID.randomUUID();
        assertRefused(graphql("owner.cluj", START, start(owner, PLAN, ORDINE, CONTRAVENTII, INCADRARE)), "FORBIDDEN", null, null);
        for (UUID id : List.of(notAnalysed, otherActivity, rejected, notAssigned, noActivePlan, otherStructure, owner)) {
            assertThat(events(id)).as("events of " + id).isZero();
        }
    }

    @Test
    void what_a_member_may_assess_follows_the_plan_and_their_anexa_3() {
        String query = "query($p: ID!, $w: ID) { assessableRisks(planId: $p, workUnitId: $w) { workUnitId workUnitName "
                + "activities { activityId name risks { riskId name status } } } }";
        JsonNode ordine = data("member.cluj", query, Map.of("p", PLAN.toString(), "w", ORDINE.toString())).get("assessableRisks");
        assertThat(ordine.size()).isEqualTo(1);
        assertThat(ordine.at("/0/workUnitName").asString()).isEqualTo("Ordine publică");
        assertThat(ordine.at("/0/activities").findValuesAsString("name")).contains(CONTRAVENTII, ARME).doesNotContain(ADUNARI);
        JsonNode contraventii = null;
        for (JsonNode activity : ordine.at("/0/activities")) {
            if (activity.at("/name").asString().equals(CONTRAVENTII)) {
                contraventii = activity;
            }
        }
        assertThat(contraventii).isNotNull();
        assertThat(contraventii.at("/risks").findValuesAsString("name")).contains(INCADRARE, AVERTISMENT).doesNotContain(MITA);
        assertThat(contraventii.at("/risks").findValuesAsString("status")).isSubsetOf("APPROVED", "PROPOSED");
        // every work unit the plan assigns them; Logistică is head.cluj's
        JsonNode all = data("member.cluj", query, Map.of("p", PLAN.toString())).get("assessableRisks");
        assertThat(all.findValuesAsString("workUnitName")).contains("Ordine publică").doesNotContain("Logistică");
        assertThat(data("member.cluj", query, Map.of("p", PLAN.toString(), "w", LOGISTICA.toString())).get("assessableRisks"))
                .isEmpty();
        assertRefused(graphql("member.iasi", query, Map.of("p", PLAN.toString())), "FORBIDDEN", null, null);
    }

    // ==================================================================== the draft

    @Test
    void a_draft_is_saved_partially_and_idempotently_with_its_sections_reported_and_bad_content_is_refused() {
        JsonNode started = started(INCADRARE);
        String id = started.at("/id").asString();
        UUID uuid = UUID.fromString(id);
        assertThat(started.at("/assessment/status").asString()).isEqualTo("DRAFT");
        assertThat(started.at("/assessment/riskName").asString()).isEqualTo(INCADRARE);
        assertThat(started.at("/assessment/activityName").asString()).isEqualTo(CONTRAVENTII);
        assertThat(started.at("/assessment/complete").asBoolean()).isFalse();
        long version = started.at("/version").asLong();

        // partial: one list (a blank entry dropped), nothing else
        JsonNode partial = data("member.cluj", SAVE, Map.of("i", Map.of("id", id, "expectedVersion", version,
                "description", Map.of("exposedPersonnel", List.of("Agenți de poliție", " ")))))
                .get("saveRiskAssessmentDraft");
        JsonNode assessment = partial.get("assessment");
        assertThat(assessment.at("/description/exposedPersonnel").size()).isEqualTo(1);
        assertThat(assessment.at("/description/exposedPersonnel/0").asString()).isEqualTo("Agenți de poliție");
        assertThat(assessment.at("/sections/0/section").asString()).isEqualTo("DESCRIPTION");
        assertThat(assessment.at("/sections/0/status").asString()).isEqualTo("INCOMPLETE");
        assertThat(assessment.at("/sections/0/reasons").findValuesAsString("field"))
                .contains("description.controlWeaknesses", "description.effectIds").doesNotContain("description.exposedPersonnel");
        assertThat(assessment.at("/sections/1/status").asString()).isEqualTo("INCOMPLETE"); // not scored yet
        long partialVersion = partial.at("/version").asLong();
        assertThat(partialVersion).isGreaterThan(version);

        // the whole description and two measures; then the same again: nothing appended, the same version
        List<Object> measures = List.of(existingMeasure(UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                additionalMeasure(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        JsonNode whole = save("member.cluj", id, partialVersion, description("mită"), measures);
        JsonNode saved = whole.at("/data/saveRiskAssessmentDraft");
        assertThat(saved.isMissingNode() || saved.isNull()).as(whole.toString()).isFalse();
        assertThat(saved.at("/assessment/description/effects/0/name").asString()).isEqualTo("Afectarea imaginii și credibilității instituției");
        assertThat(saved.at("/assessment/sections/0/status").asString()).isEqualTo("COMPLETE");
        assertThat(saved.at("/assessment/measures/0/effectiveness/criteriaMet").asInt()).isEqualTo(3);
        assertThat(saved.at("/assessment/measures/0/effectiveness/level").asString()).isEqualTo("PARTIALLY_EFFECTIVE");
        assertThat(saved.at("/assessment/measures/1/responsible").asString()).isEqualTo("Șeful serviciului rutier");
        assertThat(saved.at("/assessment/measures/1/indicators/0/allowedValues").size()).isEqualTo(4);
        long savedVersion = saved.at("/version").asLong();
        long eventsAfterSave = events(uuid);
        JsonNode again = save("member.cluj", id, savedVersion, description("mită"), measures).at("/data/saveRiskAssessmentDraft");
        assertThat(again.at("/version").asLong()).isEqualTo(savedVersion);
        assertThat(events(uuid)).as("the same content appends nothing").isEqualTo(eventsAfterSave);

        // bad content: named by field, nothing appended
        Map<String, Object> withCnp = new HashMap<>(description("mită"));
        withCnp.put("threatSources", List.of("Contravenientul cu CNP " + CNP));
        assertRefused(save("member.cluj", id, savedVersion, withCnp, measures), "BAD_REQUEST", "PERSONAL_DATA",
                "description.threatSources[0]");
        Map<String, Object> wrongList = new HashMap<>(description("mită"));
        wrongList.put("effectIds", List.of(DemoNomenclature.referenceEntryId(ReferenceList.MATERIAL_MEANS,
                "Aparate radar (cinemometre)").toString()));
        assertRefused(save("member.cluj", id, savedVersion, wrongList, measures), "BAD_REQUEST", "WRONG_LIST",
                "description.effectIds[0]");
        assertRefused(save("member.cluj", id, savedVersion, description("mită"),
                        List.of(existingMeasure("not-an-id", UUID.randomUUID().toString()))),
                "BAD_REQUEST", "MALFORMED_ID", "measures[0].measureId");
        Map<String, Object> additionalWithCriteria = new HashMap<>(additionalMeasure(UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
        additionalWithCriteria.put("criteria", Map.of("addressesRisk", true));
        JsonNode criteria = save("member.cluj", id, savedVersion, description("mită"), List.of(additionalWithCriteria));
        assertThat(firstError(criteria).at("/extensions/field").asString()).as(criteria.toString()).isEqualTo("measures[0].criteria");
        String duplicate = UUID.randomUUID().toString();
        JsonNode twice = save("member.cluj", id, savedVersion, description("mită"),
                List.of(existingMeasure(duplicate, UUID.randomUUID().toString()), additionalMeasure(duplicate, UUID.randomUUID().toString())));
        assertRefused(twice, "BAD_REQUEST", "DUPLICATE", "measures[1].measureId");
        // another member may not save it (the command's NOT_YOURS), a stale version is a conflict
        assertRefused(save("head.cluj", id, savedVersion, description("mită"), measures), "FORBIDDEN", "NOT_YOURS", null);
        assertRefused(save("member.cluj", id, savedVersion - 1, description("altceva"), measures), "CONFLICT", "STALE_VERSION", null);
        assertThat(events(uuid)).isEqualTo(eventsAfterSave);
    }

    // ==================================================================== the evaluation

    @Test
    void evaluations_are_computed_exactly_kept_as_history_and_bad_scores_are_refused_naming_the_field() {
        JsonNode started = started(AVERTISMENT);
        String id = started.at("/id").asString();
        UUID uuid = UUID.fromString(id);
        long version = started.at("/version").asLong();
        List<String> d = dimensions(3);
        String effectAsDimension = effect("Afectarea imaginii și credibilității instituției");

        assertRefused(evaluate("member.cluj", id, version, 6, List.of(impact(d.get(0), 100, 3))),
                "BAD_REQUEST", "SCORE_OUT_OF_RANGE", "probability");
        assertRefused(evaluate("member.cluj", id, version, 0, List.of(impact(d.get(0), 100, 3))),
                "BAD_REQUEST", "SCORE_OUT_OF_RANGE", "probability");
        assertRefused(evaluate("member.cluj", id, version, 5, List.of(impact(d.get(0), 50, 3), impact(d.get(1), 40, 3))),
                "BAD_REQUEST", "IMPORTANCES_NOT_100", "impacts");
        assertRefused(evaluate("member.cluj", id, version, 5, List.of(impact(effectAsDimension, 100, 3))),
                "BAD_REQUEST", "WRONG_LIST", "impacts[0].dimensionId");
        assertRefused(evaluate("member.cluj", id, version, 5, List.of(impact(d.get(0), 50, 3), impact(d.get(0), 50, 3))),
                "BAD_REQUEST", "DUPLICATE", "impacts[1].dimensionId");
        assertRefused(evaluate("member.cluj", id, version, 5, List.of(impact(d.get(0), 0, 3), impact(d.get(1), 100, 3))),
                "BAD_REQUEST", "IMPORTANCE_OUT_OF_RANGE", "impacts[0].importance");
        assertRefused(evaluate("member.cluj", id, version, 5, List.of(impact(d.get(0), 100, 6))),
                "BAD_REQUEST", "SCORE_OUT_OF_RANGE", "impacts[0].score");
        assertRefused(graphql("member.cluj", EVALUATE, Map.of("i", Map.of("id", id, "expectedVersion", version, "probability", 5,
                "impacts", List.of(Map.of("dimensionId", d.get(0), "importance", 100))))), "BAD_REQUEST", "REQUIRED", "impacts[0].score");
        // a risk owner may not score (no ASSESSMENT_WRITE), nor another member of the structure (NOT_YOURS)
        assertRefused(evaluate("owner.cluj", id, version, 5, List.of(impact(d.get(0), 100, 5))), "FORBIDDEN", null, null);
        assertRefused(evaluate("head.cluj", id, version, 5, List.of(impact(d.get(0), 100, 5))), "FORBIDDEN", "NOT_YOURS", null);
        assertThat(events(uuid)).as("nothing appended by the refusals").isEqualTo(1);

        // 33/33/34 with scores 5, 5, 5 under P 5: global impact 5.00, exposure 25.00, high (priority 1)
        JsonNode high = evaluate("member.cluj", id, version, 5,
                List.of(impact(d.get(0), 33, 5), impact(d.get(1), 33, 5), impact(d.get(2), 34, 5))).at("/data/evaluateRisk");
        assertThat(high.at("/assessment/evaluation/globalImpact").asString()).as(high.toString()).isEqualTo("5.00");
        assertThat(high.at("/assessment/evaluation/exposure").asString()).isEqualTo("25.00");
        assertThat(high.at("/assessment/evaluation/priority").asInt()).isEqualTo(1);
        assertThat(high.at("/assessment/evaluation/riskClass").asString()).isEqualTo("HIGH");
        assertThat(high.at("/assessment/evaluation/methodologyVersion").asInt()).isPositive();
        assertThat(high.at("/assessment/evaluation/impacts/0/dimensionName").asString()).isNotBlank();
        assertThat(high.at("/assessment/sections/1/status").asString()).isEqualTo("COMPLETE");
        long highVersion = high.at("/version").asLong();
        // the same scores again: nothing appended
        JsonNode same = evaluate("member.cluj", id, highVersion, 5,
                List.of(impact(d.get(0), 33, 5), impact(d.get(1), 33, 5), impact(d.get(2), 34, 5))).at("/data/evaluateRisk");
        assertThat(same.at("/version").asLong()).isEqualTo(highVersion);

        // 33/33/34 with scores 2, 3, 4 under P 3: (66 + 99 + 136) / 100 = 3.01, exposure 9.03, moderate (priority 2)
        JsonNode moderate = evaluate("member.cluj", id, highVersion, 3,
                List.of(impact(d.get(0), 33, 2), impact(d.get(1), 33, 3), impact(d.get(2), 34, 4))).at("/data/evaluateRisk");
        assertThat(moderate.at("/assessment/evaluation/globalImpact").asString()).as(moderate.toString()).isEqualTo("3.01");
        assertThat(moderate.at("/assessment/evaluation/exposure").asString()).isEqualTo("9.03");
        assertThat(moderate.at("/assessment/evaluation/riskClass").asString()).isEqualTo("MODERATE");
        JsonNode history = moderate.at("/assessment/history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.findValuesAsString("exposure")).containsExactly("25.00", "9.03");
        assertThat(history.get(0).at("/byUserId").asString()).isEqualTo(ro.marc.api.local.DemoAccess.userId("member.cluj").toString());
        assertThat(history.get(0).at("/lowestAllowedProbability").asInt()).isBetween(1, 4);
    }

    // ==================================================================== finalisation, editions, inactivation

    @Test
    void a_high_risk_needs_an_additional_measure_and_a_finalised_assessment_is_edited_through_a_new_edition() {
        JsonNode started = started(INCADRARE);
        String id = started.at("/id").asString();
        UUID uuid = UUID.fromString(id);
        List<String> d = dimensions(1);
        String measure = UUID.randomUUID().toString();
        String indicator = UUID.randomUUID().toString();
        long v = save("member.cluj", id, started.at("/version").asLong(), description("finalizare"),
                List.of(existingMeasure(measure, indicator))).at("/data/saveRiskAssessmentDraft/version").asLong();
        v = evaluate("member.cluj", id, v, 5, List.of(impact(d.get(0), 100, 4))).at("/data/evaluateRisk/version").asLong();
        JsonNode read = data("member.cluj", READ, Map.of("id", id)).get("riskAssessment");
        assertThat(read.at("/evaluation/riskClass").asString()).isEqualTo("HIGH"); // 5 × 4.00 = 20.00
        assertThat(read.at("/complete").asBoolean()).isFalse();
        assertThat(read.at("/sections/2/status").asString()).isEqualTo("INCOMPLETE");
        assertThat(read.at("/sections/2/reasons").findValuesAsString("code")).contains("ADDITIONAL_MEASURE_REQUIRED");

        long before = events(uuid);
        assertRefused(versioned("member.cluj", "finaliseRiskAssessment", id, v), "BAD_REQUEST", "ADDITIONAL_MEASURE_REQUIRED", "measures");
        assertThat(events(uuid)).isEqualTo(before);

        v = save("member.cluj", id, v, description("finalizare"), List.of(existingMeasure(measure, indicator),
                additionalMeasure(UUID.randomUUID().toString(), UUID.randomUUID().toString())))
                .at("/data/saveRiskAssessmentDraft/version").asLong();
        JsonNode finalised = versioned("member.cluj", "finaliseRiskAssessment", id, v).at("/data/finaliseRiskAssessment");
        assertThat(finalised.at("/assessment/status").asString()).as(finalised.toString()).isEqualTo("FINALISED");
        assertThat(finalised.at("/assessment/edition").asInt()).isEqualTo(1);
        assertThat(finalised.at("/assessment/finalisedEdition").asInt()).isEqualTo(1);
        assertThat(finalised.at("/assessment/complete").asBoolean()).isTrue();
        v = finalised.at("/version").asLong();

        // editing a finalised assessment without a new edition: refused, nothing appended
        long atFinalisation = events(uuid);
        assertRefused(save("member.cluj", id, v, description("după"), null), "CONFLICT", "FINALISED", null);
        assertRefused(evaluate("member.cluj", id, v, 4, List.of(impact(d.get(0), 100, 4))), "CONFLICT", "FINALISED", null);
        assertThat(events(uuid)).isEqualTo(atFinalisation);

        JsonNode edition = versioned("member.cluj", "startAssessmentEdition", id, v).at("/data/startAssessmentEdition");
        assertThat(edition.at("/assessment/status").asString()).as(edition.toString()).isEqualTo("DRAFT");
        assertThat(edition.at("/assessment/edition").asInt()).isEqualTo(2);
        assertThat(edition.at("/assessment/finalisedEdition").asInt()).isEqualTo(1);
        assertThat(edition.at("/assessment/measures").size()).as("the finalised content carried over").isEqualTo(2);
        v = edition.at("/version").asLong();
        assertRefused(versioned("member.cluj", "startAssessmentEdition", id, v), "CONFLICT", "NOT_FINALISED", null);

        // inactivated: left out of lists, refuses edits until reactivated
        JsonNode inactive = versioned("member.cluj", "inactivateRiskAssessment", id, v).at("/data/inactivateRiskAssessment");
        assertThat(inactive.at("/assessment/active").asBoolean()).as(inactive.toString()).isFalse();
        v = inactive.at("/version").asLong();
        assertRefused(save("member.cluj", id, v, description("inactiv"), null), "CONFLICT", "INACTIVE", null);
        String byRisk = "query($r: ID!, $all: Boolean) { riskAssessments(filter: {riskIds: [$r], includeInactive: $all}, first: 500) "
                + "{ edges { node { id active } } } }";
        String risk = DemoNomenclature.riskId(CONTRAVENTII, INCADRARE).toString();
        assertThat(data("head.cluj", byRisk, Map.of("r", risk, "all", false)).at("/riskAssessments/edges").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(data("head.cluj", byRisk, Map.of("r", risk, "all", true)).at("/riskAssessments/edges").findValuesAsString("id"))
                .contains(id);
        JsonNode reactivated = versioned("member.cluj", "reactivateRiskAssessment", id, v).at("/data/reactivateRiskAssessment");
        assertThat(reactivated.at("/assessment/active").asBoolean()).as(reactivated.toString()).isTrue();
        assertRefused(versioned("head.cluj", "inactivateRiskAssessment", id, reactivated.at("/version").asLong()),
                "FORBIDDEN", "NOT_YOURS", null);
    }

    // ==================================================================== reads, lists, search

    @Test
    void reads_lists_and_the_text_search_are_confined_to_the_caller_s_reach_with_facets_over_the_whole_list() {
        String word = "cinemometrul" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        List<String> ids = new ArrayList<>();
        for (String risk : List.of(INCADRARE, AVERTISMENT)) {
            JsonNode started = started(risk);
            String id = started.at("/id").asString();
            long v = save("member.cluj", id, started.at("/version").asLong(), description(word), null)
                    .at("/data/saveRiskAssessmentDraft/version").asLong();
            assertThat(v).isPositive();
            ids.add(id);
        }
        // the head of the structure and the national readers read it; another structure and risk owners do not
        assertThat(data("head.cluj", READ, Map.of("id", ids.getFirst())).at("/riskAssessment/id").asString()).isEqualTo(ids.getFirst());
        assertThat(data("auditor", READ, Map.of("id", ids.getFirst())).at("/riskAssessment/id").asString()).isEqualTo(ids.getFirst());
        assertRefused(graphql("head.iasi", READ, Map.of("id", ids.getFirst())), "FORBIDDEN", null, null);
        assertRefused(graphql("owner.cluj", READ, Map.of("id", ids.getFirst())), "FORBIDDEN", null, null);
        assertThat(data("admin", READ, Map.of("id", UUID.randomUUID().toString())).get("riskAssessment").isNull()).isTrue();

        // the text search (folded: without diacritics), with totalCount and facets of the whole list
        String search = "query($t: String) { riskAssessments(filter: {text: $t}, first: 1) { totalCount edges { node { id } } "
                + "facets { total classes { value count } statuses { value count } orgUnits { value label count } risks { value label count } } } }";
        JsonNode found = eventually(() -> data("head.cluj", search, Map.of("t", word.toUpperCase())),
                r -> r.at("/riskAssessments/totalCount").asInt() == 2).get("riskAssessments");
        assertThat(found.at("/edges").size()).isEqualTo(1);
        assertThat(ids).contains(found.at("/edges/0/node/id").asString());
        assertThat(found.at("/facets/total").asInt()).isEqualTo(2);
        assertThat(found.at("/facets/classes/0/value").asString()).isEqualTo("NONE");
        assertThat(found.at("/facets/statuses/0/value").asString()).isEqualTo("DRAFT");
        assertThat(found.at("/facets/orgUnits/0/value").asString()).isEqualTo(IPJ_CLUJ.toString());
        assertThat(found.at("/facets/risks").findValuesAsString("label")).containsExactlyInAnyOrder(INCADRARE, AVERTISMENT);
        assertThat(eventually(() -> data("head.iasi", search, Map.of("t", word)), r -> true).at("/riskAssessments/totalCount").asInt())
                .isZero();

        // paged with cursors: nothing lost or repeated
        String byWord = "query($t: String, $first: Int, $after: String) { riskAssessments(filter: {text: $t}, first: $first, "
                + "after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        assertThat(pageThrough("head.cluj", byWord, "riskAssessments", Map.of("t", word), 1, 2)).containsExactlyInAnyOrderElementsOf(ids);

        // naming a structure outside one's reach is refused; a bad cursor names 'after'
        assertRefused(graphql("head.iasi", "query($o: ID!) { riskAssessments(filter: {orgUnitIds: [$o]}) { totalCount } }",
                Map.of("o", IPJ_CLUJ.toString())), "FORBIDDEN", null, null);
        assertRefused(graphql("head.cluj", "{ riskAssessments(after: \"bm90IGEgY3Vyc29y\") { totalCount } }", Map.of()),
                "BAD_REQUEST", "INVALID_CURSOR", "after");
    }
}
