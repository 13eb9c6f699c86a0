package ro.marc.events.questionnaire.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.questionnaire.Question;

import java.util.List;
import java.util.UUID;

/**
 * Publishes a new version of the standard questionnaire with these questions, in this order (UCA 85:
 * questions added, edited, removed or reordered at once). {@code expectedVersion} 0 publishes the first
 * version.
 */
public record EditQuestionnaire(@TargetAggregateIdentifier UUID questionnaireId, List<Question> questions,
                                long expectedVersion) {
}
