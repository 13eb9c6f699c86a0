package ro.marc.events.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The monitoring of a risk assessment's measures (§2.4) is one stream per assessment: a name-based UUID of the assessment's id. */
public final class MonitoringIds {

    private MonitoringIds() {
    }

    public static UUID of(UUID assessmentId) {
        return UUID.nameUUIDFromBytes(("monitoring:" + assessmentId).getBytes(StandardCharsets.UTF_8));
    }
}
