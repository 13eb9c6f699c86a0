package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;
import ro.marc.events.assessment.Measure;

import java.time.LocalDate;
import java.util.UUID;

/**
 * UCA 80: an implemented additional measure is kept as an existing one for the next period. It carries where it was
 * kept (the plan, structure, work unit and risk of the assessment) and the measure as it stood, so the next period's
 * assessment of that risk in that work unit starts from it without reading the past plan's assessments.
 */
@EventName("monitoring.MeasureKeptAsExisting")
public record MeasureKeptAsExisting(UUID monitoringId, UUID assessmentId, UUID measureId, LocalDate keptOn, UUID planId,
                                    UUID orgUnitId, UUID workUnitId, UUID riskId, Measure measure) {
}
