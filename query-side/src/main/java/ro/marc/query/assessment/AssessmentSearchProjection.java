package ro.marc.query.assessment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.event.AssessmentEditionStarted;
import ro.marc.events.assessment.event.RiskAssessmentDraftSaved;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import ro.marc.events.assessment.event.RiskEvaluated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Projects the risk assessments into the {@link AssessmentIndex}. Each written document is whole: the subject's
 * names (risk, activity, domain, work unit, structure, member, plan), the four description lists, the names of
 * the effects and causes, the measures (description, responsible) and their indicators. A draft save carries only
 * the content and an evaluation nothing to search, so the texts are kept in this group's own table
 * {@code assessment_search_text} and every event of the assessment rewrites the document from there, with the
 * assessment's own version ({@code seq + 1}) as the external version: the index's {@code _version} is always the
 * version clients see (the benchmark waits on it), and a replayed or late event is refused by Elasticsearch.
 */
@ProcessingGroup(AssessmentSearchProjection.PROCESSING_GROUP)
public class AssessmentSearchProjection {

    public static final String PROCESSING_GROUP = "assessment-elasticsearch";

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final AssessmentIndex index;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AssessmentSearchProjection(AssessmentIndex index, JdbcClient jdbc, JsonMapper json) {
        this.index = index;
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM assessment_search_text").update();
        index.recreate();
    }

    @EventHandler
    void on(RiskAssessmentStarted event, @SequenceNumber long seq) {
        List<String> subject = texts(event.riskName(), event.activityName(), event.domainName(), event.workUnitName(),
                event.orgUnitName(), event.memberName(), event.planPurpose());
        jdbc.sql("""
                INSERT INTO assessment_search_text (assessment_id, subject) VALUES (?, CAST(? AS jsonb))
                ON CONFLICT (assessment_id) DO NOTHING""")
                .params(event.assessmentId(), json.writeValueAsString(subject)).update();
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(RiskAssessmentDraftSaved event, @SequenceNumber long seq) {
        jdbc.sql("UPDATE assessment_search_text SET content = CAST(? AS jsonb) WHERE assessment_id = ?")
                .params(json.writeValueAsString(content(event.description(), event.measures(), event.names())),
                        event.assessmentId()).update();
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(RiskAssessmentFinalised event, @SequenceNumber long seq) {
        AssessmentEdition e = event.edition();
        List<String> subject = texts(e.riskName(), e.activityName(), e.domainName(), e.workUnitName(),
                e.orgUnitName(), e.memberName(), e.planPurpose());
        jdbc.sql("""
                INSERT INTO assessment_search_text (assessment_id, subject, content) VALUES (?, CAST(? AS jsonb), CAST(? AS jsonb))
                ON CONFLICT (assessment_id) DO UPDATE SET subject = EXCLUDED.subject, content = EXCLUDED.content""")
                .params(event.assessmentId(), json.writeValueAsString(subject),
                        json.writeValueAsString(content(e.description(), e.measures(), e.names()))).update();
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(RiskEvaluated event, @SequenceNumber long seq) {
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(AssessmentEditionStarted event, @SequenceNumber long seq) {
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(RiskAssessmentInactivated event, @SequenceNumber long seq) {
        write(event.assessmentId(), seq);
    }

    @EventHandler
    void on(RiskAssessmentReactivated event, @SequenceNumber long seq) {
        write(event.assessmentId(), seq);
    }

    /** The searched texts of the content: the four lists, the effects' and causes' names, the measures and indicators. */
    static List<String> content(RiskDescription description, List<Measure> measures, Map<UUID, String> names) {
        List<String> texts = new ArrayList<>();
        texts.addAll(description.exposedPersonnel());
        texts.addAll(description.controlWeaknesses());
        texts.addAll(description.threatSources());
        texts.addAll(description.cultureParticularities());
        description.effectIds().forEach(id -> texts.add(names.get(id)));
        description.regulatoryCauseIds().forEach(id -> texts.add(names.get(id)));
        for (Measure measure : measures) {
            texts.add(measure.description());
            texts.add(measure.responsible());
            measure.indicators().stream().map(Indicator::name).forEach(texts::add);
        }
        return texts.stream().filter(Objects::nonNull).toList();
    }

    /** The assessment's whole document, from the texts kept for it, at the event's version. */
    private void write(UUID assessmentId, long seq) {
        List<String> texts = jdbc.sql("SELECT subject, content FROM assessment_search_text WHERE assessment_id = ?")
                .params(assessmentId)
                .query((rs, n) -> {
                    List<String> all = new ArrayList<>(json.readValue(rs.getString(1), TEXTS));
                    all.addAll(json.readValue(rs.getString(2), TEXTS));
                    return all;
                }).optional().orElse(List.of());
        index.put(this, assessmentId, texts, seq);
    }

    private static List<String> texts(String... texts) {
        return java.util.Arrays.stream(texts).filter(Objects::nonNull).toList();
    }
}
