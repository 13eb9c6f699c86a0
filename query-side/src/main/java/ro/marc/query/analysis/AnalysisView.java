package ro.marc.query.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An activity analysis (Anexa 3) as the read model shows it. {@code status}: DRAFT or FINALISED;
 * {@code edition}: the edition the content is (FINALISED) or will become (DRAFT); {@code finalisedEdition}:
 * the last finalised one (null before the first finalisation), with its day, deadline and lateness.
 * Names are as at the last save or finalisation.
 */
public record AnalysisView(UUID id, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName, String county,
                           UUID workUnitId, String workUnitName, UUID memberUserId, String memberName, String status,
                           int edition, Integer finalisedEdition, LocalDate finalisedOn, LocalDate stageDeadline,
                           boolean late, List<ActivityView> activities, long version, Instant createdAt,
                           Instant updatedAt) {

    public AnalysisView {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /** A selected vulnerable activity: its tasks and collaboration relations. */
    public record ActivityView(UUID activityId, String name, List<TaskView> tasks, List<RelationView> relations) {
    }

    public record TaskView(UUID taskId, String name, String periodicity, List<NamedRef> documents) {
    }

    /** {@code partnerOrgUnitId} (internal) or {@code partnerEntryId} (external partner list). */
    public record RelationView(String direction, boolean internal, UUID partnerOrgUnitId, UUID partnerEntryId,
                               String partnerName, String nature, String legalFramework, List<NamedRef> materialMeans) {
    }

    public record NamedRef(UUID id, String name) {
    }
}
