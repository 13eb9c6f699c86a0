package ro.marc.events.methodology.event;

import ro.marc.events.EventName;
import ro.marc.events.methodology.MethodologyContent;

import java.util.UUID;

/** Version {@code version} of the methodology is the one evaluations are made with from now on. */
@EventName("methodology.MethodologyVersionPublished")
public record MethodologyVersionPublished(UUID methodologyId, int version, MethodologyContent content, String note) {
}
