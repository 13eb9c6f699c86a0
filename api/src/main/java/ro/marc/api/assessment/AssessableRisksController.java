package ro.marc.api.assessment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.plan.PlanMember;
import ro.marc.query.analysis.AnalysisQueries;
import ro.marc.query.analysis.AnalysisView.NamedRef;
import ro.marc.query.nomenclature.ItemView;
import ro.marc.query.nomenclature.NomenclatureQueries;
import ro.marc.query.nomenclature.ProposalVisibility;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.WorkUnitView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * §2.2.3 step by step, so a front end fills the form's three lists: the work units the structure's active plan assigns
 * the caller (an A103 counsellor: every work unit the structure holds) → the activities of the caller's last finalised
 * Anexa 3 of each → the risks of each activity the caller may choose (approved, or their own pending proposals). The
 * same rules the command applies on start, read from the plan lookup and the read models; ASSESSMENT_WRITE over the
 * plan's structure.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AssessableRisksController {

    /** Risks listed per activity (an activity has a handful). */
    static final int MAX_RISKS = 500;

    public record AssessableRisk(UUID riskId, String name, ItemStatus status) {
    }

    public record AssessableActivity(UUID activityId, String name, List<AssessableRisk> risks) {
    }

    public record AssessableWorkUnit(UUID workUnitId, String workUnitName, List<AssessableActivity> activities) {
    }

    private final ActivePlans plans;
    private final OrgQueries org;
    private final AnalysisQueries analyses;
    private final NomenclatureQueries nomenclature;
    private final AccessPolicy access;

    public AssessableRisksController(ActivePlans plans, OrgQueries org, AnalysisQueries analyses,
                                     NomenclatureQueries nomenclature, AccessPolicy access) {
        this.plans = plans;
        this.org = org;
        this.analyses = analyses;
        this.nomenclature = nomenclature;
        this.access = access;
    }

    /** Empty when the plan is unknown or not active, or does not name the caller. */
    @QueryMapping
    public List<AssessableWorkUnit> assessableRisks(@Argument String planId, @Argument String workUnitId) {
        String operation = "assessableRisks";
        access.require(Permission.ASSESSMENT_WRITE, operation);
        UUID planUuid = id("planId", planId);
        UUID onlyWorkUnit = id("workUnitId", workUnitId);
        Optional<PlanFact> plan = plans.plan(planUuid);
        if (plan.isEmpty()) {
            return List.of();
        }
        access.requireOrgUnit(Permission.ASSESSMENT_WRITE, operation, plan.get().orgUnitId());
        UUID caller = access.caller().userId();
        Optional<PlanMember> member = plan.get().member(caller);
        if (!plan.get().active() || member.isEmpty()) {
            return List.of();
        }
        List<WorkUnitView> structure = org.workUnitsOf(List.of(plan.get().orgUnitId()))
                .getOrDefault(plan.get().orgUnitId(), List.of());
        List<AssessableWorkUnit> assessable = new ArrayList<>();
        for (WorkUnitView workUnit : structure) {
            boolean assigned = plan.get().assigns(caller, workUnit.id(), id -> true);
            if (workUnit.retired() || !assigned || onlyWorkUnit != null && !onlyWorkUnit.equals(workUnit.id())) {
                continue;
            }
            List<AssessableActivity> activities = new ArrayList<>();
            for (NamedRef activity : analyses.selectedActivities(planUuid, caller, workUnit.id())) {
                activities.add(new AssessableActivity(activity.id(), activity.name(), risks(activity.id(), caller)));
            }
            assessable.add(new AssessableWorkUnit(workUnit.id(), workUnit.name(), activities));
        }
        return assessable;
    }

    /** The activity's approved risks and the caller's own pending proposals, by name. */
    private List<AssessableRisk> risks(UUID activityId, UUID caller) {
        List<AssessableRisk> risks = new ArrayList<>();
        for (ItemView risk : nomenclature.children(activityId, ItemKind.RISK, ProposalVisibility.own(caller.toString()),
                false, MAX_RISKS, null).items()) {
            boolean ownProposal = risk.status() == ItemStatus.PROPOSED && caller.toString().equals(risk.proposerUserId());
            if (risk.status() == ItemStatus.APPROVED || ownProposal) {
                risks.add(new AssessableRisk(risk.id(), risk.name(), risk.status()));
            }
        }
        return risks;
    }
}
