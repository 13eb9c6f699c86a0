package ro.marc.events.methodology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of §2.2.3.3, exact: importances are whole percents and scores whole numbers, so the global
 * impact Σ (importance / 100 × score) has at most two decimals and so has the exposure P × impact; both are
 * kept as {@link BigDecimal}s of scale 2 (13.98, never 13.979999). Nothing is rounded.
 */
public final class RiskArithmetic {

    /** Decimals of every impact and exposure. */
    public static final int SCALE = 2;
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    public static final int TOTAL_IMPORTANCE = 100;

    private RiskArithmetic() {
    }

    /** Σ importance × score / 100, e.g. 33 % × 5 + 33 % × 5 + 34 % × 4 = 4.66. */
    public static BigDecimal globalImpact(List<ImpactScore> impacts) {
        long sum = 0;
        for (ImpactScore impact : impacts) {
            sum += (long) impact.importance() * impact.score();
        }
        return BigDecimal.valueOf(sum, SCALE);
    }

    /** P × global impact, e.g. 3 × 4.66 = 13.98. */
    public static BigDecimal exposure(int probability, BigDecimal globalImpact) {
        return exact(globalImpact.multiply(BigDecimal.valueOf(probability)));
    }

    /** {@code value} at scale 2; refuses a value with more decimals (it would have to be rounded). */
    public static BigDecimal exact(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
