package ro.marc.events.analysis.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Starts the caller's activity analysis of one work unit assigned to them by the structure's active plan,
 * as an empty draft. {@code analysisId} must be {@link ro.marc.events.analysis.AnalysisIds#of}; starting it
 * again answers its current version. {@code memberUserId}: null (the caller); only MARC itself, seeding
 * demo data, names the member.
 */
public record StartActivityAnalysis(@TargetAggregateIdentifier UUID analysisId, UUID planId, UUID workUnitId,
                                    UUID memberUserId) implements ActivityAnalysisCommand {
}
