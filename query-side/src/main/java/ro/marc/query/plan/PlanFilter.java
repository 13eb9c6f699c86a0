package ro.marc.query.plan;

import ro.marc.events.plan.PlanStatus;

import java.util.List;
import java.util.UUID;

/**
 * Which plans to list. {@code matchingIds}: when a text search ran first, the plans it found, best first
 * (the list keeps that order); null when no text was given.
 */
public record PlanFilter(UUID orgUnitId, PlanStatus status, List<UUID> matchingIds) {
}
