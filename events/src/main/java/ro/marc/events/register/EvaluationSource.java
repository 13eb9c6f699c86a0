package ro.marc.events.register;

/** Where a measure evaluation of the register came from (A1001, G04). */
public enum EvaluationSource {
    /** Imported from the measure-evaluation workbook filled in by risk owners without an account. */
    WORKBOOK,
    /** Entered by a risk owner with an account (G04: "evaluarea măsurilor din registru"). */
    RISK_OWNER
}
