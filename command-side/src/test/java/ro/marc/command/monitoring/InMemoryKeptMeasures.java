package ro.marc.command.monitoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An in-memory {@link KeptMeasures} for the assessment's aggregate tests. */
public final class InMemoryKeptMeasures implements KeptMeasures {

    private final Map<UUID, Set<UUID>> kept = new HashMap<>();

    public InMemoryKeptMeasures kept(UUID assessmentId, UUID measureId) {
        kept.computeIfAbsent(assessmentId, id -> new HashSet<>()).add(measureId);
        return this;
    }

    @Override
    public Set<UUID> keptOf(UUID assessmentId) {
        return Set.copyOf(kept.getOrDefault(assessmentId, Set.of()));
    }
}
