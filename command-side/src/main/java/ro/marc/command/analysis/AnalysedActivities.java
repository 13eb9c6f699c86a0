package ro.marc.command.analysis;

import java.util.Set;
import java.util.UUID;

/**
 * What other capabilities may ask about the activity analyses (Anexa 3): which vulnerable activities a member
 * selected for a work unit in the last finalised edition of their analysis under a plan — the activities a risk
 * assessment (Anexa 4) may be about (§2.2.3: "if there is no vulnerable activity for the work unit, it was not
 * chosen in Anexa 3"). A named query over the command-side lookup {@code analysis_selection_lookup}, written in the
 * transaction of every analysis event. Aggregate tests register an in-memory implementation.
 */
public interface AnalysedActivities {

    /** The activities of the member's last finalised analysis of the work unit under the plan; empty when none. */
    Set<UUID> selected(UUID planId, UUID memberUserId, UUID workUnitId);
}
