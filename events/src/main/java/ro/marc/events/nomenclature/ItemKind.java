package ro.marc.events.nomenclature;

/** The catalogue entries that members propose and central administrators approve (UCA 9–22, 53–56). */
public enum ItemKind {
    ACTIVITY, TASK, DOCUMENT, RISK
}
