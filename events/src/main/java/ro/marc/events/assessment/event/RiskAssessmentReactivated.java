package ro.marc.events.assessment.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("assessment.RiskAssessmentReactivated")
public record RiskAssessmentReactivated(UUID assessmentId) {
}
