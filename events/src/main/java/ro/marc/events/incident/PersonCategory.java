package ro.marc.events.incident;

/** The categories of personnel whose involvement a risk link records (§4.4 e–h). */
public enum PersonCategory {
    /** Ofițeri. */
    OFFICERS,
    /** Agenți. */
    AGENTS,
    /** Funcționari (civil servants). */
    CIVIL_SERVANTS,
    /** Alte persoane. */
    OTHERS
}
