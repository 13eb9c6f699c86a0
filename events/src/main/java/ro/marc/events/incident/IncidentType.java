package ro.marc.events.incident;

/**
 * The stage a criminal case has reached (§4.2 e). An incident is usually recorded at the indictment and
 * changed later to the court's decision (§4.4): a conviction keeps its risk links, an acquittal removes them.
 */
public enum IncidentType {
    /** Rechizitoriu: the prosecutor sent the case to court. */
    INDICTMENT,
    /** Condamnare: the court convicted. */
    CONVICTION,
    /** Achitare: the court acquitted; the incident's risk links are removed (kept in history). */
    ACQUITTAL
}
