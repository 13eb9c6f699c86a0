package ro.marc.command.plan;

import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.plan.ActivePlans.PlanFact;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Under the structure's active plan, only for the work units it assigns them, each member their own": the rules
 * every member workflow of the yearly campaign checks on each command (the activity analysis, Anexa 3; the risk
 * assessment, Anexa 4), with the same typed refusals everywhere.
 */
public final class PlanAssignments {

    /** The caller id of MARC itself (seeding), which acts for any member. */
    public static final String SYSTEM = "system";

    private PlanAssignments() {
    }

    /**
     * The member a command is for: the caller (FORBIDDEN NOT_YOURSELF when it names someone else, NO_ACCOUNT when the
     * caller is no MARC account); MARC itself (seeding) names them (INVALID REQUIRED when it does not).
     *
     * @param what what the member draws up, for the messages ("an activity analysis")
     */
    public static UUID member(String userId, UUID named, String what) {
        if (SYSTEM.equals(userId)) {
            if (named == null) {
                throw CommandRejected.invalid("memberUserId", "REQUIRED", "Seeding names the member");
            }
            return named;
        }
        UUID caller = caller(userId, what);
        if (named != null && !named.equals(caller)) {
            throw CommandRejected.forbidden("memberUserId", "NOT_YOURSELF", named, "A member draws up only their own: " + what);
        }
        return caller;
    }

    /** Only its member (or MARC itself) acts on what a member draws up: FORBIDDEN NOT_YOURS naming {@code field}. */
    public static void requireMember(String userId, UUID memberUserId, String field, UUID id, String what) {
        if (!SYSTEM.equals(userId) && !memberUserId.equals(caller(userId, what))) {
            throw CommandRejected.forbidden(field, "NOT_YOURS", id, "Only its member edits " + what);
        }
    }

    private static UUID caller(String userId, String what) {
        try {
            return UUID.fromString(userId);
        } catch (RuntimeException e) {
            throw CommandRejected.forbidden("memberUserId", "NO_ACCOUNT", userId, "Only a MARC account draws up " + what);
        }
    }

    /**
     * The plan is the structure's active plan, the member's structure's, and assigns them the work unit (A103: a
     * counsellor following the member workflow, every work unit the structure holds). Refusals: NOT_FOUND
     * {@code planId}; FORBIDDEN OTHER_STRUCTURE, NOT_A_PLAN_MEMBER ({@code planId}) and WORK_UNIT_NOT_ASSIGNED
     * ({@code workUnitId}); CONFLICT NO_ACTIVE_PLAN and PLAN_NOT_ACTIVE ({@code planId}).
     *
     * @param what what is drawn up under the plan, for the messages ("an activity analysis")
     * @return the active plan
     */
    public static PlanFact require(ActivePlans plans, OrgFacts org, UUID planId, AccountFact account, UUID workUnitId,
                                   String what) {
        PlanFact plan = plans.plan(planId).orElseThrow(() -> CommandRejected.notFound("planId", planId, "Plan"));
        if (!plan.orgUnitId().equals(account.orgUnitId())) {
            throw CommandRejected.forbidden("planId", "OTHER_STRUCTURE", planId,
                    "The plan is another structure's: '" + account.displayName() + "' works under their own structure's plan");
        }
        Optional<PlanFact> active = plans.activePlanOf(plan.orgUnitId());
        if (active.isEmpty()) {
            throw new CommandRejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN",
                    "The structure has no active plan: " + what + " is drawn up only under an active plan",
                    Map.of("id", String.valueOf(planId)));
        }
        if (!active.get().planId().equals(planId)) {
            throw new CommandRejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE",
                    "The plan '" + plan.purpose() + "' is not the structure's active plan ('" + active.get().purpose() + "')",
                    Map.of("id", String.valueOf(planId), "activePlanId", String.valueOf(active.get().planId())));
        }
        PlanFact current = active.get();
        if (current.member(account.userId()).isEmpty()) {
            throw CommandRejected.forbidden("planId", "NOT_A_PLAN_MEMBER", planId,
                    "'" + account.displayName() + "' is not a member of the plan '" + current.purpose() + "'");
        }
        Optional<OrgUnitFact> unit = org.orgUnit(current.orgUnitId());
        if (!current.assigns(account.userId(), workUnitId, wu -> unit.map(u -> u.holds(wu)).orElse(false))) {
            throw CommandRejected.forbidden("workUnitId", "WORK_UNIT_NOT_ASSIGNED", workUnitId,
                    "The plan '" + current.purpose() + "' does not assign this work unit to '" + account.displayName() + "'");
        }
        return current;
    }
}
