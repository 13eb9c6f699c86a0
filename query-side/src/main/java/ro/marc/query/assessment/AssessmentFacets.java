package ro.marc.query.assessment;

import java.util.List;

/**
 * The facets of a filtered list (item 7), counted over everything the filter and the caller's reach select (not one
 * page): by class, priority, status, structure, activity and risk. Unevaluated assessments count under class and
 * priority "NONE".
 */
public record AssessmentFacets(long total, List<Bucket> byClass, List<Bucket> byPriority, List<Bucket> byStatus,
                               List<Bucket> byOrgUnit, List<Bucket> byActivity, List<Bucket> byRisk) {

    /** {@code key}: the value (an id for structures, activities and risks), {@code label}: its name. */
    public record Bucket(String key, String label, long count) {
    }
}
