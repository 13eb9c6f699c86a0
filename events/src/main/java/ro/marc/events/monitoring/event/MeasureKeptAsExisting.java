package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;

import java.time.LocalDate;
import java.util.UUID;

/** UCA 80: an implemented additional measure is kept as an existing one for the next period. */
@EventName("monitoring.MeasureKeptAsExisting")
public record MeasureKeptAsExisting(UUID monitoringId, UUID assessmentId, UUID measureId, LocalDate keptOn) {
}
