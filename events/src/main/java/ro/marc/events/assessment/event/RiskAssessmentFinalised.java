package ro.marc.events.assessment.event;

import ro.marc.events.EventName;
import ro.marc.events.assessment.AssessmentEdition;

import java.util.UUID;

/** An edition was finalised (UCA 62); the head and integrity counsellor are notified, and of a late one more people. */
@EventName("assessment.RiskAssessmentFinalised")
public record RiskAssessmentFinalised(UUID assessmentId, AssessmentEdition edition) {
}
