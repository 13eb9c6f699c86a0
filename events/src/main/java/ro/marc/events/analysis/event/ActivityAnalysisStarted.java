package ro.marc.events.analysis.event;

import ro.marc.events.EventName;
import ro.marc.events.org.County;

import java.util.UUID;

/**
 * A member started their activity analysis (Anexa 3) of one work unit under the structure's active plan:
 * an empty draft of edition 1. The names are as they were then (the read model shows them; a finalised
 * edition carries its own).
 */
@EventName("analysis.ActivityAnalysisStarted")
public record ActivityAnalysisStarted(UUID analysisId, UUID planId, UUID orgUnitId, UUID workUnitId, UUID memberUserId,
                                      String planPurpose, String orgUnitName, County county, String workUnitName,
                                      String memberName) {
}
