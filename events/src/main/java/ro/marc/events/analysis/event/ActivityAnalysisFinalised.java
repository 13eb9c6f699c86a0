package ro.marc.events.analysis.event;

import ro.marc.events.EventName;
import ro.marc.events.analysis.AnalysisEdition;

import java.util.UUID;

/**
 * A member finalised their activity analysis (Anexa 3) of one work unit under the structure's active
 * plan: the head or counsellor is notified; a late one (after the identification-stage deadline) also
 * the central administrators and the county's territorial administrators.
 */
@EventName("analysis.ActivityAnalysisFinalised")
public record ActivityAnalysisFinalised(UUID analysisId, AnalysisEdition edition) {
}
