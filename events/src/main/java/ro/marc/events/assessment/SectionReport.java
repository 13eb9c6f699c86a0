package ro.marc.events.assessment;

import java.util.List;

/** One section's status and, unless COMPLETE, why: each reason names the field as the API spells it. */
public record SectionReport(AssessmentSection section, SectionStatus status, List<Reason> reasons) {

    public SectionReport {
        reasons = List.copyOf(reasons);
    }

    public record Reason(String field, String code, String message) {
    }
}
