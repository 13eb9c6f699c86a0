package ro.marc.events.assessment.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** A401: the assessment is left out of the register until reactivated. */
@EventName("assessment.RiskAssessmentInactivated")
public record RiskAssessmentInactivated(UUID assessmentId) {
}
