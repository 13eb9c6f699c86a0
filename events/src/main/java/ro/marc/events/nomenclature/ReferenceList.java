package ro.marc.events.nomenclature;

/** The simple lists central administrators keep (no proposal workflow). */
public enum ReferenceList {
    /** Default: performance of activities, schedule/delays, budget, institutional image. */
    IMPACT_DIMENSION,
    /** Predefined effects / consequences of a risk. */
    EFFECT,
    MATERIAL_MEANS,
    EXTERNAL_PARTNER,
    /** Normative-act issuers (Guvernul României, Parlamentul României, ...). */
    ACT_ISSUER,
    /** Normative-act types (Cod, Lege, Ordin, Ordonanță, ...). */
    ACT_TYPE,
    /** Normative-act statuses (În vigoare, Abrogat, Modificat). */
    ACT_STATUS
}
