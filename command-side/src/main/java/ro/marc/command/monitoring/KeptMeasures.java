package ro.marc.command.monitoring;

import java.util.Set;
import java.util.UUID;

/**
 * UCA 80: the additional measures of an assessment that its member, once they were implemented, kept as existing
 * ones for the next period. The assessment's next edition (UCA 62) starts with them as existing measures. From the
 * command-side lookup {@code kept_measure_lookup}, kept in the transaction of every {@code MeasureKeptAsExisting}.
 */
public interface KeptMeasures {

    /** The measure ids kept as existing; empty when none was. */
    Set<UUID> keptOf(UUID assessmentId);
}
