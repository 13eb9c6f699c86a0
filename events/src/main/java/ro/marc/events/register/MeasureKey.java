package ro.marc.events.register;

import java.util.UUID;

/** A measure of the register: measure ids are unique within their assessment, so the register names a measure by both. */
public record MeasureKey(UUID assessmentId, UUID measureId) {
}
