package ro.marc.api.register;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.events.access.Role;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.RegisterIds;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register (Anexa 10) and its monitoring over GraphQL with real tokens, in a structure of its own
 * ({@link RegisterTestSupport}): the head generates the register (two members' assessments of one risk merged,
 * A402; a work unit without an assessment listed as missing), sets deadlines and saves; members mark their measures
 * done and enter indicator values, a risk owner evaluates measures (G04). Every refusal of the "Bad input"
 * names its field and code over HTTP and appends nothing; reads and lists follow REGISTER_READ's reach.
 */
class RegisterApiTest extends RegisterTestSupport {

    static final String MEASURE = """
            assessmentId measureId kind description responsible effectiveness oneOff deadline periodicity dueDates done doneOn
            doneByName overdue keptAsExisting indicators { indicatorId name kind allowedValues values { periodDue value byName recordedOn }
            evaluations { value personName source recordedOn } }""";
    static final String REGISTER = """
            id planId planPurpose orgUnitId orgUnitName county version content draftEdition generatedOn savedEdition savedOn savedByName
            registrationNumber approverName measuresStageStart planLastDay members measureCount overdueMeasures
            missing { workUnitId workUnitName memberId memberName }
            risks { riskId riskName activityName domainName highestAssessmentId exposure priority riskClass interventionTerm
                    assessments { assessmentId edition memberId memberName workUnitName probability globalImpact exposure priority riskClass }
                    measures { %s } }
            documents { kind edition downloadUrl }""".formatted(MEASURE);
    static final String GENERATE = "mutation($i: GenerateRiskRegisterInput!) { generateRiskRegister(input: $i) { id version register { "
            + REGISTER + " } } }";
    static final String SAVE = "mutation($i: SaveRiskRegisterInput!) { saveRiskRegister(input: $i) { id version register { "
            + REGISTER + " } } }";
    static final String EVALUATE = "mutation($i: EvaluateRegisterMeasuresInput!) { evaluateRegisterMeasures(input: $i) { id version register { "
            + REGISTER + " } } }";
    static final String READ = "query($p: ID!) { riskRegister(planId: $p) { " + REGISTER + " } }";
    static final String MONITORING = "assessmentId planId version registerEdition finalisedOn measures { " + MEASURE + " }";
    static final String MARK = "mutation($i: MeasureActionInput!) { markMeasureDone(input: $i) { assessmentId version monitoring { "
            + MONITORING + " } } }";
    static final String KEEP = "mutation($i: MeasureActionInput!) { keepMeasureAsExisting(input: $i) { assessmentId version monitoring { "
            + MONITORING + " } } }";
    static final String VALUES = "mutation($i: RecordIndicatorValuesInput!) { recordIndicatorValues(input: $i) { assessmentId version monitoring { "
            + MONITORING + " } } }";
    static final String FINALISE = "mutation($i: MonitoringVersionInput!) { finaliseMonitoring(input: $i) { assessmentId version monitoring { "
            + MONITORING + " } } }";

    @Autowired
    JdbcClient jdbc;

