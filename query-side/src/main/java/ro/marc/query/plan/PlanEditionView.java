package ro.marc.query.plan;

import java.time.Instant;
import java.util.UUID;

/** One published edition of a plan: 1 for the activation, +1 for every change after it. */
public record PlanEditionView(int edition, Instant publishedAt, UUID publishedBy, String publishedByName) {
}
