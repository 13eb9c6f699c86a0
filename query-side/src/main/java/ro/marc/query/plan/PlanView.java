package ro.marc.query.plan;

import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A plan (Anexa 1) as the read model holds it.
 *
 * @param orgUnitName as the latest edition names the org unit; null for a plan never published
 * @param edition     the latest edition's number; null for a draft
 */
public record PlanView(UUID id, UUID orgUnitId, String orgUnitName, PlanStatus status, String purpose, LocalDate startDate,
                       StageDeadlines deadlines, Integer edition, long version, Instant createdAt, Instant updatedAt,
                       List<PlanMemberView> members) {

    public PlanView {
        members = List.copyOf(members);
    }

    public Optional<PlanMemberView> member(UUID userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    /** The stages with a start (n+1 rule) and a deadline as far as the plan sets them, in order. */
    public List<StageSpan> stages() {
        List<StageSpan> stages = new ArrayList<>();
        LocalDate start = startDate;
        for (Stage stage : Stage.values()) {
            LocalDate deadline = deadlines == null ? null : deadlines.of(stage);
            stages.add(new StageSpan(stage, start, deadline));
            start = deadline == null ? null : deadline.plusDays(1);
        }
        return stages;
    }

    /** One stage: from {@code start} to {@code deadline}, inclusive; either may be missing in a draft. */
    public record StageSpan(Stage stage, LocalDate start, LocalDate deadline) {
    }
}
