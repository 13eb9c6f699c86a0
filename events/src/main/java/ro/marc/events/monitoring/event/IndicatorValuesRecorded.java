package ro.marc.events.monitoring.event;

import ro.marc.events.EventName;
import ro.marc.events.monitoring.IndicatorValue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Indicator values of a measure for one period were entered (§2.4); a later one for the same period replaces them. */
@EventName("monitoring.IndicatorValuesRecorded")
public record IndicatorValuesRecorded(UUID monitoringId, UUID assessmentId, UUID measureId, LocalDate periodDue,
                                      List<IndicatorValue> values, LocalDate recordedOn, UUID byUserId, String byName) {

    public IndicatorValuesRecorded {
        values = List.copyOf(values);
    }
}
