package ro.marc.command.assessment;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import ro.marc.events.assessment.event.RiskEvaluated;
import ro.marc.events.methodology.RiskEvaluation;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The risk assessments' command-side lookup ({@code assessment_edition_lookup}), kept by {@link CommandLookups} in
 * the transaction of every start, finalisation, evaluation, inactivation and reactivation: each assessment's last
 * finalised edition (JSON, as {@link ro.marc.command.methodology.MethodologyLookup} stores its tables) and its
 * current evaluation. A {@link RiskEvaluated} of the finalised edition (the re-evaluation during monitoring, UCA 80)
 * replaces the evaluation the register shows; one of a later draft edition does not, until that edition is
 * finalised. Guarded by the row's {@code last_seq}, so an event applied twice or late changes nothing.
 */
@Component
public class AssessmentEditionLookup implements CommandLookup, FinalisedAssessments {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "assessment_edition_lookup";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Class<?>> HANDLED = Set.of(RiskAssessmentStarted.class, RiskAssessmentFinalised.class,
            RiskEvaluated.class, RiskAssessmentInactivated.class, RiskAssessmentReactivated.class);

    private final JdbcClient jdbc;

    public AssessmentEditionLookup(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<IdentifiedEdition> editionsUnder(UUID planId) {
        if (planId == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT assessment_id, edition, evaluation, active FROM assessment_edition_lookup
                         WHERE plan_id = ? AND active AND edition IS NOT NULL
                         ORDER BY work_unit_name, member_name, assessment_id""")
                .param(planId).query((rs, n) -> new IdentifiedEdition(rs.getObject("assessment_id", UUID.class),
                        row(rs, n).edition())).list();
    }

    @Override
    public Optional<FinalisedAssessment> finalised(UUID assessmentId) {
        if (assessmentId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT edition, evaluation, active FROM assessment_edition_lookup WHERE assessment_id = ? AND edition IS NOT NULL")
                .param(assessmentId).query(AssessmentEditionLookup::row).optional();
    }

    private static FinalisedAssessment row(ResultSet rs, int row) throws SQLException {
        AssessmentEdition edition = JSON.readValue(rs.getString("edition"), AssessmentEdition.class);
        String evaluation = rs.getString("evaluation");
        return new FinalisedAssessment(evaluation == null ? edition
                : withEvaluation(edition, JSON.readValue(evaluation, RiskEvaluation.class)), rs.getBoolean("active"));
    }

    /** The edition as the register shows it: the finalised content with the current evaluation. */
    static AssessmentEdition withEvaluation(AssessmentEdition e, RiskEvaluation evaluation) {
        return new AssessmentEdition(e.edition(), e.planId(), e.planPurpose(), e.orgUnitId(), e.orgUnitName(), e.county(),
                e.workUnitId(), e.workUnitName(), e.domainId(), e.domainName(), e.activityId(), e.activityName(), e.riskId(),
                e.riskName(), e.memberUserId(), e.memberName(), e.finalisedOn(), e.stageDeadline(), e.late(), e.description(),
                evaluation, e.measures(), e.effectiveness(), e.names());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        long seq = event.getSequenceNumber();
        switch (event.getPayload()) {
            case RiskAssessmentStarted started -> jdbc.sql("""
                            INSERT INTO assessment_edition_lookup (assessment_id, plan_id, org_unit_id, work_unit_name,
                                                                   member_name, active, last_seq)
                            VALUES (?, ?, ?, ?, ?, true, ?)
                            ON CONFLICT (assessment_id) DO NOTHING""")
                    .params(started.assessmentId(), started.planId(), started.orgUnitId(), nonNull(started.workUnitName()),
                            nonNull(started.memberName()), seq).update();
            case RiskAssessmentFinalised finalised -> {
                AssessmentEdition edition = finalised.edition();
                jdbc.sql("""
                                UPDATE assessment_edition_lookup
                                   SET finalised_edition = ?, edition = CAST(? AS jsonb), evaluation = CAST(? AS jsonb),
                                       work_unit_name = ?, member_name = ?, last_seq = ?
                                 WHERE assessment_id = ? AND last_seq < ?""")
                        .params(edition.edition(), JSON.writeValueAsString(edition), json(edition.evaluation()),
                                nonNull(edition.workUnitName()), nonNull(edition.memberName()), seq,
                                finalised.assessmentId(), seq).update();
            }
            // only a scoring of the finalised edition (monitoring); a later draft's waits for its finalisation
            case RiskEvaluated evaluated -> jdbc.sql("""
                            UPDATE assessment_edition_lookup SET evaluation = CAST(? AS jsonb), last_seq = ?
                             WHERE assessment_id = ? AND last_seq < ? AND finalised_edition = ?""")
                    .params(json(evaluated.evaluation()), seq, evaluated.assessmentId(), seq, evaluated.edition()).update();
            case RiskAssessmentInactivated inactivated -> active(inactivated.assessmentId(), false, seq);
            case RiskAssessmentReactivated reactivated -> active(reactivated.assessmentId(), true, seq);
            default -> {
                // not an event of this lookup
            }
        }
    }

    private void active(UUID assessmentId, boolean active, long seq) {
        jdbc.sql("UPDATE assessment_edition_lookup SET active = ?, last_seq = ? WHERE assessment_id = ? AND last_seq < ?")
                .params(active, seq, assessmentId, seq).update();
    }

    private static String json(RiskEvaluation evaluation) {
        return evaluation == null ? null : JSON.writeValueAsString(evaluation);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM assessment_edition_lookup").update();
    }
}
