package ro.marc.events.analysis.event;

import ro.marc.events.EventName;
import ro.marc.events.analysis.AnalysedActivity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The draft's content replaced. {@code edition}: the edition this draft will become when finalised (one
 * more than the last finalised one: a save after a finalisation starts the next edition). {@code names}:
 * the name of every activity, task, document, partner (org unit or external partner) and material means
 * {@code activities} names, as they were when saved.
 */
@EventName("analysis.ActivityAnalysisSaved")
public record ActivityAnalysisSaved(UUID analysisId, int edition, List<AnalysedActivity> activities,
                                    Map<UUID, String> names) {

    public ActivityAnalysisSaved {
        activities = activities == null ? List.of() : List.copyOf(activities);
        names = names == null ? Map.of() : Map.copyOf(names);
    }
}
