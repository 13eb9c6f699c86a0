package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;

import java.time.LocalDate;
import java.util.UUID;

/** UCA 82: the member finalised the monitoring of the assessment's measures; the plan's heads and counsellors are notified. */
@EventName("monitoring.MonitoringFinalised")
public record MonitoringFinalised(UUID monitoringId, UUID assessmentId, UUID planId, UUID orgUnitId, UUID memberUserId,
                                  String memberName, UUID riskId, String riskName, LocalDate finalisedOn,
                                  int measuresDone, int measuresDoneLate) {
}
