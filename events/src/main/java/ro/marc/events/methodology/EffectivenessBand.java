package ro.marc.events.methodology;

/**
 * One row of the measure-effectiveness grid (Anexa 8): an existing measure meeting between
 * {@code minCriteriaMet} and {@code maxCriteriaMet} (inclusive, 0–4) of the four criteria is {@code level}.
 */
public record EffectivenessBand(int minCriteriaMet, int maxCriteriaMet, EffectivenessLevel level, String label) {
}
