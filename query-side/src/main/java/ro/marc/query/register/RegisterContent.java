package ro.marc.query.register;

/** What a register shows: the generated draft not yet saved, or the last saved edition. */
public enum RegisterContent {
    DRAFT, SAVED
}
