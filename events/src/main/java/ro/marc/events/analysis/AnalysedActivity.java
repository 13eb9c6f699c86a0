package ro.marc.events.analysis;

import java.util.List;
import java.util.UUID;

/**
 * One vulnerable activity a member selected in their activity analysis (Anexa 3): an approved activity
 * of the work unit or one of their own pending proposals; its tasks (each with periodicity and
 * documents) and its collaboration relations.
 */
public record AnalysedActivity(UUID activityId, List<AnalysedTask> tasks, List<CollaborationRelation> relations) {

    public AnalysedActivity {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }
}
