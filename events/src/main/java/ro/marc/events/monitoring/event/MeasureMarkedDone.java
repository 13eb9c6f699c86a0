package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;

import java.time.LocalDate;
import java.util.UUID;

/** A measure was marked implemented (§2.4), for good; {@code late} when after its deadline. */
@EventName("monitoring.MeasureMarkedDone")
public record MeasureMarkedDone(UUID monitoringId, UUID assessmentId, UUID planId, UUID orgUnitId, UUID measureId,
                                LocalDate doneOn, LocalDate deadline, boolean late, UUID byUserId, String byName) {
}
