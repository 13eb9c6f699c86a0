package ro.marc.command.assessment;

import ro.marc.events.assessment.AssessmentEdition;

import java.util.*;

/**
 * {@link FinalisedAssessments} in memory, for aggregate tests: the finalised editions a test names, in the order
 * {@link AssessmentEditionLookup} answers them (work unit name, member name, assessment id).
 */
public final class InMemoryFinalisedAssessments implements FinalisedAssessments {

    private final Map<UUID, FinalisedAssessment> assessments = new LinkedHashMap<>();

    public InMemoryFinalisedAssessments finalised(UUID assessmentId, AssessmentEdition edition) {
        assessments.put(assessmentId, new FinalisedAssessment(edition, true));
        return this;
    }

    public InMemoryFinalisedAssessments inactive(UUID assessmentId) {
        assessments.computeIfPresent(assessmentId, (id, a) -> new FinalisedAssessment(a.edition(), false));
        return this;
    }

    @Override
    public List<IdentifiedEdition> editionsUnder(UUID planId) {
        return assessments.entrySet().stream()
                .filter(e -> e.getValue().active() && e.getValue().edition().planId().equals(planId))
                .map(e -> new IdentifiedEdition(e.getKey(), e.getValue().edition()))
                .sorted(Comparator.comparing((IdentifiedEdition e) -> e.edition().workUnitName())
                        .thenComparing(e -> e.edition().memberName()).thenComparing(IdentifiedEdition::assessmentId))
                .toList();
    }

    @Override
    public Optional<FinalisedAssessment> finalised(UUID assessmentId) {
        return Optional.ofNullable(assessmentId == null ? null : assessments.get(assessmentId));
    }
}
