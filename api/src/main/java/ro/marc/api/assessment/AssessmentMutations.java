package ro.marc.api.assessment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.JudgedCommands;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.events.assessment.command.EvaluateRisk;
import ro.marc.events.assessment.command.FinaliseRiskAssessment;
import ro.marc.events.assessment.command.InactivateRiskAssessment;
import ro.marc.events.assessment.command.ReactivateRiskAssessment;
import ro.marc.events.assessment.command.SaveRiskAssessmentDraft;
import ro.marc.events.assessment.command.StartAssessmentEdition;
import ro.marc.events.assessment.command.StartRiskAssessment;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.assessment.AssessmentView;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static ro.marc.api.common.Inputs.id;

/**
 * Risk assessment (Anexa 4) mutations, one command each. Authorised first: ASSESSMENT_WRITE over the structure of
 * the plan (start) or of the assessment (the others) — the caller's own structure. The member is always the caller;
 * the command decides the rest: the structure's active plan and the work unit it assigns the caller (a refusal naming
 * {@code workUnitId}, recorded as a refusal of access), the activity of their Anexa 3, the risk, that the assessment
 * is theirs (NOT_YOURS, recorded too), and the content. Every change returns once the read model shows it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AssessmentMutations {

    public record AssessmentPayload(UUID id, long version) {
    }

    public record StartInput(String id, String planId, String workUnitId, String activityId, String riskId) {
    }

    public record VersionInput(String id, long expectedVersion) {
    }

    private final JudgedCommands commands;
    private final AssessmentQueries assessments;
    private final AccessPolicy access;

    public AssessmentMutations(JudgedCommands commands, AssessmentQueries assessments, AccessPolicy access) {
        this.commands = commands;
        this.assessments = assessments;
        this.access = access;
    }

    @MutationMapping
    public AssessmentPayload startRiskAssessment(@Argument StartInput input) {
        String operation = "startRiskAssessment";
        UUID planId = commands.authoriseUnderPlan(Permission.ASSESSMENT_WRITE, operation, input.planId());
        UUID id = Inputs.idOrNew("id", input.id());
        access.trail().touched(id);
        return send(operation, id, new StartRiskAssessment(id, planId, id("workUnitId", input.workUnitId()),
                id("activityId", input.activityId()), id("riskId", input.riskId()), null));
    }

    @MutationMapping
    public AssessmentPayload saveRiskAssessmentDraft(@Argument AssessmentInputs.SaveInput input) {
        String operation = "saveRiskAssessmentDraft";
        UUID id = authorised(operation, input.id());
        return send(operation, id, new SaveRiskAssessmentDraft(id, AssessmentInputs.description(input.description()),
                AssessmentInputs.measures(input.measures()), input.expectedVersion()));
    }

    @MutationMapping
    public AssessmentPayload evaluateRisk(@Argument AssessmentInputs.EvaluateInput input) {
        String operation = "evaluateRisk";
        UUID id = authorised(operation, input.id());
        return send(operation, id, new EvaluateRisk(id, input.probability(), AssessmentInputs.impacts(input.impacts()),
                input.expectedVersion()));
    }

    @MutationMapping
    public AssessmentPayload finaliseRiskAssessment(@Argument VersionInput input) {
        return versioned("finaliseRiskAssessment", input, id -> new FinaliseRiskAssessment(id, input.expectedVersion()));
    }

    @MutationMapping
    public AssessmentPayload startAssessmentEdition(@Argument VersionInput input) {
        return versioned("startAssessmentEdition", input, id -> new StartAssessmentEdition(id, input.expectedVersion()));
    }

    @MutationMapping
    public AssessmentPayload inactivateRiskAssessment(@Argument VersionInput input) {
        return versioned("inactivateRiskAssessment", input, id -> new InactivateRiskAssessment(id, input.expectedVersion()));
    }

    @MutationMapping
    public AssessmentPayload reactivateRiskAssessment(@Argument VersionInput input) {
        return versioned("reactivateRiskAssessment", input, id -> new ReactivateRiskAssessment(id, input.expectedVersion()));
    }

    @SchemaMapping(typeName = "RiskAssessmentPayload")
    public AssessmentView assessment(AssessmentPayload payload) {
        return assessments.assessment(payload.id()).orElse(null);
    }

    // ---------------------------------------------------------------- helpers

    /** ASSESSMENT_WRITE over the assessment's structure; an unknown assessment is the command's NOT_FOUND. */
    private UUID authorised(String operation, String rawId) {
        return commands.authorise(Permission.ASSESSMENT_WRITE, operation, rawId,
                assessments::orgUnitOf);
    }

    /** A change that takes only the assessment and its expected version. */
    private AssessmentPayload versioned(String operation, VersionInput input, Function<UUID, Object> command) {
        UUID id = authorised(operation, input.id());
        return send(operation, id, command.apply(id));
    }

    private AssessmentPayload send(String operation, UUID id, Object command) {
        return new AssessmentPayload(id, commands.send(operation, id, command, () -> Optional.of(assessments.version(id)),
                Long::longValue));
    }
}
