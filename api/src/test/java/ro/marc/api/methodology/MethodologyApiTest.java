package ro.marc.api.methodology;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The methodology (Anexa 6–9) over GraphQL with real tokens: version 1 (the defaults) published at start and read
 * by every role; a central administrator publishes the next version, the earlier one stays readable as it was;
 * every refusal names its field and code and appends nothing (a member publishing, a stale version, the tables in
 * force, tables with problems, a threshold that is no decimal); the dry run checks its candidate the same way.
 * Leaves the methodology with the default tables in force, as other tests of this JVM expect.
 */
class MethodologyApiTest extends ApiTestSupport {

    private static final String TABLES = """
            probabilityScale { score label descriptor } impactScale { score label descriptor }
            effectivenessGrid { minCriteriaMet maxCriteriaMet level label }
            priorityBands { priority riskClass minExposure label interventionTerm }""";
    private static final String PUBLISH = "mutation($i: PublishMethodologyVersionInput!) { publishMethodologyVersion(input: $i) "
            + "{ version methodology { version note publishedByUserId " + TABLES + " } } }";
    private static final String DRY_RUN = "query($i: MethodologyTablesInput!) { methodologyDryRun(input: $i) "
            + "{ evaluated changed classChanges priorityChanges changes { assessmentId exposure riskClass candidateClass } } }";

    @Autowired
    JdbcClient jdbc;

    private JsonNode current(String user) {
        return data(user, "{ methodology { version note publishedAt publishedByUserId " + TABLES + " } }", Map.of())
                .get("methodology");
    }

    /** The tables of a read version as the input of a publication (the same field names). */
    private static Map<String, Object> tables(JsonNode version) {
        Map<String, Object> input = new HashMap<>();
        for (String table : List.of("probabilityScale", "impactScale", "effectivenessGrid", "priorityBands")) {
            input.put(table, JSON.convertValue(version.get(table), List.class));
        }
        return input;
    }

    private static Map<String, Object> publication(Map<String, Object> tables, String note, long expectedVersion) {
        Map<String, Object> input = new HashMap<>(tables);
        input.put("note", note);
        input.put("expectedVersion", expectedVersion);
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withHighBandFrom(Map<String, Object> tables, String minExposure) {
        Map<String, Object> copy = new HashMap<>(tables);
        List<Map<String, Object>> bands = new java.util.ArrayList<>();
        for (Map<String, Object> band : (List<Map<String, Object>>) tables.get("priorityBands")) {
            bands.add(new HashMap<>(band));
        }
        bands.getFirst().put("minExposure", minExposure);
        copy.put("priorityBands", bands);
        return copy;
    }

    private long methodologyEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(MethodologyIds.METHODOLOGY.toString()).query(Long.class).single();
    }

    private static String code(JsonNode response) {
        return firstError(response).at("/extensions/code").asString();
    }

    private static String field(JsonNode response) {
        return firstError(response).at("/extensions/field").asString();
    }

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    /** Whatever a test published, the default tables are in force again after it. */
    @AfterEach
    void defaultsInForce() {
        JsonNode now = current("admin");
        Map<String, Object> defaults = tables(JSON.valueToTree(Map.of(
                "probabilityScale", MethodologyContent.defaults().probabilityScale(),
                "impactScale", MethodologyContent.defaults().impactScale(),
                "effectivenessGrid", MethodologyContent.defaults().effectivenessGrid(),
                "priorityBands", MethodologyContent.defaults().priorityBands().stream().map(b -> Map.of(
                        "priority", b.priority(), "riskClass", b.riskClass().name(), "minExposure", b.minExposure().toPlainString(),
                        "label", b.label(), "interventionTerm", b.interventionTerm())).toList())));
        if (!tables(now).equals(defaults)) {
            data("admin", PUBLISH, Map.of("i", publication(defaults, "Înapoi la metodologia implicită", now.get("version").asLong())));
        }
    }

