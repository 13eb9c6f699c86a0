package ro.marc.events.analysis;

/**
 * DRAFT (saved provisionally, any number of times) → FINALISED (an edition published). Editing a
 * finalised analysis starts the next edition as a DRAFT; the finalised editions stay in its history.
 */
public enum AnalysisStatus {
    DRAFT, FINALISED
}
