package ro.marc.command.monitoring;

import ro.marc.events.assessment.Measure;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * UCA 80: the additional measures members, once they were implemented, kept as existing ones for the next period.
 * From the command-side lookup {@code kept_measure_lookup}, kept in the transaction of every
 * {@code MeasureKeptAsExisting}.
 */
public interface KeptMeasures {

    /** The measure ids kept as existing in this assessment: its next edition starts with them as existing ones. */
    Set<UUID> keptOf(UUID assessmentId);

    /**
     * The measures kept as existing, as they stood, in the structure's most recent other plan that kept any for this
     * risk in this work unit (every member's assessment of it, A402): a new assessment of the risk under
     * {@code planId} starts with them as existing ones. In the order they were kept; empty when none was.
     */
    List<Measure> keptInThePreviousPlan(UUID planId, UUID orgUnitId, UUID workUnitId, UUID riskId);
}
