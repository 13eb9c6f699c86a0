package ro.marc.api.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries every group's dead letters periodically ({@code marc.projections.dead-letters.retry-interval},
 * 30 s by default), so that events parked by a failure that has since passed (a fixed bug after a
 * deployment, a referenced row that arrived later) reach the read models with no operator action.
 * Safe with two nodes: see {@link DeadLetters}. Transient failures are not parked in the first place
 * ({@link ProjectionFailurePolicy}).
 */
@Component
public class DeadLetterRetrier {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrier.class);

    private final DeadLetters deadLetters;
    private final int maxSequences;

    public DeadLetterRetrier(DeadLetters deadLetters,
                             @Value("${marc.projections.dead-letters.retry-max-sequences:500}") int maxSequences) {
        this.deadLetters = deadLetters;
        this.maxSequences = maxSequences;
    }

    @Scheduled(initialDelayString = "${marc.projections.dead-letters.retry-interval:30s}",
            fixedDelayString = "${marc.projections.dead-letters.retry-interval:30s}")
    public void retryAll() {
        for (DeadLetters.GroupSummary summary : deadLetters.summaries()) {
            if (summary.deadLetters() == 0) {
                continue;
            }
            try {
                deadLetters.retry(summary.group(), maxSequences);
            } catch (RuntimeException e) {
                log.warn("Projection {}: periodic retry of dead letters failed: {}", summary.group(),
                        DeadLetterText.shortCause(e));
            }
        }
    }
}
