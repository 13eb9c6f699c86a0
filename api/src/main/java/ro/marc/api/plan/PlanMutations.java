package ro.marc.api.plan;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.ClosePlan;
import ro.marc.events.plan.command.DraftPlan;
import ro.marc.events.plan.command.EditPlan;
import ro.marc.query.plan.PlanQueries;
import ro.marc.query.plan.PlanView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Plan mutations (Anexa 1): each authorised first (PLAN_EDIT on the plan's org unit: the structure's
 * working-group head or integrity counsellor), its input translated, ONE command sent; the payload shows the
 * plan once the read model has it (read-your-writes). The rules about the content (dates, members, work
 * units, one active plan per structure) are the Plan aggregate's.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class PlanMutations {

    public record PlanMemberInput(String userId, List<String> workUnitIds, Boolean questionnaireRequired,
                                  Boolean followsMemberWorkflow) {
    }

    public record StageDeadlinesInput(String identification, String evaluation, String measures) {
    }

    public record DraftPlanInput(String id, String orgUnitId, String startDate, String purpose, List<PlanMemberInput> members,
                                 StageDeadlinesInput deadlines) {
    }

    public record EditPlanInput(String id, String startDate, String purpose, List<PlanMemberInput> members,
                                StageDeadlinesInput deadlines, long expectedVersion) {
    }

    public record PlanVersionInput(String id, long expectedVersion) {
    }

    public record PlanPayload(UUID id, long version, PlanView plan) {
    }

    private final CommandSender commands;
    private final PlanQueries plans;
    private final AccessPolicy access;

    public PlanMutations(CommandSender commands, PlanQueries plans, AccessPolicy access) {
        this.commands = commands;
        this.plans = plans;
        this.access = access;
    }

    @MutationMapping
    public PlanPayload draftPlan(@Argument DraftPlanInput input) {
        UUID orgUnitId = id("orgUnitId", input.orgUnitId());
        access.requireOrgUnit(Permission.PLAN_EDIT, "draftPlan", orgUnitId);
        UUID id = Inputs.idOrNew("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new DraftPlan(id, orgUnitId, Inputs.date("startDate", input.startDate()),
                input.purpose(), members(input.members()), deadlines(input.deadlines()))));
    }

    @MutationMapping
    public PlanPayload editPlan(@Argument EditPlanInput input) {
        UUID id = requireEditable("editPlan", input.id());
        return done(id, commands.send(new EditPlan(id, Inputs.date("startDate", input.startDate()), input.purpose(),
                members(input.members()), deadlines(input.deadlines()), input.expectedVersion())));
    }

    @MutationMapping
    public PlanPayload activatePlan(@Argument PlanVersionInput input) {
        UUID id = requireEditable("activatePlan", input.id());
        return done(id, commands.send(new ActivatePlan(id, input.expectedVersion())));
    }

    @MutationMapping
    public PlanPayload closePlan(@Argument PlanVersionInput input) {
        UUID id = requireEditable("closePlan", input.id());
        return done(id, commands.send(new ClosePlan(id, input.expectedVersion())));
    }

    /**
     * PLAN_EDIT on the plan's org unit. A plan the read model does not know (after a short wait for one drafted a
     * moment ago) is refused: nobody edits plans nationally, so an unknown plan is outside every caller's reach.
     */
    private UUID requireEditable(String operation, String rawId) {
        UUID id = id("id", rawId);
        access.require(Permission.PLAN_EDIT, operation);
        access.trail().touched(id);
        Optional<PlanView> plan = access.awaitKnown(() -> plans.plan(id));
        if (plan.isEmpty()) {
            throw access.deny(operation, id, "the plan is not within the caller's reach");
        }
        access.requireOrgUnit(Permission.PLAN_EDIT, operation, plan.get().orgUnitId());
        return id;
    }

    private PlanPayload done(UUID id, long version) {
        PlanView plan = ReadYourWrites.awaitVersion(() -> plans.plan(id), PlanView::version, version);
        return new PlanPayload(id, version, plan);
    }

    private static List<PlanMember> members(List<PlanMemberInput> members) {
        if (members == null) {
            return null;
        }
        List<PlanMember> result = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            PlanMemberInput m = members.get(i);
            String field = "members[" + i + "]";
            List<UUID> workUnits = new ArrayList<>();
            if (m.workUnitIds() != null) {
                for (String w : m.workUnitIds()) {
                    workUnits.add(id(field + ".workUnitIds", w));
                }
            }
            result.add(new PlanMember(id(field + ".userId", m.userId()), workUnits,
                    Boolean.TRUE.equals(m.questionnaireRequired()), Boolean.TRUE.equals(m.followsMemberWorkflow())));
        }
        return result;
    }

    private static StageDeadlines deadlines(StageDeadlinesInput in) {
        if (in == null) {
            return null;
        }
        return new StageDeadlines(Inputs.date("deadlines.identification", in.identification()),
                Inputs.date("deadlines.evaluation", in.evaluation()), Inputs.date("deadlines.measures", in.measures()));
    }
}
