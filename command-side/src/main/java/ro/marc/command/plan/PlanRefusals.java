package ro.marc.command.plan;

import ro.marc.command.common.CommandRejected;

import java.util.Map;
import java.util.UUID;

/**
 * The plan's refusals made in two places: by the handler, from the lookup, and by the lookup itself when a
 * racing activation committed first (its unique index caught the second), so the client gets the same
 * typed answer either way.
 */
final class PlanRefusals {

    private PlanRefusals() {
    }

    /** CONFLICT ACTIVE_PLAN_EXISTS naming the org unit's active plan (when known). */
    static CommandRejected activePlanExists(UUID orgUnitId, UUID activePlanId, String purpose) {
        if (activePlanId == null) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "planId", "ACTIVE_PLAN_EXISTS",
                    "Another plan of org unit " + orgUnitId + " was activated at the same moment: close it first", Map.of());
        }
        return new CommandRejected(CommandRejected.Reason.CONFLICT, "planId", "ACTIVE_PLAN_EXISTS",
                "Org unit " + orgUnitId + " already has an active plan" + (purpose == null ? "" : ": '" + purpose + "'")
                        + ". Close it before activating another one", Map.of("planId", activePlanId.toString()));
    }
}
