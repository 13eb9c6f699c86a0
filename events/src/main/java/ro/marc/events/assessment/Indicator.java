package ro.marc.events.assessment;

import java.util.List;
import java.util.UUID;

/**
 * An evaluation indicator of a measure (§2.2.3.5).
 *
 * @param indicatorId   chosen by the client, unique within the assessment
 * @param allowedValues QUALITATIVE only: two or more distinct values in their order ("Slab", "Satisfăcător",
 *                      "Bine", "Foarte bine"); empty for the other kinds
 */
public record Indicator(UUID indicatorId, String name, IndicatorKind kind, List<String> allowedValues) {

    public Indicator {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }
}
