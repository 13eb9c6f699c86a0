package ro.marc.events.register;

import java.util.UUID;

/**
 * A work unit the plan assigns a member for which the member finalised no risk assessment under the plan (§2.3: "the
 * person allocated to that domain did not finalise any Anexa 4"): listed in the register with the member responsible.
 */
public record MissingAssessment(UUID workUnitId, String workUnitName, UUID memberUserId, String memberName) {
}
