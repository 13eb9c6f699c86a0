package ro.marc.api.monitoring;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.scheduling.SpringCron;
import ro.marc.command.common.RomanianCalendar;

/**
 * The measures' reminders and overdue flags (N01, §2.4) as a recurring task of the cluster scheduler
 * ({@code ro.marc.api.scheduling.ClusterScheduling}, db-scheduler on PostgreSQL): one run per schedule whatever the
 * number of nodes (a run is claimed by one node through its row), durable (a run due while every node was down is
 * made at the next start, and it reminds of everything due that day). {@code marc.reminders.cron} (Spring cron,
 * every 15 minutes by default) in Romania's zone.
 */
@Configuration(proxyBeanMethods = false)
public class MeasureReminderScheduling {

    public static final String TASK = "measure-reminders";

    @Bean
    RecurringTask<Void> measureReminders(MeasureReminderSweep sweep,
                                         @Value("${marc.reminders.cron:0 */15 * * * *}") String cron) {
        return Tasks.recurring(TASK, new SpringCron(cron, RomanianCalendar.ROMANIA))
                .execute((instance, context) -> sweep.run());
    }
}
