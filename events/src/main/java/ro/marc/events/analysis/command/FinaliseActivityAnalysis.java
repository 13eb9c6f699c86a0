package ro.marc.events.analysis.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Finalises the draft as the next edition (at least one activity, each with at least one task). */
public record FinaliseActivityAnalysis(@TargetAggregateIdentifier UUID analysisId, long expectedVersion)
        implements ActivityAnalysisCommand {
}
