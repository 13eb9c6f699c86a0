package ro.marc.command.monitoring;

import ro.marc.command.assessment.FinalisedAssessments;
import ro.marc.events.assessment.AssessmentEdition;

import java.util.*;

/** An in-memory {@link FinalisedAssessments} for the monitoring's aggregate tests. */
public final class MonitoringFinalisedAssessmentsFixture implements FinalisedAssessments {

    private final Map<UUID, FinalisedAssessment> byId = new LinkedHashMap<>();

    public MonitoringFinalisedAssessmentsFixture finalised(UUID assessmentId, AssessmentEdition edition, boolean active) {
        byId.put(assessmentId, new FinalisedAssessment(edition, active));
        return this;
    }

    @Override
    public List<AssessmentEdition> finalisedUnder(UUID planId) {
        return byId.values().stream().filter(FinalisedAssessment::active).map(FinalisedAssessment::edition)
                .filter(e -> e.planId().equals(planId)).toList();
    }

    @Override
    public Optional<FinalisedAssessment> finalised(UUID assessmentId) {
        return Optional.ofNullable(byId.get(assessmentId));
    }
}
