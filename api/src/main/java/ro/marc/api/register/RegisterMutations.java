package ro.marc.api.register;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.JudgedCommands;
import ro.marc.api.authorization.Permission;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.RecordMeasureEvaluations;
import ro.marc.events.register.command.SaveRiskRegister;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.RegisterView;

import java.util.Optional;
import java.util.UUID;

/**
 * The register's (Anexa 10) mutations, one command each, authorised over the plan's structure first: generate and
 * save with REGISTER_WRITE (the structure's head and integrity counsellor, §2.3), the risk owners' evaluations with
 * MEASURE_EVALUATE (G04). The command judges the rest (the caller's role in the plan's structure, the plan active,
 * every schedule and evaluation, naming the field). Every change returns once the read model shows its version.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class RegisterMutations {

    /** {@code id} the register's, {@code planId} to read it back. */
    public record RegisterPayload(UUID id, long version, UUID planId) {
    }

    private final JudgedCommands commands;
    private final RegisterQueries registers;

    public RegisterMutations(JudgedCommands commands, RegisterQueries registers) {
        this.commands = commands;
        this.registers = registers;
    }

    @MutationMapping
    public RegisterPayload generateRiskRegister(@Argument RegisterInputs.GenerateInput input) {
        String operation = "generateRiskRegister";
        UUID planId = commands.authoriseUnderPlan(Permission.REGISTER_WRITE, operation, input.planId());
        return send(operation, planId, new GenerateRiskRegister(RegisterIds.of(planId), planId));
    }

    @MutationMapping
    public RegisterPayload saveRiskRegister(@Argument RegisterInputs.SaveInput input) {
        String operation = "saveRiskRegister";
        UUID planId = commands.authoriseUnderPlan(Permission.REGISTER_WRITE, operation, input.planId());
        return send(operation, planId, new SaveRiskRegister(RegisterIds.of(planId), planId, input.registrationNumber(),
                input.approverName(), RegisterInputs.schedules(input.schedules()), input.expectedVersion()));
    }

    @MutationMapping
    public RegisterPayload evaluateRegisterMeasures(@Argument RegisterInputs.EvaluateInput input) {
        String operation = "evaluateRegisterMeasures";
        UUID planId = commands.authoriseUnderPlan(Permission.MEASURE_EVALUATE, operation, input.planId());
        return send(operation, planId, new RecordMeasureEvaluations(RegisterIds.of(planId), planId,
                EvaluationSource.RISK_OWNER, RegisterInputs.evaluations(input.evaluations())));
    }

    @SchemaMapping(typeName = "RiskRegisterPayload")
    public RegisterView register(RegisterPayload payload) {
        return registers.register(payload.planId()).orElse(null);
    }

    private RegisterPayload send(String operation, UUID planId, Object command) {
        long version = commands.send(operation, planId, command, () -> Optional.of(registers.version(planId)), Long::longValue);
        return new RegisterPayload(RegisterIds.of(planId), version, planId);
    }
}
