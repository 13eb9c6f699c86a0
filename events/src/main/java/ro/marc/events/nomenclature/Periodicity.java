package ro.marc.events.nomenclature;

/** How often a document of a task is produced. */
public enum Periodicity {
    DAILY, WEEKLY, MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL, PER_CASE
}
