package ro.marc.command.register;

import ro.marc.events.register.MeasurePeriodicity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The measures' schedules of each plan's last saved register edition (UCA 78–79), from the command-side lookup
 * {@code measure_schedule_lookup} kept in the transaction of every register save: what the monitoring (§2.4) and
 * the re-evaluation check ("after the deadlines are set") and what the reminders follow.
 */
public interface MeasureSchedules {

    /** The assessment's scheduled measures in its plan's last saved register; empty before the register is saved. */
    List<ScheduledMeasure> forAssessment(UUID assessmentId);

    /** One measure's schedule; empty when the last saved register does not schedule it. */
    Optional<ScheduledMeasure> schedule(UUID assessmentId, UUID measureId);

    /**
     * @param anchor the plan's measures-stage start: the periods' anchor ({@link MeasurePeriodicity#dueDates})
     */
    record ScheduledMeasure(UUID registerId, int registerEdition, UUID planId, UUID orgUnitId, UUID assessmentId,
                            UUID measureId, LocalDate deadline, MeasurePeriodicity periodicity, LocalDate anchor) {

        public List<LocalDate> dueDates() {
            return periodicity.dueDates(anchor, deadline);
        }
    }
}
