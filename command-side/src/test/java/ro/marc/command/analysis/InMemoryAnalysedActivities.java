package ro.marc.command.analysis;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link AnalysedActivities} in memory, for aggregate tests: the finalised analyses given as their events
 * ({@link #given}), the way {@link AnalysisSelectionLookup} applies them (the last finalisation counts), or,
 * shorter, a member's selection named directly ({@link #selected(UUID, UUID, UUID, UUID...)}).
 */
public class InMemoryAnalysedActivities implements AnalysedActivities {

    private final Map<List<UUID>, Set<UUID>> selections = new LinkedHashMap<>();

    public InMemoryAnalysedActivities given(Object... events) {
        for (Object event : events) {
            apply(event);
        }
        return this;
    }

    /** The member finalised an analysis of the work unit under the plan selecting these activities. */
    public InMemoryAnalysedActivities selected(UUID planId, UUID memberUserId, UUID workUnitId, UUID... activityIds) {
        selections.put(List.of(planId, memberUserId, workUnitId), new LinkedHashSet<>(List.of(activityIds)));
        return this;
    }

    @EventHandler
    public void on(Object event) {
        apply(event);
    }

    public void apply(Object event) {
        if (event instanceof ActivityAnalysisFinalised e) {
            AnalysisEdition edition = e.edition();
            selected(edition.planId(), edition.memberUserId(), edition.workUnitId(),
                    edition.activities().stream().map(ActivityLine::activityId).toArray(UUID[]::new));
        }
    }

    @Override
    public Set<UUID> selected(UUID planId, UUID memberUserId, UUID workUnitId) {
        return Set.copyOf(selections.getOrDefault(List.of(planId, memberUserId, workUnitId), Set.of()));
    }
}
