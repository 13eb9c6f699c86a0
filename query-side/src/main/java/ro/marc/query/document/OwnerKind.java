package ro.marc.query.document;

/** Whose document it is; the owner's read permission decides who may read it (PLAN → PLAN_READ, ANALYSIS → ANALYSIS_READ,
 * ASSESSMENT → ASSESSMENT_READ, REGISTER → REGISTER_READ). */
public enum OwnerKind {
    /** A plan (Anexa 1): one PDF per edition. */
    PLAN,
    /** An activity analysis (Anexa 3): one PDF per finalisation. */
    ANALYSIS,
    /** A risk assessment (Anexa 4): one PDF per finalised edition. */
    ASSESSMENT,
    /** A risk register (Anexa 10), owner id = the register id: one PDF per saved edition. */
    REGISTER
}
