package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;

import java.time.LocalDate;
import java.util.UUID;

/** N01: a measure's deadline passed and it is not done: flagged (URGENT, red bold) to its member and the plan's heads. Once per measure and deadline. */
@EventName("monitoring.MeasureOverdue")
public record MeasureOverdue(UUID monitoringId, UUID assessmentId, UUID planId, UUID orgUnitId, UUID memberUserId,
                             UUID measureId, String measureDescription, String riskName, LocalDate deadline,
                             LocalDate flaggedOn) {
}