    @Test
    void version_1_is_the_defaults_and_every_role_reads_the_tables() {
        JsonNode first = data("owner.cluj", "{ methodology(version: 1) { version note publishedByUserId " + TABLES + " } }", Map.of())
                .get("methodology");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("publishedByUserId").asString()).isEqualTo("system");
        assertThat(first.get("note").asString()).isEqualTo(MethodologyBootstrap.NOTE);
        assertThat(first.at("/probabilityScale/2/label").asString()).isEqualTo("Posibil");
        assertThat(first.get("impactScale")).hasSize(5);
        assertThat(first.get("effectivenessGrid")).hasSize(3);
        assertThat(first.at("/effectivenessGrid/1/level").asString()).isEqualTo("PARTIALLY_EFFECTIVE");
        assertThat(first.get("priorityBands").findValuesAsString("minExposure")).containsExactly("15.00", "8.00", "1.00");
        assertThat(first.get("priorityBands").findValuesAsString("riskClass")).containsExactly("HIGH", "MODERATE", "MINOR");

        for (String user : List.of("member.cluj", "head.iasi", "auditor", "admin.cluj", "counsellor.central")) {
            assertThat(current(user).get("version").asInt()).as(user).isPositive();
            assertThat(data(user, "{ methodologyVersions { version } }", Map.of()).get("methodologyVersions")
                    .findValuesAsString("version")).as(user).contains("1");
        }
        assertThat(data("member.cluj", "{ methodology(version: 9999) { version } }", Map.of()).get("methodology").isNull()).isTrue();
    }

    @Test
    void a_central_administrator_publishes_the_next_version_and_the_earlier_one_stays_as_it_was() {
        JsonNode before = current("admin");
        long version = before.get("version").asLong();
        Map<String, Object> stricter = withHighBandFrom(tables(before), "12.5");

        JsonNode published = data("admin", PUBLISH, Map.of("i", publication(stricter, "  Prag de risc înalt: 12,50 ", version)))
                .get("publishMethodologyVersion");
        assertThat(published.get("version").asLong()).isEqualTo(version + 1);
        assertThat(published.at("/methodology/version").asLong()).isEqualTo(version + 1);
        assertThat(published.at("/methodology/note").asString()).isEqualTo("Prag de risc înalt: 12,50");
        assertThat(published.at("/methodology/publishedByUserId").asString()).isNotBlank().isNotEqualTo("system");
        assertThat(published.at("/methodology/priorityBands").findValuesAsString("minExposure")).containsExactly("12.50", "8.00", "1.00");

        // everyone reads the new version as the one in force; the earlier one keeps its tables
        assertThat(current("member.cluj").get("version").asLong()).isEqualTo(version + 1);
        JsonNode earlier = data("member.cluj", "query($v: Int) { methodology(version: $v) { version " + TABLES + " } }",
                Map.of("v", version)).get("methodology");
        assertThat(tables(earlier)).isEqualTo(tables(before));
        assertThat(data("auditor", "{ methodologyVersions { version } }", Map.of()).at("/methodologyVersions/0/version").asLong())
                .isEqualTo(version + 1);
    }

    @Test
    void refusals_name_the_field_and_code_and_append_nothing() {
        JsonNode now = current("admin");
        long version = now.get("version").asLong();
        Map<String, Object> same = tables(now);
        long events = methodologyEvents();

        JsonNode byMember = graphql("member.cluj", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "12"), "Membru", version)));
        assertThat(code(byMember)).isEqualTo("FORBIDDEN");
        assertThat(byMember.at("/data/publishMethodologyVersion").isObject()).as("no data for a refusal").isFalse();
        assertThat(code(graphql("admin.cluj", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "12"), "AT", version)))))
                .isEqualTo("FORBIDDEN");

        JsonNode stale = graphql("admin", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "12"), "Vechi", version - 1)));
        assertThat(classification(stale)).isEqualTo("CONFLICT");
        assertThat(code(stale)).isEqualTo("STALE_VERSION");
        assertThat(firstError(stale).at("/extensions/currentVersion").asLong()).isEqualTo(version);

        JsonNode nothingNew = graphql("admin", PUBLISH, Map.of("i", publication(same, "Aceleași tabele", version)));
        assertThat(code(nothingNew)).isEqualTo("NOTHING_NEW");
        assertThat(field(nothingNew)).isEqualTo("content");

        JsonNode inverted = graphql("admin", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "7.00"), "Inversat", version)));
        assertThat(classification(inverted)).isEqualTo("BAD_REQUEST");
        assertThat(code(inverted)).isEqualTo("BAND_THRESHOLDS");
        assertThat(field(inverted)).isEqualTo("priorityBands[0].minExposure");
        assertThat(firstError(inverted).at("/extensions/problems/0/code").asString()).isEqualTo("BAND_THRESHOLDS");

        Map<String, Object> fourSteps = new HashMap<>(same);
        fourSteps.put("probabilityScale", ((List<?>) same.get("probabilityScale")).subList(0, 4));
        fourSteps.put("effectivenessGrid", ((List<?>) same.get("effectivenessGrid")).subList(0, 2));
        JsonNode problems = graphql("admin", PUBLISH, Map.of("i", publication(fourSteps, "Incomplet", version)));
        assertThat(code(problems)).isEqualTo("SCALE_STEPS");
        assertThat(field(problems)).isEqualTo("probabilityScale");
        assertThat(firstError(problems).get("extensions").get("problems").findValuesAsString("code"))
                .containsExactly("SCALE_STEPS", "GRID_COVERAGE");

        JsonNode notADecimal = graphql("admin", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "15.005"), "Zecimale", version)));
        assertThat(code(notADecimal)).isEqualTo("INVALID_DECIMAL");
        assertThat(field(notADecimal)).isEqualTo("priorityBands[0].minExposure");
        assertThat(code(graphql("admin", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "1e9"), "Exponent", version)))))
                .isEqualTo("INVALID_DECIMAL");

        JsonNode noNote = graphql("admin", PUBLISH, Map.of("i", publication(withHighBandFrom(same, "12"), " ", version)));
        assertThat(code(noNote)).isEqualTo("REQUIRED");
        assertThat(field(noNote)).isEqualTo("note");

        assertThat(methodologyEvents()).as("events of the methodology").isEqualTo(events);
        assertThat(current("admin").get("version").asLong()).isEqualTo(version);
    }

    @Test
    void the_dry_run_checks_its_candidate_like_a_publication_and_is_for_central_administrators_only() {
        JsonNode now = current("admin");
        Map<String, Object> same = tables(now);
        long events = methodologyEvents();

        assertThat(code(graphql("member.cluj", DRY_RUN, Map.of("i", withHighBandFrom(same, "12"))))).isEqualTo("FORBIDDEN");
        assertThat(code(graphql("head.cluj", DRY_RUN, Map.of("i", withHighBandFrom(same, "12"))))).isEqualTo("FORBIDDEN");
        JsonNode inverted = graphql("admin", DRY_RUN, Map.of("i", withHighBandFrom(same, "7.00")));
        assertThat(code(inverted)).isEqualTo("BAND_THRESHOLDS");
        assertThat(field(inverted)).isEqualTo("priorityBands[0].minExposure");
        assertThat(code(graphql("admin", DRY_RUN, Map.of("i", withHighBandFrom(same, "abc"))))).isEqualTo("INVALID_DECIMAL");

        JsonNode dryRun = data("admin", DRY_RUN, Map.of("i", withHighBandFrom(same, "12"))).get("methodologyDryRun");
        assertThat(dryRun.get("changed").asInt()).isEqualTo(dryRun.get("changes").size())
                .isLessThanOrEqualTo(dryRun.get("evaluated").asInt());
        assertThat(dryRun.get("classChanges").asInt()).isLessThanOrEqualTo(dryRun.get("changed").asInt());
        for (JsonNode change : dryRun.get("changes")) { // under a lower high threshold only moderate → high moves
            assertThat(change.get("riskClass").asString()).isEqualTo("MODERATE");
            assertThat(change.get("candidateClass").asString()).isEqualTo("HIGH");
            assertThat(new java.math.BigDecimal(change.get("exposure").asString())).isBetween(
                    new java.math.BigDecimal("12.00"), new java.math.BigDecimal("14.99"));
        }
        assertThat(methodologyEvents()).as("a dry run appends nothing").isEqualTo(events);
        assertThat(current("admin").get("version").asLong()).isEqualTo(now.get("version").asLong());
    }
}
