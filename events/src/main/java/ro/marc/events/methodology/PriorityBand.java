package ro.marc.events.methodology;

import java.math.BigDecimal;

/**
 * One band of the priority rules (Anexa 9): an exposure of at least {@code minExposure} (and below the next
 * band's) is of {@code priority} and {@code riskClass}, to be treated within {@code interventionTerm}.
 */
public record PriorityBand(int priority, RiskClass riskClass, BigDecimal minExposure, String label, String interventionTerm) {

    public PriorityBand {
        minExposure = minExposure == null ? null : RiskArithmetic.exact(minExposure);
    }
}
