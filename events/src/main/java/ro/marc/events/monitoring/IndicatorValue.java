package ro.marc.events.monitoring;

import java.util.UUID;

/** A value entered for an indicator (§2.4): canonical as {@link IndicatorValues#check} returns it. */
public record IndicatorValue(UUID indicatorId, String value) {
}
