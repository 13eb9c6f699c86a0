package ro.marc.events.methodology;

import java.math.BigDecimal;
import java.util.List;

/**
 * One evaluation of a risk (§2.2.3.3, UCA 68–70), computed once by the command side and carried in the event
 * as computed: read models, reports and the register show these numbers and never compute them again, so an
 * evaluation made under an older methodology keeps its class and priority after a new version is published.
 *
 * @param probability        P, 1–5 (Anexa 6)
 * @param impacts            the dimensions scored, importances totalling 100
 * @param globalImpact       Σ importance × score / 100, scale 2
 * @param exposure           P × global impact, scale 2
 * @param priority           1 (high) to 3 (minor), from the Anexa 9 band the exposure falls in
 * @param interventionTerm   the band's intervention term, as the methodology said it then
 * @param methodologyVersion the methodology version the evaluation was made with
 */
public record RiskEvaluation(int probability, List<ImpactScore> impacts, BigDecimal globalImpact, BigDecimal exposure,
                             int priority, RiskClass riskClass, String interventionTerm, int methodologyVersion) {

    public RiskEvaluation {
        impacts = List.copyOf(impacts);
        globalImpact = RiskArithmetic.exact(globalImpact);
        exposure = RiskArithmetic.exact(exposure);
    }

    /**
     * Evaluates valid input (the command side checks P, the scores and the importances first and refuses with
     * a typed error naming the field; this only guards the arithmetic).
     */
    public static RiskEvaluation of(int probability, List<ImpactScore> impacts, MethodologyContent methodology,
                                    int methodologyVersion) {
        if (probability < RiskArithmetic.MIN_SCORE || probability > RiskArithmetic.MAX_SCORE) {
            throw new IllegalArgumentException("probability " + probability + " is outside 1–5");
        }
        if (impacts.isEmpty() || impacts.stream().mapToInt(ImpactScore::importance).sum() != RiskArithmetic.TOTAL_IMPORTANCE) {
            throw new IllegalArgumentException("the importances do not total 100");
        }
        for (ImpactScore impact : impacts) {
            if (impact.score() < RiskArithmetic.MIN_SCORE || impact.score() > RiskArithmetic.MAX_SCORE
                    || impact.importance() < 1) {
                throw new IllegalArgumentException("impact " + impact + " is outside the scale");
            }
        }
        BigDecimal globalImpact = RiskArithmetic.globalImpact(impacts);
        BigDecimal exposure = RiskArithmetic.exposure(probability, globalImpact);
        PriorityBand band = methodology.band(exposure);
        return new RiskEvaluation(probability, impacts, globalImpact, exposure, band.priority(), band.riskClass(),
                band.interventionTerm(), methodologyVersion);
    }
}
