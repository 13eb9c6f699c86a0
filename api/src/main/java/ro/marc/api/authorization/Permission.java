package ro.marc.api.authorization;

/**
 * What an operation needs. Each GraphQL operation and field maps to one permission; which roles
 * hold it, and over which org units, is {@link AccessRules}.
 */
public enum Permission {
    /** Read org units (tree, fields, search hits). */
    ORG_READ,
    /** Create, rename, move, deactivate, reactivate org units (UCA 1). */
    ORG_EDIT,
    /** Assign work units to org units (UCA 2: central administrators). */
    WORK_UNIT_ASSIGN,
    /** Read the national work-unit catalogue. */
    WORK_UNIT_CATALOGUE_READ,
    /** Define, rename, retire catalogue work units. */
    WORK_UNIT_CATALOGUE_EDIT,
    /** Read accounts (details, roles, transfer history). */
    USER_READ,
    /** Register accounts, grant and revoke roles, deactivate, reactivate, transfer. */
    USER_ADMIN,
    /** Read working groups and their members. */
    WORKING_GROUP_READ,
    /** Define working groups, add and remove members, appoint the leader (UCA 3–6). */
    WORKING_GROUP_ADMIN,
    /** Read the event history of org units, work units, accounts and working groups. */
    HISTORY_READ,
    /** Read the access audit (G03). */
    ACCESS_AUDIT_READ,
    /** Read the approved nomenclatures (national) and one's own proposals. */
    NOMENCLATURE_READ,
    /** Read others' proposals (national, or those from the caller's counties). */
    PROPOSAL_READ,
    /** Propose activities, tasks, documents and risks under work units the caller's structure holds (UCA 9–22). */
    NOMENCLATURE_PROPOSE,
    /** Decide on proposals, deactivate entries, keep domains and reference lists (central administrators). */
    NOMENCLATURE_ADMIN,
    /** Add and edit regulatory causes (Anexa 5) under work units the caller's structure holds. */
    REGULATORY_CAUSE_WRITE,
    /** Read plans (Anexa 1), their editions, documents, tasks and Gantt chart. */
    PLAN_READ,
    /** Draft, edit, activate and close the plan of one's structure (working-group head, integrity counsellor). */
    PLAN_EDIT,
    /** Read the standard management questionnaire (Anexa 2) and its versions. */
    QUESTIONNAIRE_READ,
    /** Edit the standard management questionnaire (central administrators; a new version). */
    QUESTIONNAIRE_EDIT,
    /** Answer the management questionnaire for oneself under one's structure's active plan. */
    QUESTIONNAIRE_ANSWER,
    /** Read others' answers and export them to .xlsx (heads and counsellors: their structure and below). */
    QUESTIONNAIRE_ANSWERS_READ,
    /** Write one's own activity analyses (Anexa 3) for the work units the active plan assigns one. */
    ANALYSIS_WRITE,
    /** Read activity analyses (Anexa 3) and their documents. */
    ANALYSIS_READ,
    /** Read integrity incidents, their risk links and documents (UCA 52): by org unit (the structure where it happened). */
    INCIDENT_READ,
    /**
     * Read the incidents linked to the vulnerable activities of the work units one covers, wherever they happened
     * (§4.1, UCA 52, 63): a member's work units in their structure's active plan (an A103 counsellor's: all the
     * structure holds), a head's or integrity counsellor's all the structure holds.
     */
    INCIDENT_READ_LINKED,
    /** See how many incidents each vulnerable activity of one's structure's work units has across the ministry (§4). */
    INCIDENT_COUNTS_READ,
    /** Record and edit incidents and link them to risks (UCA 43, 44, 46, 51: central and territorial administrators). */
    INCIDENT_EDIT,
    /** Archive incidents (UCA 45: central administrators). */
    INCIDENT_ARCHIVE,
    /** Attach, edit and remove an incident's evaluation report and other documents (UCA 48, 50). */
    INCIDENT_DOCUMENT_WRITE,
    /**
     * Write one's own risk assessments (Anexa 4): start, save drafts, score, finalise, open a new edition, inactivate.
     * The command side narrows it to the work units the active plan assigns the caller and to their own assessments.
     */
    ASSESSMENT_WRITE,
    /** Read risk assessments (Anexa 4), their evaluation history, editions and PDFs; search them. */
    ASSESSMENT_READ,
    /** Read the methodology: the Anexa 6, 7, 8 and 9 tables of every version (UCA 75–77). */
    METHODOLOGY_READ,
    /** Publish a methodology version and see its dry run (central administrators). */
    METHODOLOGY_EDIT,
    /**
     * Read risk registers (Anexa 10): their risks, measures, schedules, monitoring, evaluations and PDFs (UCA 83, 84;
     * central administrators any structure's, central counsellors those below theirs, G04, RA01).
     */
    REGISTER_READ,
    /**
     * Generate and save one's structure's register with the measures' deadlines (UCA 78–81), download and import the
     * measure-evaluation workbook (A1001): the working-group head and the integrity counsellor.
     */
    REGISTER_WRITE,
    /**
     * Monitor one's own assessments' measures (§2.4, UCA 80, 82): mark done, enter indicator values, keep an additional
     * measure as existing, re-evaluate, finalise. The command side narrows it to one's own assessments.
     */
    MEASURE_MONITOR,
    /** G04: evaluate the measures of one's structure's saved register (risk owners). */
    MEASURE_EVALUATE,
    /** Read the projections' dead letters (operations). */
    PROJECTION_READ,
    /** Retry and evict dead letters, rebuild a projection from zero (operations). */
    PROJECTION_ADMIN
}
