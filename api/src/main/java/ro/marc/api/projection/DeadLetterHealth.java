package ro.marc.api.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} component {@code deadLetters}: per projection group the number of dead
 * letters, of parked sequences (entities) and the oldest one, and the gauge
 * {@code marc.projection.dead.letters{group}}.
 *
 * <p>The status stays UP: a dead letter is a data problem of one entity in one read model, not an
 * unavailable node. A load balancer or orchestrator acting on DOWN would take every node out (they
 * share the database, so they all report the same dead letters) or restart them, which heals nothing
 * and turns one stale entity into a total outage. The details and the ERROR log line are the alarm.
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealth implements HealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        for (String group : ProjectionGroups.ALL) {
            Gauge.builder("marc.projection.dead.letters", deadLetters.count(group), Number::doubleValue)
                    .description("Dead letters of a projection group (as of the last health check or retry)")
                    .tag("group", group).register(meters);
        }
    }

    @Override
    public Health health() {
        Map<String, Object> groups = new LinkedHashMap<>();
        long total = 0;
        for (DeadLetters.GroupSummary s : deadLetters.summaries()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("deadLetters", s.deadLetters());
            detail.put("sequences", s.sequences());
            if (s.oldestEnqueuedAt() != null) {
                detail.put("oldestEnqueuedAt", s.oldestEnqueuedAt());
            }
            groups.put(s.group(), detail);
            total += s.deadLetters();
        }
        return Health.up().withDetail("total", total).withDetail("groups", groups).build();
    }
}
