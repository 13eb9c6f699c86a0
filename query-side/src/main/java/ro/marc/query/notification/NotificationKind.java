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
    CAUSE_EDITED,
    /** To every active member of the plan's first edition: their tasks and the stage deadlines. */
    PLAN_ACTIVATED,
    /**
     * To every active member of a new edition of an active plan: their tasks and the stage deadlines; to the
     * members of the previous edition left out of it: that they no longer have tasks in the plan.
     */
    PLAN_REVISED,
    /** To the active members of the plan's last edition. */
    PLAN_CLOSED,
    /** To the plan's heads and integrity counsellors (not the author): an Anexa 3 finalised in time. */
    ANALYSIS_FINALISED,
    /**
     * URGENT: an Anexa 3 finalised after the identification-stage deadline, to the plan's heads and integrity
     * counsellors, every active central administrator and the territorial administrators of the county.
     */
    ANALYSIS_FINALISED_LATE,
    /** To the plan's heads and integrity counsellors (not the author): an Anexa 4 (risk assessment) finalised in time. */
    ASSESSMENT_FINALISED,
    /**
     * URGENT: an Anexa 4 finalised after the measures-stage deadline, to the plan's heads and integrity counsellors,
     * every active central administrator and the territorial administrators of the county.
     */
    ASSESSMENT_FINALISED_LATE,
    /** To the plan's heads and integrity counsellors (not the respondent): an Anexa 2 answer finalised. */
    QUESTIONNAIRE_FINALISED,
    /**
     * UCA 47: an integrity incident was linked to a risk of a vulnerable activity; to every active member of every
     * active plan whose assigned work units hold the activity (an A103 counsellor: their structure's work units).
     */
    INCIDENT_LINKED,
    /** UCA 81: the plan's register (Anexa 10) was saved as a new edition; to every active member of the plan. */
    REGISTER_SAVED,
    /** N01, WARNING: a due date of a measure not done is three days away; to the assessment's member. */
    MEASURE_DUE_SOON,
    /** N01, URGENT: a measure's deadline passed and it is not done; to its member and the plan's heads and counsellors. */
    MEASURE_OVERDUE,
    /** UCA 82: the monitoring of an assessment's measures was finalised; to the plan's heads and integrity counsellors. */
    MONITORING_FINALISED
}
