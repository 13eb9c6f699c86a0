package ro.marc.query.nomenclature;

import ro.marc.events.nomenclature.Attachment;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.Periodicity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A vulnerable activity, task, document or risk, with its proposal workflow state.
 *
 * @param parentId        the activity of a task or risk, the task of a document; null for an activity
 * @param activityId      the owning activity (itself for an activity)
 * @param taskId          the task of a document, else null
 * @param domainId        activities only
 * @param periodicity     documents only
 * @param workUnitIds     the work units of the owning activity (tasks, documents and risks inherit them), sorted
 * @param attachments     activities only, in the proposal's order
 * @param proposerCounty  the county of the proposer's org unit when proposed, or null
 * @param decidedAt       when accepted or rejected, else null
 * @param decidedBy       who accepted or rejected it (event metadata {@code userId}), else null
 */
public record ItemView(UUID id, ItemKind kind, UUID parentId, UUID activityId, UUID taskId, String name,
                       String description, UUID domainId, Periodicity periodicity, ItemStatus status,
                       String rejectionReason, List<UUID> workUnitIds, List<Attachment> attachments,
                       String proposerUserId, UUID proposerOrgUnitId, String proposerCounty, long version,
                       Instant createdAt, Instant updatedAt, Instant decidedAt, String decidedBy) {

    /** Approved or inactive: part of the national nomenclature, seen by everyone. */
    public boolean national() {
        return status == ItemStatus.APPROVED || status == ItemStatus.INACTIVE;
    }

    /** Whether a caller with this visibility sees the entry (the same rule the queries apply in SQL). */
    public boolean visibleTo(ProposalVisibility visibility) {
        return national() || visibility.showsProposal(proposerUserId, proposerCounty);
    }
}
