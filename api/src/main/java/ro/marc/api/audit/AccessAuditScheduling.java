package ro.marc.api.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.scheduling.SpringCron;

/**
 * The monthly archiving of the access audit as a recurring task of the cluster scheduler
 * ({@code ro.marc.api.scheduling.ClusterScheduling}): one run per schedule whatever the number of nodes,
 * and a run missed while every node was down is made at the next start. {@code marc.audit.archive-cron}
 * (Spring cron, last day of the month at 23:30 by default) in {@code marc.audit.zone}.
 */
@Configuration(proxyBeanMethods = false)
public class AccessAuditScheduling {

    static final String TASK = "access-audit-archiving";

    @Bean
    RecurringTask<Void> accessAuditArchiving(AccessAuditArchiver archiver,
                                             @Value("${marc.audit.archive-cron:0 30 23 L * *}") String cron) {
        return Tasks.recurring(TASK, new SpringCron(cron, archiver.zone()))
                .execute((instance, context) -> archiver.archiveRunDueAt(context.getExecution().getExecutionTime()));
    }
}
