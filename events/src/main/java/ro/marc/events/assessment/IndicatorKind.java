package ro.marc.events.assessment;

/** §2.2.3.5: a number; done / not done (1 / 0); or one of the indicator's allowed values ("Bine"). */
public enum IndicatorKind {
    NUMERIC, DONE_NOT_DONE, QUALITATIVE
}
