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
import ro.marc.events.assessment.event.RiskAssessmentDraftSaved;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the risk assessments into the {@link AssessmentIndex}. Each written document is whole: the subject's
 * names (risk, activity, domain, work unit, structure, member, plan), the four description lists, the names of the
 * effects and causes, the measures (description, responsible) and their indicators. A draft save carries only the
 * description and measures, so the subject's names are kept from the start (and from each finalised edition) in
 * this group's own table {@code assessment_search_subject}. The assessment's own version ({@code seq + 1}) is the
 * external version, so a replayed or late event is refused by Elasticsearch and changes nothing; the events that
 * change no text (evaluations, editions, inactivation) write nothing.
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
        jdbc.sql("DELETE FROM assessment_search_subject").update();
        index.recreate();
    }

    @EventHandler
    void on(RiskAssessmentStarted event, @SequenceNumber long seq) {
        List<String> subject = nonNull(event.riskName(), event.activityName(), event.domainName(), event.workUnitName(),
                event.orgUnitName(), event.memberName(), event.planPurpose());
        keep(event.assessmentId(), subject);
        index.put(this, event.assessmentId(), subject, seq);
    }

    @EventHandler
    void on(RiskAssessmentDraftSaved event, @SequenceNumber long seq) {
        List<String> texts = new ArrayList<>(subject(event.assessmentId()));
        texts.addAll(content(event.description(), event.measures(), event.names()));
        index.put(this, event.assessmentId(), texts, seq);
    }

    @EventHandler
    void on(RiskAssessmentFinalised event, @SequenceNumber long seq) {
        AssessmentEdition e = event.edition();
        List<String> subject = nonNull(e.riskName(), e.activityName(), e.domainName(), e.workUnitName(),
                e.orgUnitName(), e.memberName(), e.planPurpose());
        keep(event.assessmentId(), subject);
        List<String> texts = new ArrayList<>(subject);
        texts.addAll(content(e.description(), e.measures(), e.names()));
        index.put(this, event.assessmentId(), texts, seq);
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
        return texts;
    }

    private void keep(UUID assessmentId, List<String> subject) {
        jdbc.sql("""
                INSERT INTO assessment_search_subject (assessment_id, texts) VALUES (?, CAST(? AS jsonb))
                ON CONFLICT (assessment_id) DO UPDATE SET texts = EXCLUDED.texts""")
                .params(assessmentId, json.writeValueAsString(subject)).update();
    }

    private List<String> subject(UUID assessmentId) {
        return jdbc.sql("SELECT texts FROM assessment_search_subject WHERE assessment_id = ?").params(assessmentId)
                .query((rs, n) -> json.readValue(rs.getString(1), TEXTS)).optional().orElse(List.of());
    }

    private static List<String> nonNull(String... texts) {
        List<String> list = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                list.add(text);
            }
        }
        return list;
    }
}
