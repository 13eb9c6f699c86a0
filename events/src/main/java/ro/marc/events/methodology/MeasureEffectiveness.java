package ro.marc.events.methodology;

/**
 * An existing measure's effectiveness as the command side computed it from its four criteria with the grid of
 * methodology {@code methodologyVersion} (Anexa 8, UCA 72).
 */
public record MeasureEffectiveness(int criteriaMet, EffectivenessLevel level, String label, int methodologyVersion) {
}
