package ro.marc.events.plan;

/** DRAFT (saved provisionally, any number of times) → ACTIVE (one per org unit) → CLOSED (read-only). */
public enum PlanStatus {
    DRAFT, ACTIVE, CLOSED
}
