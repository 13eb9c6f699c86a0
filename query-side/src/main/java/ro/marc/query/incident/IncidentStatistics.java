package ro.marc.query.incident;

import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.util.Map;

/** Counts of the incidents a list shows (same filter and visibility): in all, per type and per county (§4.1). */
public record IncidentStatistics(int total, Map<IncidentType, Integer> byType, Map<County, Integer> byCounty) {

    public IncidentStatistics {
        byType = Map.copyOf(byType);
        byCounty = Map.copyOf(byCounty);
    }
}
