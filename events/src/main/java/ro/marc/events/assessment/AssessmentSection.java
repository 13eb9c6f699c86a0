package ro.marc.events.assessment;

/** The sections of the one Anexa 4 form (A401), in the form's order. */
public enum AssessmentSection {
    /** Work unit, activity, risk and the description lists, effects and regulatory causes (§2.2.3.1). */
    DESCRIPTION,
    /** Probability, impacts, exposure and priority (§2.2.3.3). */
    EVALUATION,
    /** Existing measures scored on Anexa 8; additional measures with their responsible (§2.2.3.4). */
    MEASURES,
    /** An indicator for every measure (§2.2.3.5). */
    INDICATORS
}
