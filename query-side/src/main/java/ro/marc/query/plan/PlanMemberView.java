package ro.marc.query.plan;

import java.util.List;
import java.util.UUID;

/**
 * A member of a plan. {@code displayName}, {@code role}, {@code active} and the work units' names come from
 * the latest published edition; in a draft they are null (ids only).
 */
public record PlanMemberView(UUID userId, String displayName, String role, Boolean active, List<WorkUnitRefView> workUnits,
                             boolean questionnaireRequired, boolean followsMemberWorkflow) {

    public PlanMemberView {
        workUnits = List.copyOf(workUnits);
    }

    /** A work unit of the member: its name is null in a draft. */
    public record WorkUnitRefView(UUID id, String name) {
    }
}
