package ro.marc.events.analysis.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.analysis.AnalysedActivity;

import java.util.List;
import java.util.UUID;

/**
 * Replaces the analysis' content (saved provisionally, any number of times). On a finalised analysis it
 * starts the next edition as a draft (the finalised one stays in the history and as a PDF).
 */
public record SaveActivityAnalysis(@TargetAggregateIdentifier UUID analysisId, List<AnalysedActivity> activities,
                                   long expectedVersion) implements ActivityAnalysisCommand {
}
