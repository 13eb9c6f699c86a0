package ro.marc.events.assessment;

/** §2.2.3.4: a measure already in place (scored on Anexa 8) or an additional one (with a person responsible). */
public enum MeasureKind {
    EXISTING, ADDITIONAL
}
