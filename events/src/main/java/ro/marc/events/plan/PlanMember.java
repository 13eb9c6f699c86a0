package ro.marc.events.plan;

import java.util.List;
import java.util.UUID;

/**
 * One working-group member as the plan assigns them.
 *
 * @param userId                the member's account (a member of the structure's working group)
 * @param workUnitIds           the work units of the plan's org unit they are responsible for
 * @param questionnaireRequired A201: whether they must answer the management questionnaire (Anexa 2)
 * @param followsMemberWorkflow A103, integrity counsellors only: they also follow the member workflow and
 *                              then see and act as if they held all the structure's work units
 */
public record PlanMember(UUID userId, List<UUID> workUnitIds, boolean questionnaireRequired, boolean followsMemberWorkflow) {

    public PlanMember {
        workUnitIds = workUnitIds == null ? List.of() : List.copyOf(workUnitIds);
    }
}
