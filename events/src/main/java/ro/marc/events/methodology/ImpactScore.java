package ro.marc.events.methodology;

import java.util.UUID;

/**
 * One impact dimension of an evaluation (§2.2.3.3 b, UCA 70): its relative importance in whole percent
 * (1–100; the importances of an evaluation total exactly 100) and its score on the Anexa 7 scale (1–5).
 *
 * @param dimensionId an entry of the IMPACT_DIMENSION reference list
 */
public record ImpactScore(UUID dimensionId, int importance, int score) {
}