    /** The aggregate's events, but the reminder sweep's (it may flag the overdue measure whenever it runs). */
    private long events(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type NOT IN (?, ?, ?, ?)")
                .params(aggregate.toString(), "monitoring.MeasureDueSoon", "monitoring.MeasureOverdue",
                        ro.marc.events.monitoring.event.MeasureDueSoon.class.getName(),
                        ro.marc.events.monitoring.event.MeasureOverdue.class.getName())
                .query(Long.class).single();
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

    static Map<String, Object> schedule(String assessmentId, String measureId, LocalDate deadline, String periodicity) {
        Map<String, Object> s = new HashMap<>(Map.of("assessmentId", assessmentId, "measureId", measureId,
                "deadline", deadline.toString()));
        if (periodicity != null) {
            s.put("periodicity", periodicity);
        }
        return s;
    }

    /**
     * Deadlines of every measure: the first member's existing measure five days ago (overdue), their one-off measure
     * in a month (ONCE, the periodicity left out), their qualitative one monthly to the plan's last day; the second
     * member's quarterly, once and monthly.
     */
    static List<Map<String, Object>> schedules(Fixture f) {
        LocalDate today = LocalDate.now(BUCHAREST);
        Assessment a = f.first();
        Assessment b = f.second();
        return List.of(
                schedule(a.id(), a.existingMeasure(), today.minusDays(5), "ONCE"),
                schedule(a.id(), a.oneOffMeasure(), today.plusDays(30), null),
                schedule(a.id(), a.qualitativeMeasure(), f.lastDay(), "MONTHLY"),
                schedule(b.id(), b.existingMeasure(), f.lastDay(), "QUARTERLY"),
                schedule(b.id(), b.oneOffMeasure(), today.plusDays(30), "ONCE"),
                schedule(b.id(), b.qualitativeMeasure(), today.plusDays(90), "MONTHLY"));
    }

    static Map<String, Object> save(Fixture f, List<Map<String, Object>> schedules, long version) {
        return Map.of("i", Map.of("planId", f.planId(), "registrationNumber", "4821/12.2026", "approverName", "Comisar-șef Ionuț Pătrașcu",
                "schedules", schedules, "expectedVersion", version));
    }

    /** The register generated and saved with {@link #schedules}: the saved register. */
    JsonNode saved(Fixture f) {
        long version = data(f.head(), GENERATE, Map.of("i", Map.of("planId", f.planId()))).at("/generateRiskRegister/version").asLong();
        return data(f.head(), SAVE, save(f, schedules(f), version)).at("/saveRiskRegister/register");
    }

    static JsonNode measure(JsonNode measures, String measureId) {
        for (JsonNode m : measures) {
            if (m.at("/measureId").asString().equals(measureId)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + measureId + " in " + measures);
    }

    // ==================================================================== generation and saving

    @Test
    void the_head_generates_the_register_merged_per_risk_and_saves_it_with_deadlines_refusing_bad_schedules() {
        Fixture f = newFixture();
        UUID registerId = RegisterIds.of(UUID.fromString(f.planId()));
        Map<String, Object> generate = Map.of("i", Map.of("planId", f.planId()));

        // nothing generated yet: null for the structure, refused to another structure and to nobody's member
        assertThat(data(f.head(), READ, Map.of("p", f.planId())).get("riskRegister").isNull()).isTrue();
        assertRefused(graphql("head.iasi", READ, Map.of("p", f.planId())), "FORBIDDEN", null, null);
        // a member does not generate nor set deadlines (REGISTER_WRITE: head and integrity counsellor), nor another structure's head
        assertRefused(graphql(f.member(), GENERATE, generate), "FORBIDDEN", null, null);
        assertRefused(graphql("head.cluj", GENERATE, generate), "FORBIDDEN", null, null);
        assertRefused(graphql(f.member(), SAVE, save(f, schedules(f), 1)), "FORBIDDEN", null, null);
        assertRefused(graphql(f.head(), GENERATE, Map.of("i", Map.of("planId", "not-an-id"))), "BAD_REQUEST", "MALFORMED_ID", "planId");
        assertThat(events(registerId)).isZero();

        JsonNode generated = data(f.head(), GENERATE, generate).get("generateRiskRegister");
        assertThat(generated.at("/id").asString()).isEqualTo(registerId.toString());
        JsonNode draft = generated.get("register");
        assertThat(draft.at("/content").asString()).as(draft.toString()).isEqualTo("DRAFT");
        assertThat(draft.at("/draftEdition").asInt()).isEqualTo(1);
        assertThat(draft.at("/savedEdition").isNull()).isTrue();
        assertThat(draft.at("/orgUnitName").asString()).isEqualTo(f.orgUnitName());
        assertThat(draft.at("/measuresStageStart").asString()).isEqualTo(f.measuresStageStart().toString());
        assertThat(draft.at("/planLastDay").asString()).isEqualTo(f.lastDay().toString());
        // A402: one risk, both assessments, the highest exposure (P 5: 14.95) the risk's
        assertThat(draft.at("/risks").size()).isEqualTo(1);
        JsonNode risk = draft.at("/risks/0");
        assertThat(risk.at("/riskName").asString()).isEqualTo(RISK);
        assertThat(risk.at("/assessments").findValuesAsString("assessmentId"))
                .containsExactlyInAnyOrder(f.first().id(), f.second().id());
        assertThat(risk.at("/assessments").findValuesAsString("memberName")).containsExactlyInAnyOrder(f.memberName(), f.member2Name());
        assertThat(risk.at("/highestAssessmentId").asString()).isEqualTo(f.second().id());
        assertThat(risk.at("/exposure").asString()).isEqualTo("14.95");
        assertThat(risk.at("/riskClass").asString()).isEqualTo("MODERATE");
        assertThat(risk.at("/priority").asInt()).isEqualTo(2);
        assertThat(risk.at("/measures").size()).isEqualTo(6);
        assertThat(draft.at("/measureCount").asInt()).isEqualTo(6);
        JsonNode oneOff = measure(risk.at("/measures"), f.first().oneOffMeasure());
        assertThat(oneOff.at("/oneOff").asBoolean()).isTrue();
        assertThat(oneOff.at("/deadline").isNull()).isTrue();
        assertThat(measure(risk.at("/measures"), f.first().qualitativeMeasure()).at("/oneOff").asBoolean()).isFalse();
        // the first member's Ordine publică has no assessment: missing, with the member responsible
        assertThat(draft.at("/missing").findValuesAsString("workUnitName")).contains("Ordine publică");
        for (JsonNode missing : draft.at("/missing")) {
            if (missing.at("/workUnitId").asString().equals(ORDINE)) {
                assertThat(missing.at("/memberName").asString()).isEqualTo(f.memberName());
            }
        }
        long version = generated.at("/version").asLong();
        long afterGeneration = events(registerId);
        // the same content again: nothing appended
        assertThat(data(f.head(), GENERATE, generate).at("/generateRiskRegister/version").asLong()).isEqualTo(version);

        // bad schedules: each named by its place, nothing appended
        Assessment a = f.first();
        LocalDate today = LocalDate.now(BUCHAREST);
        List<Map<String, Object>> good = schedules(f);
        assertRefused(graphql(f.head(), SAVE, save(f, good.subList(1, 6), version)), "BAD_REQUEST", "MISSING_SCHEDULE", "schedules");
        assertRefused(graphql(f.head(), SAVE, save(f, replaced(good, 0, schedule(a.id(), a.existingMeasure(),
                f.measuresStageStart().minusDays(1), "ONCE")), version)), "BAD_REQUEST", "DEADLINE_BEFORE_MEASURES_STAGE", "schedules[0].deadline");
        assertRefused(graphql(f.head(), SAVE, save(f, replaced(good, 0, schedule(a.id(), a.existingMeasure(),
                f.lastDay().plusDays(1), "ONCE")), version)), "BAD_REQUEST", "DEADLINE_AFTER_PLAN_END", "schedules[0].deadline");
        assertRefused(graphql(f.head(), SAVE, save(f, replaced(good, 1, schedule(a.id(), a.oneOffMeasure(),
                today.plusDays(30), "MONTHLY")), version)), "BAD_REQUEST", "PERIODICITY_ON_ONE_OFF", "schedules[1].periodicity");
        Map<String, Object> badDate = new HashMap<>(good.get(2));
        badDate.put("deadline", "2026-02-30");
        assertRefused(graphql(f.head(), SAVE, save(f, replaced(good, 2, badDate), version)), "BAD_REQUEST", "INVALID_INSTANT",
                "schedules[2].deadline");
        Map<String, Object> badId = new HashMap<>(good.get(3));
        badId.put("measureId", "1-1-1-1-1");
        assertRefused(graphql(f.head(), SAVE, save(f, replaced(good, 3, badId), version)), "BAD_REQUEST", "MALFORMED_ID",
                "schedules[3].measureId");
        List<Map<String, Object>> unknown = new ArrayList<>(good);
        unknown.add(schedule(a.id(), UUID.randomUUID().toString(), today.plusDays(30), "ONCE"));
        assertRefused(graphql(f.head(), SAVE, save(f, unknown, version)), "BAD_REQUEST", "UNKNOWN_MEASURE", "schedules[6].measureId");
        List<Map<String, Object>> twice = new ArrayList<>(good);
        twice.add(good.get(0));
        assertRefused(graphql(f.head(), SAVE, save(f, twice, version)), "BAD_REQUEST", "DUPLICATE_SCHEDULE", "schedules[6]");
        assertRefused(graphql(f.head(), SAVE, Map.of("i", Map.of("planId", f.planId(), "registrationNumber", " ",
                "approverName", "Comisar-șef Ionuț Pătrașcu", "schedules", good, "expectedVersion", version))),
                "BAD_REQUEST", "REQUIRED", "registrationNumber");
        assertRefused(graphql(f.head(), SAVE, save(f, good, version - 1)), "CONFLICT", null, null);
        assertThat(events(registerId)).as("nothing appended by the refusals").isEqualTo(afterGeneration);

        // saved by the integrity counsellor (REGISTER_WRITE too): edition 1, the schedules, P01's header, the members
        JsonNode saved = data(f.counsellor(), SAVE, save(f, good, version)).at("/saveRiskRegister/register");
        assertThat(saved.at("/content").asString()).as(saved.toString()).isEqualTo("SAVED");
        assertThat(saved.at("/savedEdition").asInt()).isEqualTo(1);
        assertThat(saved.at("/draftEdition").isNull()).isTrue();
        assertThat(saved.at("/savedOn").asString()).isEqualTo(today.toString());
        assertThat(saved.at("/registrationNumber").asString()).isEqualTo("4821/12.2026");
        assertThat(saved.at("/approverName").asString()).isEqualTo("Comisar-șef Ionuț Pătrașcu");
        assertThat(strings(saved.at("/members"))).contains(f.memberName(), f.member2Name());
        JsonNode measures = saved.at("/risks/0/measures");
        JsonNode overdue = measure(measures, a.existingMeasure());
        assertThat(overdue.at("/deadline").asString()).isEqualTo(today.minusDays(5).toString());
        assertThat(overdue.at("/overdue").asBoolean()).as("deadline passed, not done (N01)").isTrue();
        assertThat(saved.at("/overdueMeasures").asInt()).isEqualTo(1);
        JsonNode once = measure(measures, a.oneOffMeasure());
        assertThat(once.at("/periodicity").asString()).as("absent periodicity is ONCE").isEqualTo("ONCE");
        assertThat(strings(once.at("/dueDates"))).containsExactly(today.plusDays(30).toString());
        JsonNode monthly = measure(measures, a.qualitativeMeasure());
        assertThat(monthly.at("/periodicity").asString()).isEqualTo("MONTHLY");
        assertThat(strings(monthly.at("/dueDates"))).startsWith(f.measuresStageStart().plusMonths(1).minusDays(1).toString())
                .endsWith(f.lastDay().toString()).containsExactlyElementsOf(MeasurePeriodicity.MONTHLY
                        .dueDates(f.measuresStageStart(), f.lastDay()).stream().map(LocalDate::toString).toList());

        // every member is notified (UCA 81)
        for (String member : List.of(f.member(), f.member2())) {
            JsonNode inbox = eventually(() -> data(member, "{ notifications(first: 50) { edges { node { kind severity subjectId } } } }",
                    Map.of()), d -> d.at("/notifications/edges").findValuesAsString("kind").contains("REGISTER_SAVED"));
            for (JsonNode edge : inbox.at("/notifications/edges")) {
                if (edge.at("/node/kind").asString().equals("REGISTER_SAVED")) {
                    assertThat(edge.at("/node/subjectId").asString()).isEqualTo(registerId.toString());
                    assertThat(edge.at("/node/severity").asString()).isEqualTo("INFO");
                }
            }
        }

        // the list: the structure's own head and the central counsellor (below IGPR) see it, another structure is refused it
        String list = "query($o: [ID!]) { riskRegisters(orgUnitIds: $o) { id planId orgUnitName content savedEdition registrationNumber risks measures overdueMeasures } }";
        JsonNode mine = data(f.head(), list, Map.of()).get("riskRegisters");
        assertThat(mine.findValuesAsString("planId")).containsExactly(f.planId());
        assertThat(mine.at("/0/measures").asInt()).isEqualTo(6);
        assertThat(mine.at("/0/overdueMeasures").asInt()).isEqualTo(1);
        assertThat(data("counsellor.central", list, Map.of("o", List.of(f.orgUnitId()))).at("/riskRegisters").findValuesAsString("planId"))
                .containsExactly(f.planId());
        assertThat(data("head.cluj", list, Map.of()).at("/riskRegisters").findValuesAsString("planId")).doesNotContain(f.planId());
        assertRefused(graphql("head.cluj", list, Map.of("o", List.of(f.orgUnitId()))), "FORBIDDEN", null, null);
        // G04: a central counsellor of a sibling structure (DGA, beside IGPR) neither reads nor lists it
        String sibling = "cc-dga-" + UUID.randomUUID().toString().substring(0, 8);
        registerAccount(sibling, "Consilier Central DGA " + sibling.substring(7), Role.CENTRAL_COUNSELLOR,
                DemoOrganisation.id("Direcția Generală Anticorupție").toString());
        assertRefused(graphql(sibling, READ, Map.of("p", f.planId())), "FORBIDDEN", null, null);
        assertRefused(graphql(sibling, list, Map.of("o", List.of(f.orgUnitId()))), "FORBIDDEN", null, null);
        assertThat(data(sibling, list, Map.of()).at("/riskRegisters").findValuesAsString("planId")).doesNotContain(f.planId());
        // a risk owner of the structure reads it (G04); a member of another structure does not
        assertThat(data(f.owner(), READ, Map.of("p", f.planId())).at("/riskRegister/savedEdition").asInt()).isEqualTo(1);
        assertRefused(graphql("member.cluj", READ, Map.of("p", f.planId())), "FORBIDDEN", null, null);
    }

    // ==================================================================== monitoring

    @Test
    void members_mark_their_measures_done_once_and_enter_values_of_the_indicator_s_kind_per_period() {
        Fixture f = newFixture();
        saved(f);
        Assessment a = f.first();
        UUID monitoringId = MonitoringIds.of(UUID.fromString(a.id()));
        LocalDate today = LocalDate.now(BUCHAREST);

        // another structure's member and a risk owner are refused before any command; the other member by the command
        Map<String, Object> oneOff = Map.of("i", Map.of("assessmentId", a.id(), "measureId", a.oneOffMeasure()));
        assertRefused(graphql("member.cluj", MARK, oneOff), "FORBIDDEN", null, null);
        assertRefused(graphql(f.owner(), MARK, oneOff), "FORBIDDEN", null, null);
        assertRefused(graphql(f.member2(), MARK, oneOff), "FORBIDDEN", null, null);
        assertRefused(graphql(f.member(), MARK, Map.of("i", Map.of("assessmentId", a.id(), "measureId", UUID.randomUUID().toString()))),
                "BAD_REQUEST", "UNKNOWN_MEASURE", "measureId");
        assertRefused(graphql(f.member(), MARK, Map.of("i", Map.of("assessmentId", "x", "measureId", a.oneOffMeasure()))),
                "BAD_REQUEST", "MALFORMED_ID", "assessmentId");
        assertThat(events(monitoringId)).isZero();

        // done: dated today, by the member, irreversible
        JsonNode done = data(f.member(), MARK, oneOff).get("markMeasureDone");
        assertThat(done.at("/assessmentId").asString()).isEqualTo(a.id());
        JsonNode marked = measure(done.at("/monitoring/measures"), a.oneOffMeasure());
        assertThat(marked.at("/done").asBoolean()).as(done.toString()).isTrue();
        assertThat(marked.at("/doneOn").asString()).isEqualTo(today.toString());
        assertThat(marked.at("/doneByName").asString()).isEqualTo(f.memberName());
        long afterDone = events(monitoringId);
        assertRefused(graphql(f.member(), MARK, oneOff), "CONFLICT", "ALREADY_DONE", null);
        assertThat(events(monitoringId)).isEqualTo(afterDone);

        // the overdue measure shows overdue until done (late)
        JsonNode read = data(f.member(), "query($a: ID!) { measureMonitoring(assessmentId: $a) { " + MONITORING + " } }",
                Map.of("a", a.id())).get("measureMonitoring");
        assertThat(read.at("/registerEdition").asInt()).isEqualTo(1);
        assertThat(measure(read.at("/measures"), a.existingMeasure()).at("/overdue").asBoolean()).isTrue();
        JsonNode late = data(f.member(), MARK, Map.of("i", Map.of("assessmentId", a.id(), "measureId", a.existingMeasure())))
                .at("/markMeasureDone/monitoring/measures");
        assertThat(measure(late, a.existingMeasure()).at("/overdue").asBoolean()).isFalse();

        // indicator values per period: the first monthly period began on the measures stage's first day
        String period = f.measuresStageStart().plusMonths(1).minusDays(1).toString();
        Map<String, Object> values = new HashMap<>(Map.of("assessmentId", a.id(), "measureId", a.qualitativeMeasure(), "periodDue", period,
                "values", List.of(Map.of("indicatorId", a.qualitativeIndicator(), "value", "Bine"))));
        long before = events(monitoringId);
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "values",
                List.of(Map.of("indicatorId", a.qualitativeIndicator(), "value", "Excelent"))))), "BAD_REQUEST", "VALUE_NOT_OF_KIND", "values[0].value");
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "values",
                List.of(Map.of("indicatorId", a.numericIndicator(), "value", "3"))))), "BAD_REQUEST", "UNKNOWN_INDICATOR", "values[0].indicatorId");
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "periodDue", "2026-02-30"))), "BAD_REQUEST", "INVALID_INSTANT", "periodDue");
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "periodDue", today.plusDays(400).toString()))),
                "BAD_REQUEST", "PERIOD_UNKNOWN", "periodDue");
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "periodDue", f.lastDay().toString()))),
                "BAD_REQUEST", "PERIOD_NOT_STARTED", "periodDue");
        assertRefused(graphql(f.member(), VALUES, Map.of("i", with(values, "values", List.of()))), "BAD_REQUEST", "REQUIRED", null);
        assertThat(events(monitoringId)).isEqualTo(before);
        JsonNode entered = data(f.member(), VALUES, Map.of("i", values)).get("recordIndicatorValues");
        JsonNode indicator = measure(entered.at("/monitoring/measures"), a.qualitativeMeasure()).at("/indicators/0");
        assertThat(indicator.at("/values/0/periodDue").asString()).as(entered.toString()).isEqualTo(period);
        assertThat(indicator.at("/values/0/value").asString()).isEqualTo("Bine");
        assertThat(indicator.at("/values/0/byName").asString()).isEqualTo(f.memberName());
        // the same values again: nothing appended
        assertThat(data(f.member(), VALUES, Map.of("i", values)).at("/recordIndicatorValues/version").asLong())
                .isEqualTo(entered.at("/version").asLong());

        // UCA 80: an existing measure is not kept as existing, an additional one only once done
        assertRefused(graphql(f.member(), KEEP, Map.of("i", Map.of("assessmentId", a.id(), "measureId", a.existingMeasure()))),
                "BAD_REQUEST", "NOT_ADDITIONAL", null);
        assertRefused(graphql(f.member(), KEEP, Map.of("i", Map.of("assessmentId", a.id(), "measureId", a.qualitativeMeasure()))),
                "CONFLICT", "NOT_DONE", null);
        JsonNode kept = data(f.member(), KEEP, oneOff).get("keepMeasureAsExisting");
        assertThat(measure(kept.at("/monitoring/measures"), a.oneOffMeasure()).at("/keptAsExisting").asBoolean()).isTrue();

        // finalising before every measure is done is refused naming the measures
        JsonNode early = graphql(f.member(), FINALISE, Map.of("i", Map.of("assessmentId", a.id(), "expectedVersion",
                kept.at("/version").asLong())));
        assertRefused(early, "BAD_REQUEST", null, "measures");
        assertThat(firstError(early).at("/extensions/code").asString()).isIn("MEASURE_NOT_DONE", "INDICATOR_WITHOUT_VALUE");

        // the register shows the monitoring
        JsonNode register = data(f.head(), READ, Map.of("p", f.planId())).get("riskRegister");
        JsonNode shown = measure(register.at("/risks/0/measures"), a.oneOffMeasure());
        assertThat(shown.at("/done").asBoolean()).isTrue();
        assertThat(shown.at("/keptAsExisting").asBoolean()).isTrue();
        assertThat(register.at("/overdueMeasures").asInt()).isZero();

        // re-evaluation during monitoring (UCA 80): a line of the history, MEASURE_MONITOR, the member's own
        JsonNode assessment = data(f.member(), "query($id: ID!) { riskAssessment(id: $id) { version monitoring { registerEdition } } }",
                Map.of("id", a.id())).get("riskAssessment");
        assertThat(assessment.at("/monitoring/registerEdition").asInt()).isEqualTo(1);
        JsonNode dimensions = data(f.member(), "{ referenceEntries(list: IMPACT_DIMENSION) { id } }", Map.of()).get("referenceEntries");
        String reevaluate = "mutation($i: EvaluateRiskInput!) { reevaluateRisk(input: $i) { id version assessment { history { evaluation { exposure } } } } }";
        Map<String, Object> scores = Map.of("i", Map.of("id", a.id(), "probability", 3, "impacts", impacts(dimensions),
                "expectedVersion", assessment.at("/version").asLong()));
        assertRefused(graphql(f.owner(), reevaluate, scores), "FORBIDDEN", null, null);
        JsonNode reevaluated = data(f.member(), reevaluate, scores).get("reevaluateRisk");
        assertThat(reevaluated.at("/assessment/history").findValuesAsString("exposure")).containsExactly("11.96", "8.97");

        // UCA 80, the next period: the next edition starts with the kept measure as an existing one, to be scored on Anexa 8
        JsonNode next = data(f.member(), """
                mutation($i: RiskAssessmentVersionInput!) { startAssessmentEdition(input: $i) { version assessment {
                  status edition measures { measureId kind responsible criteria { addressesRisk } } } } }""",
                Map.of("i", Map.of("id", a.id(), "expectedVersion", reevaluated.at("/version").asLong())))
                .at("/startAssessmentEdition/assessment");
        assertThat(next.at("/status").asString()).isEqualTo("DRAFT");
        assertThat(next.at("/edition").asInt()).isEqualTo(2);
        JsonNode nowExisting = measure(next.at("/measures"), a.oneOffMeasure());
        assertThat(nowExisting.at("/kind").asString()).as(next.toString()).isEqualTo("EXISTING");
        assertThat(nowExisting.at("/responsible").isNull()).isTrue();
        assertThat(nowExisting.at("/criteria/addressesRisk").isNull()).isTrue();
        assertThat(measure(next.at("/measures"), a.qualitativeMeasure()).at("/kind").asString()).isEqualTo("ADDITIONAL");
    }

    // ==================================================================== UCA 80: the next plan

    @Test
    void the_next_plan_s_assessment_of_the_risk_starts_with_what_the_previous_plan_kept_as_existing() {
        Fixture f = newFixture();
        saved(f);
        Assessment a = f.first();
        Map<String, Object> oneOff = Map.of("i", Map.of("assessmentId", a.id(), "measureId", a.oneOffMeasure()));
        data(f.member(), MARK, oneOff);
        data(f.member(), KEEP, oneOff);

        // the year ends; the head closes the plan and draws up the next one, with the same member on Poliție rutieră
        long planVersion = data(f.head(), "query($p: ID!) { plan(id: $p) { version } }", Map.of("p", f.planId()))
                .at("/plan/version").asLong();
        data(f.head(), "mutation($i: PlanVersionInput!) { closePlan(input: $i) { id } }",
                Map.of("i", Map.of("id", f.planId(), "expectedVersion", planVersion)));
        String memberId = data(f.member(), "{ viewer { user { id } } }", Map.of()).at("/viewer/user/id").asString();
        List<Map<String, Object>> members = List.of(Map.of("userId", memberId, "workUnitIds", List.of(RUTIERA),
                "questionnaireRequired", false));
        String nextPlan = data(f.head(), "mutation($i: DraftPlanInput!) { draftPlan(input: $i) { id } }", Map.of("i", Map.of(
                "orgUnitId", f.orgUnitId(), "purpose", "Anul următor", "members", members))).at("/draftPlan/id").asString();
        LocalDate today = LocalDate.now(BUCHAREST);
        data(f.head(), "mutation($i: EditPlanInput!) { editPlan(input: $i) { id } }", Map.of("i", Map.of("id", nextPlan,
                "startDate", today.toString(), "purpose", "Anul următor", "members", members,
                "deadlines", Map.of("identification", today.plusDays(30).toString(), "evaluation", today.plusDays(60).toString(),
                        "measures", today.plusDays(90).toString()), "expectedVersion", 1)));
        data(f.head(), "mutation($i: PlanVersionInput!) { activatePlan(input: $i) { id } }",
                Map.of("i", Map.of("id", nextPlan, "expectedVersion", 2)));

        // the member's Anexa 3 of the new plan selects the activity again; their new Anexa 4 of the risk starts from
        // the kept measure, as an existing one to be scored on Anexa 8
        String activityId = DemoNomenclature.activityId(ALCOOL).toString();
        JsonNode analysis = data(f.member(), "mutation($p: ID!, $w: ID!) { startActivityAnalysis(input: {planId: $p, workUnitId: $w}) { id version } }",
                Map.of("p", nextPlan, "w", RUTIERA)).get("startActivityAnalysis");
        long v = data(f.member(), "mutation($i: SaveActivityAnalysisInput!) { saveActivityAnalysis(input: $i) { version } }",
                Map.of("i", Map.of("id", analysis.at("/id").asString(), "expectedVersion", analysis.at("/version").asLong(),
                        "activities", List.of(Map.of("activityId", activityId, "tasks", List.of(Map.of(
                                "taskId", DemoNomenclature.taskId(ALCOOL, TESTARE).toString(), "periodicity", "DAILY")))))))
                .at("/saveActivityAnalysis/version").asLong();
        data(f.member(), "mutation($id: ID!, $v: Int!) { finaliseActivityAnalysis(input: {id: $id, expectedVersion: $v}) { id } }",
                Map.of("id", analysis.at("/id").asString(), "v", v));
        String next = UUID.randomUUID().toString();
        JsonNode started = data(f.member(), """
                mutation($i: StartRiskAssessmentInput!) { startRiskAssessment(input: $i) { version assessment {
                  status edition measures { measureId kind description responsible criteria { addressesRisk }
                  indicators { indicatorId kind } } } } }""",
                Map.of("i", Map.of("id", next, "planId", nextPlan, "workUnitId", RUTIERA, "activityId", activityId,
                        "riskId", DemoNomenclature.riskId(ALCOOL, RISK).toString()))).get("startRiskAssessment");
        assertThat(started.at("/version").asLong()).isEqualTo(2); // started, then the draft with the kept measure
        JsonNode measures = started.at("/assessment/measures");
        assertThat(measures.size()).as(started.toString()).isEqualTo(1);
        JsonNode carried = measure(measures, a.oneOffMeasure());
        assertThat(carried.at("/kind").asString()).isEqualTo("EXISTING");
        assertThat(carried.at("/description").asString()).isEqualTo("Sigilarea probelor la recoltare");
        assertThat(carried.at("/responsible").isNull()).isTrue();
        assertThat(carried.at("/indicators/0/indicatorId").asString()).isEqualTo(a.doneIndicator());
        // the second member kept nothing: their new assessment of the risk would start empty; the other work units too
    }

    // ==================================================================== G04: risk owners

    @Test
    void risk_owners_evaluate_the_saved_register_s_measures_all_or_none() {
        Fixture f = newFixture();
        Assessment b = f.second();
        Map<String, Object> evaluation = Map.of("assessmentId", b.id(), "measureId", b.qualitativeMeasure(),
                "indicatorId", b.qualitativeIndicator(), "value", "Foarte bine");
        Map<String, Object> good = Map.of("i", Map.of("planId", f.planId(), "evaluations", List.of(evaluation)));
        saved(f);
        UUID registerId = RegisterIds.of(UUID.fromString(f.planId()));
        long before = events(registerId);

        // only risk owners evaluate (MEASURE_EVALUATE), their own structure's
        assertRefused(graphql(f.member(), EVALUATE, good), "FORBIDDEN", null, null);
        assertRefused(graphql(f.head(), EVALUATE, good), "FORBIDDEN", null, null);
        assertRefused(graphql("owner.cluj", EVALUATE, good), "FORBIDDEN", null, null);
        // all or none: a bad value among good ones names its index
        Map<String, Object> bad = new HashMap<>(evaluation);
        bad.put("value", "Excelent");
        JsonNode refused = graphql(f.owner(), EVALUATE, Map.of("i", Map.of("planId", f.planId(), "evaluations", List.of(evaluation, bad))));
        assertRefused(refused, "BAD_REQUEST", "VALUE_NOT_OF_KIND", "evaluations[1].value");
        Map<String, Object> unknown = new HashMap<>(evaluation);
        unknown.put("indicatorId", UUID.randomUUID().toString());
        assertRefused(graphql(f.owner(), EVALUATE, Map.of("i", Map.of("planId", f.planId(), "evaluations", List.of(unknown)))),
                "BAD_REQUEST", null, "evaluations[0].indicatorId");
        assertRefused(graphql(f.owner(), EVALUATE, Map.of("i", Map.of("planId", f.planId(), "evaluations", List.of()))),
                "BAD_REQUEST", "REQUIRED", null);
        assertThat(events(registerId)).isEqualTo(before);

        JsonNode register = data(f.owner(), EVALUATE, good).at("/evaluateRegisterMeasures/register");
        JsonNode entries = measure(register.at("/risks/0/measures"), b.qualitativeMeasure()).at("/indicators/0/evaluations");
        assertThat(entries.size()).as(register.toString()).isEqualTo(1);
        assertThat(entries.at("/0/value").asString()).isEqualTo("Foarte bine");
        assertThat(entries.at("/0/personName").asString()).as("the person is the caller").isEqualTo(f.ownerName());
        assertThat(entries.at("/0/source").asString()).isEqualTo("RISK_OWNER");
    }

    private static List<Map<String, Object>> replaced(List<Map<String, Object>> list, int index, Map<String, Object> element) {
        List<Map<String, Object>> copy = new ArrayList<>(list);
        copy.set(index, element);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
