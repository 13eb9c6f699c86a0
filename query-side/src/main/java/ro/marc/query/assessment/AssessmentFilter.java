package ro.marc.query.assessment;

import ro.marc.events.methodology.RiskClass;

import java.util.Set;
import java.util.UUID;

/**
 * The list's and search's filters; every set empty or null means "any", several values "any of them". {@code text}
 * is answered by {@link AssessmentSearch} (the description lists, risk, activity, work unit, structure, measures;
 * diacritics folded). Inactivated assessments only with {@code includeInactive}.
 */
public record AssessmentFilter(String text, Set<UUID> planIds, Set<UUID> orgUnitIds, Set<UUID> workUnitIds,
                               Set<UUID> activityIds, Set<UUID> riskIds, Set<UUID> memberUserIds, Set<String> statuses,
                               Set<RiskClass> classes, Set<Integer> priorities, boolean includeInactive) {

    public AssessmentFilter {
        planIds = planIds == null ? Set.of() : Set.copyOf(planIds);
        orgUnitIds = orgUnitIds == null ? Set.of() : Set.copyOf(orgUnitIds);
        workUnitIds = workUnitIds == null ? Set.of() : Set.copyOf(workUnitIds);
        activityIds = activityIds == null ? Set.of() : Set.copyOf(activityIds);
        riskIds = riskIds == null ? Set.of() : Set.copyOf(riskIds);
        memberUserIds = memberUserIds == null ? Set.of() : Set.copyOf(memberUserIds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        classes = classes == null ? Set.of() : Set.copyOf(classes);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    }

    public static AssessmentFilter none() {
        return new AssessmentFilter(null, null, null, null, null, null, null, null, null, null, false);
    }
}
