package ro.marc.query.assessment;

import ro.marc.events.methodology.RiskClass;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a candidate methodology would change (item 4, dry run), computed without changing anything: of the
 * {@code evaluated} current assessments (active, evaluated), those whose exposure falls in another band under the
 * candidate — their class or priority would change. Exposures never change (the arithmetic is the same); only the
 * bands may.
 */
public record DryRunResult(int evaluated, int changed, int classChanges, int priorityChanges, List<Change> changes) {

    public record Change(UUID assessmentId, String orgUnitName, String activityName, String riskName, String memberName,
                         BigDecimal exposure, int methodologyVersion, int priority, RiskClass riskClass,
                         int candidatePriority, RiskClass candidateClass) {
    }
}
