package ro.marc.events.methodology;

/** How effective an existing measure is (Anexa 8), from how many of the four criteria it meets. */
public enum EffectivenessLevel {
    INEFFECTIVE, PARTIALLY_EFFECTIVE, EFFECTIVE
}
