package ro.marc.events.assessment.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** UCA 62: edition {@code edition} opened as a draft holding the finalised content of {@code edition - 1}. */
@EventName("assessment.AssessmentEditionStarted")
public record AssessmentEditionStarted(UUID assessmentId, int edition) {
}
