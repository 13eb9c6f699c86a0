package ro.marc.api.register;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.assessment.AssessmentInputs;
import ro.marc.api.assessment.AssessmentMutations.AssessmentPayload;
import ro.marc.api.authorization.JudgedCommands;
import ro.marc.api.authorization.Permission;
import ro.marc.events.assessment.command.ReevaluateRisk;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.command.FinaliseMonitoring;
import ro.marc.events.monitoring.command.KeepMeasureAsExisting;
import ro.marc.events.monitoring.command.MarkMeasureDone;
import ro.marc.events.monitoring.command.RecordIndicatorValues;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.MonitoringView;

import java.util.Optional;
import java.util.UUID;

/**
 * The monitoring of an assessment's measures (§2.4, UCA 80, 82), one command each: MEASURE_MONITOR over the
 * assessment's structure first (its head, counsellor and members); the command narrows it to the assessment's own
 * member (NOT_YOURS, recorded as a refusal of access) and judges the schedule, the periods and the values. Every change
 * returns once the read model shows the monitoring's version (the assessment's, for the re-evaluation).
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class MonitoringMutations {

    public record MonitoringPayload(UUID assessmentId, long version) {
    }

    private final JudgedCommands commands;
    private final RegisterQueries registers;
    private final AssessmentQueries assessments;

    public MonitoringMutations(JudgedCommands commands, RegisterQueries registers, AssessmentQueries assessments) {
        this.commands = commands;
        this.registers = registers;
        this.assessments = assessments;
    }

    @MutationMapping
    public MonitoringPayload markMeasureDone(@Argument RegisterInputs.MeasureActionInput input) {
        String operation = "markMeasureDone";
        UUID assessmentId = authorised(operation, input.assessmentId());
        UUID measureId = RegisterInputs.requiredId("measureId", input.measureId());
        return send(operation, assessmentId, new MarkMeasureDone(MonitoringIds.of(assessmentId), assessmentId, measureId));
    }

    @MutationMapping
    public MonitoringPayload recordIndicatorValues(@Argument RegisterInputs.RecordValuesInput input) {
        String operation = "recordIndicatorValues";
        UUID assessmentId = authorised(operation, input.assessmentId());
        UUID measureId = RegisterInputs.requiredId("measureId", input.measureId());
        return send(operation, assessmentId, new RecordIndicatorValues(MonitoringIds.of(assessmentId), assessmentId,
                measureId, RegisterInputs.requiredDate("periodDue", input.periodDue()), RegisterInputs.values(input.values())));
    }

    @MutationMapping
    public MonitoringPayload keepMeasureAsExisting(@Argument RegisterInputs.MeasureActionInput input) {
        String operation = "keepMeasureAsExisting";
        UUID assessmentId = authorised(operation, input.assessmentId());
        UUID measureId = RegisterInputs.requiredId("measureId", input.measureId());
        return send(operation, assessmentId, new KeepMeasureAsExisting(MonitoringIds.of(assessmentId), assessmentId, measureId));
    }

    @MutationMapping
    public MonitoringPayload finaliseMonitoring(@Argument RegisterInputs.MonitoringVersionInput input) {
        String operation = "finaliseMonitoring";
        UUID assessmentId = authorised(operation, input.assessmentId());
        return send(operation, assessmentId, new FinaliseMonitoring(MonitoringIds.of(assessmentId), assessmentId,
                input.expectedVersion()));
    }

    /** UCA 80: a line of the assessment's history; answered as the assessment's own changes are. */
    @MutationMapping
    public AssessmentPayload reevaluateRisk(@Argument AssessmentInputs.EvaluateInput input) {
        String operation = "reevaluateRisk";
        UUID id = commands.authorise(Permission.MEASURE_MONITOR, operation, input.id(), assessments::orgUnitOf);
        ReevaluateRisk command = new ReevaluateRisk(id, input.probability(), AssessmentInputs.impacts(input.impacts()),
                input.expectedVersion());
        return new AssessmentPayload(id, commands.send(operation, id, command, () -> Optional.of(assessments.version(id)),
                Long::longValue));
    }

    @SchemaMapping(typeName = "MeasureMonitoringPayload")
    public MonitoringView monitoring(MonitoringPayload payload) {
        return registers.monitoring(payload.assessmentId()).orElse(null);
    }

    /** MEASURE_MONITOR over the assessment's structure; the id is named {@code assessmentId} when malformed. */
    private UUID authorised(String operation, String rawAssessmentId) {
        UUID assessmentId = RegisterInputs.requiredId("assessmentId", rawAssessmentId);
        return commands.authorise(Permission.MEASURE_MONITOR, operation, assessmentId.toString(), assessments::orgUnitOf);
    }

    private MonitoringPayload send(String operation, UUID assessmentId, Object command) {
        return new MonitoringPayload(assessmentId, commands.send(operation, assessmentId, command,
                () -> Optional.of(registers.monitoringVersion(assessmentId)), Long::longValue));
    }
}
