package ro.marc.events.methodology;

/**
 * One step of the probability scale (Anexa 6) or of the impact scale (Anexa 7): its score (1–5), its
 * name ("Posibil") and the descriptive indicators a working group reads when it chooses the score.
 */
public record ScaleLevel(int score, String label, String descriptor) {
}
