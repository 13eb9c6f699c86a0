package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;

import java.time.LocalDate;
import java.util.UUID;

/**
 * N01 / §2.4: a measure's due date (a period's or its deadline) is three days away (or nearer, when MARC was down at
 * the time) and the measure is not done: the assessment's member is reminded. Once per measure and due date.
 *
 * @param deadline the measure's final deadline ({@code dueDate} equals it for the last period)
 */
@EventName("monitoring.MeasureDueSoon")
public record MeasureDueSoon(UUID monitoringId, UUID assessmentId, UUID planId, UUID orgUnitId, UUID memberUserId,
                             UUID measureId, String measureDescription, String riskName, LocalDate dueDate,
                             LocalDate deadline, LocalDate remindedOn) {
}
