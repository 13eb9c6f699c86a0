package ro.marc.events.methodology;

/** The class of a risk by its exposure (Anexa 9): minor (priority 3), moderate (2), high (1). */
public enum RiskClass {
    MINOR, MODERATE, HIGH
}
