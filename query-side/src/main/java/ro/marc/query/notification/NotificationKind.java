package ro.marc.query.notification;

/** Why a notification was sent. */
public enum NotificationKind {
    /** To central administrators: a member proposed an activity, task, document or risk. */
    PROPOSAL_SUBMITTED,
    /** To the proposer. */
    PROPOSAL_ACCEPTED,
    /** To the proposer, with the reason. */
    PROPOSAL_REJECTED,
    /** To the proposer: a central administrator corrected their approved entry (UCA 8, 14). */
    ENTRY_CORRECTED,
    /** To central administrators: a regulatory cause was added (Anexa 5, no approval needed). */
    CAUSE_ADDED,
    /** To central administrators: a regulatory cause was edited (UCA 59–60). */
    CAUSE_EDITED
}
