package ro.marc.events.register;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The head's schedule of one measure of the register (UCA 78–79): its deadline and, for a repeating measure, its
 * periodicity (ONCE for a one-off measure). The deadline lies within the plan's measures stage start and the plan's
 * last day; a one-off measure (every indicator DONE_NOT_DONE) takes only ONCE.
 */
public record MeasureSchedule(UUID assessmentId, UUID measureId, LocalDate deadline, MeasurePeriodicity periodicity) {

    public MeasureKey key() {
        return new MeasureKey(assessmentId, measureId);
    }
}
