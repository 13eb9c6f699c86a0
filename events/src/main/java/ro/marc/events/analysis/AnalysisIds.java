package ro.marc.events.analysis;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One activity analysis (Anexa 3) per (plan, member, work unit): its id is a name-based UUID of those
 * three ids, so "once per plan and work unit" needs no lookup and two racing starts meet on one stream.
 */
public final class AnalysisIds {

    private AnalysisIds() {
    }

    public static UUID of(UUID planId, UUID memberUserId, UUID workUnitId) {
        return UUID.nameUUIDFromBytes(("analysis:" + planId + ":" + memberUserId + ":" + workUnitId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
