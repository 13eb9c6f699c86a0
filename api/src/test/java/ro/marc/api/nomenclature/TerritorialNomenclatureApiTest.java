package ro.marc.api.nomenclature;

import org.junit.jupiter.api.Test;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A territorial administrator proposes and adds regulatory causes for a structure of their county
 * ({@code forOrgUnitId}), under that structure's work units; not for another county's structure, and not
 * without naming the structure.
 */
class TerritorialNomenclatureApiTest extends ApiTestSupport {

    static final String ORDINE_PUBLICA = DemoOrganisation.id("wu:Ordine publică").toString();
    static final String IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj").toString();

    private static final String PROPOSE_RISK =
            "mutation($i: ProposeRiskInput!) { proposeRisk(input: $i) { id item { status proposerUserId activityId } } }";

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    /** An approved activity under Ordine publică (held by IPJ Cluj), in a new leaf domain. */
    private String activity(String suffix) {
        String top = data("admin", "mutation($n: String!) { defineDomain(input: {name: $n}) { id } }",
                Map.of("n", "Domeniu teritorial " + suffix)).at("/defineDomain/id").asString();
        String leaf = data("admin", "mutation($p: ID!, $n: String!) { defineDomain(input: {parentDomainId: $p, name: $n}) { id } }",
                Map.of("p", top, "n", "Subdomeniu teritorial " + suffix)).at("/defineDomain/id").asString();
        return data("admin", """
                mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }""",
                Map.of("i", Map.of("name", "Activitate teritorială " + suffix, "domainId", leaf,
                        "workUnitIds", List.of(ORDINE_PUBLICA)))).at("/proposeActivity/id").asString();
    }

    private String entry(String list, String name) {
        return data("admin", "mutation($l: ReferenceList!, $n: String!) { defineReferenceEntry(input: {list: $l, name: $n}) { id } }",
                Map.of("l", list, "n", name)).at("/defineReferenceEntry/id").asString();
    }

    @Test
    void a_territorial_administrator_proposes_for_a_structure_of_their_county_only() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String activity = activity(suffix);

        JsonNode proposed = graphql("admin.cluj", PROPOSE_RISK, Map.of("i", Map.of("activityId", activity,
                "name", "Risc propus de administratorul teritorial " + suffix, "forOrgUnitId", IPJ_CLUJ)));
        assertThat(proposed.has("errors")).as(proposed.toString()).isFalse();
        String risk = proposed.at("/data/proposeRisk/id").asString();
        assertThat(proposed.at("/data/proposeRisk/item/status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.at("/data/proposeRisk/item/proposerUserId").asString())
                .isEqualTo(DemoAccess.userId("admin.cluj").toString());
        // a proposal: the central administrators and the county's administrator see it, another county's member does not
        assertThat(data("admin", "query($id: ID!) { nomenclatureItem(id: $id) { status } }", Map.of("id", risk))
                .at("/nomenclatureItem/status").asString()).isEqualTo("PROPOSED");
        assertThat(data("admin.cluj", "query($id: ID!) { nomenclatureItem(id: $id) { status } }", Map.of("id", risk))
                .at("/nomenclatureItem/status").asString()).isEqualTo("PROPOSED");
        assertThat(classification(graphql("member.iasi", "query($id: ID!) { nomenclatureItem(id: $id) { id } }",
                Map.of("id", risk)))).isEqualTo("FORBIDDEN");

        // another county's administrator may not act for IPJ Cluj
        JsonNode otherCounty = graphql("admin.iasi", PROPOSE_RISK, Map.of("i", Map.of("activityId", activity,
                "name", "Risc din alt județ " + suffix, "forOrgUnitId", IPJ_CLUJ)));
        assertThat(classification(otherCounty)).as(otherCounty.toString()).isEqualTo("FORBIDDEN");
        assertThat(otherCounty.at("/data/proposeRisk").isNull() || otherCounty.at("/data/proposeRisk").isMissingNode()).isTrue();

        // without naming the structure: a typed input error
        JsonNode unnamed = graphql("admin.cluj", PROPOSE_RISK, Map.of("i", Map.of("activityId", activity,
                "name", "Risc fără structură " + suffix)));
        assertThat(classification(unnamed)).as(unnamed.toString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(unnamed).at("/extensions/code").asString()).isEqualTo("REQUIRED");
        assertThat(firstError(unnamed).at("/extensions/field").asString()).isEqualTo("input.forOrgUnitId");

        // members still act for their own structure: forOrgUnitId is ignored for them
        JsonNode byMember = graphql("member.cluj", PROPOSE_RISK, Map.of("i", Map.of("activityId", activity,
                "name", "Risc propus de membru " + suffix)));
        assertThat(byMember.has("errors")).as(byMember.toString()).isFalse();
    }

    @Test
    void a_territorial_administrator_adds_a_regulatory_cause_for_a_structure_of_their_county() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String activity = activity(suffix);
        Map<String, Object> cause = new HashMap<>(Map.ofEntries(Map.entry("workUnitId", ORDINE_PUBLICA),
                Map.entry("activityId", activity), Map.entry("issuerId", entry("ACT_ISSUER", "Emitent teritorial " + suffix)),
                Map.entry("actTypeId", entry("ACT_TYPE", "Tip teritorial " + suffix)), Map.entry("actNumber", "195"),
                Map.entry("yearInForce", 2002), Map.entry("actStatusId", entry("ACT_STATUS", "Stare teritorială " + suffix)),
                Map.entry("actTitle", "privind circulația pe drumurile publice"), Map.entry("articleNumber", "109"),
                Map.entry("extract", "…după caz…"), Map.entry("corruptionFactors", "Sintagma „după caz”"),
                Map.entry("corruptionThreats", "Neconsemnarea tuturor aspectelor"),
                Map.entry("recommendations", "Eliminarea sintagmei"), Map.entry("forOrgUnitId", IPJ_CLUJ)));
        String add = "mutation($i: RegulatoryCauseInput!) { addRegulatoryCause(input: $i) { id regulatoryCause { authorUserId active } } }";

        JsonNode added = data("admin.cluj", add, Map.of("i", cause)).get("addRegulatoryCause");
        assertThat(added.at("/regulatoryCause/authorUserId").asString()).isEqualTo(DemoAccess.userId("admin.cluj").toString());
        assertThat(added.at("/regulatoryCause/active").asBoolean()).isTrue();

        JsonNode otherCounty = graphql("admin.iasi", add, Map.of("i", cause));
        assertThat(classification(otherCounty)).as(otherCounty.toString()).isEqualTo("FORBIDDEN");
        Map<String, Object> unnamed = new HashMap<>(cause);
        unnamed.remove("forOrgUnitId");
        JsonNode refused = graphql("admin.cluj", add, Map.of("i", unnamed));
        assertThat(firstError(refused).at("/extensions/field").asString()).as(refused.toString()).isEqualTo("input.forOrgUnitId");
    }
}
