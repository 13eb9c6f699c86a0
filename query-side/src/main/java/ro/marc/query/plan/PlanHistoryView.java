package ro.marc.query.plan;

import java.time.Instant;

/** One event of the plan's stream: its type (PlanDrafted, PlanDraftSaved, PlanActivated, PlanRevised, PlanClosed). */
public record PlanHistoryView(long sequenceNumber, String type, Instant at, String byUserId, Integer edition) {
}
