package ro.marc.api.scheduling;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A db-scheduler schedule from a Spring cron expression (six fields, seconds first, {@code L} for the
 * last day of the month), so MARC's cron properties keep the meaning they had under {@code @Scheduled}.
 */
public record SpringCron(CronExpression cron, ZoneId zone) implements Schedule {

    public SpringCron(String cron, ZoneId zone) {
        this(CronExpression.parse(cron), zone);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return next(executionComplete.getTimeDone());
    }

    /** The first time strictly after {@code after}. */
    public Instant next(Instant after) {
        var next = cron.next(after.atZone(zone));
        if (next == null) {
            throw new IllegalStateException("Cron " + cron + " has no next time after " + after);
        }
        return next.toInstant();
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }
}
