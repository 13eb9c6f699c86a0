package ro.marc.command.plan;

import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the command handlers of other capabilities may ask about plans (Anexa 1): a named query over the
 * plan's command-side lookup, written in the transaction of every plan event, so it is as fresh as the
 * event store on every node. "No Anexa 2, 3 or 4 without an active plan" and "only under the work units
 * assigned to them" are decided with it. Aggregate tests register an in-memory implementation.
 */
public interface ActivePlans {

    /** The org unit's one active plan, or empty when it has none. */
    Optional<PlanFact> activePlanOf(UUID orgUnitId);

    /** Any plan by id (draft, active or closed), or empty when none has this id. */
    Optional<PlanFact> plan(UUID planId);

    /**
     * A plan as the rules need it.
     *
     * @param members the plan's members by account id
     */
    record PlanFact(UUID planId, UUID orgUnitId, PlanStatus status, String purpose, LocalDate startDate,
                    StageDeadlines deadlines, Map<UUID, PlanMember> members) {

        public PlanFact {
            members = Map.copyOf(members);
        }

        public boolean active() {
            return status == PlanStatus.ACTIVE;
        }

        /** The measures stage's first day: the day after the evaluation-stage deadline (A101's n+1 rule); null in a draft without it. */
        public LocalDate measuresStageStart() {
            return deadlines == null || deadlines.evaluation() == null ? null : deadlines.evaluation().plusDays(1);
        }

        /** The plan's last day: a yearly plan runs from its start date for one year (start + 1 year − 1 day). */
        public LocalDate lastDay() {
            return startDate == null ? null : startDate.plusYears(1).minusDays(1);
        }

        public Optional<PlanMember> member(UUID userId) {
            return Optional.ofNullable(members.get(userId));
        }

        /**
         * "Work units assigned to them": the member's work units in this plan; for an integrity counsellor
         * following the member workflow (A103), every work unit the structure holds ({@code structureHolds}).
         */
        public boolean assigns(UUID userId, UUID workUnitId, Predicate<UUID> structureHolds) {
            PlanMember member = members.get(userId);
            if (member == null || workUnitId == null) {
                return false;
            }
            return member.followsMemberWorkflow() ? structureHolds.test(workUnitId) : member.workUnitIds().contains(workUnitId);
        }
    }
}
