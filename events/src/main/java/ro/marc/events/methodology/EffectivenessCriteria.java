package ro.marc.events.methodology;

/**
 * The four Anexa 8 questions on an existing measure (§2.2.3.4): does it address the identified risk, is it
 * documented, is it communicated to those concerned, is it applied consistently. A draft may leave some
 * unanswered (null).
 */
public record EffectivenessCriteria(Boolean addressesRisk, Boolean documented, Boolean communicated,
                                    Boolean appliedConsistently) {

    public static EffectivenessCriteria unanswered() {
        return new EffectivenessCriteria(null, null, null, null);
    }

    /** Whether all four are answered. */
    public boolean complete() {
        return addressesRisk != null && documented != null && communicated != null && appliedConsistently != null;
    }

    /** How many of the four are answered yes (0–4). */
    public int met() {
        int met = 0;
        for (Boolean answer : new Boolean[]{addressesRisk, documented, communicated, appliedConsistently}) {
            if (Boolean.TRUE.equals(answer)) {
                met++;
            }
        }
        return met;
    }
}
