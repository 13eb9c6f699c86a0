package ro.marc.events.analysis;

import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finalised activity analysis with every name resolved by the command side at finalisation, so the
 * Anexa 3 PDF (activity → task → document tree) and the notifications are reproducible from the event.
 *
 * @param edition       1 for the first finalisation, +1 for each later one (the previous stays kept)
 * @param stageDeadline the plan's identification-stage deadline when it was finalised
 * @param late          finalised after {@code stageDeadline}
 */
public record AnalysisEdition(int edition, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName, County county,
                              UUID workUnitId, String workUnitName, UUID memberUserId, String memberName,
                              LocalDate finalisedOn, LocalDate stageDeadline, boolean late,
                              List<ActivityLine> activities) {

    public AnalysisEdition {
        activities = List.copyOf(activities);
    }

    public record ActivityLine(UUID activityId, String name, List<TaskLine> tasks, List<RelationLine> relations) {
        public ActivityLine {
            tasks = List.copyOf(tasks);
            relations = List.copyOf(relations);
        }
    }

    public record TaskLine(UUID taskId, String name, Periodicity periodicity, List<DocumentLine> documents) {
        public TaskLine {
            documents = List.copyOf(documents);
        }
    }

    public record DocumentLine(UUID documentId, String name) {
    }

    /** {@code partner}: the org unit's or the external partner's name; {@code materialMeans}: the entries' names. */
    public record RelationLine(Direction direction, boolean internal, String partner, String nature, String legalFramework,
                               List<String> materialMeans) {
        public RelationLine {
            materialMeans = List.copyOf(materialMeans);
        }
    }
}
