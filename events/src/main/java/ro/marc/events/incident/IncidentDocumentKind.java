package ro.marc.events.incident;

/** The documents of an incident (UCA 46, 48, 50). */
public enum IncidentDocumentKind {
    /** The evaluation report (raport de evaluare) drawn up after the evaluation visit (§4.3). */
    EVALUATION_REPORT,
    /** Any other document: the court decision on conviction, the indictment, … */
    OTHER
}
