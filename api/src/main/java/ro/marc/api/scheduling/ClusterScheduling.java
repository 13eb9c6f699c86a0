package ro.marc.api.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled work that must run once across every MARC node, and must not be lost when no node runs at the
 * moment it is due: db-scheduler (the core library; its Spring Boot starter targets Boot 3) on the
 * {@code scheduled_tasks} table (migration {@code V2026.12.05.71}). Every node polls the table
 * ({@code marc.scheduling.polling-interval}, 10 s); a due execution is claimed by one node with an
 * optimistic update of its row, run there, and its next run written back; an execution whose node died is
 * taken over after its heartbeats stop. A run that was due while every node was down runs at the next start.
 *
 * <h2>Adding a task (e.g. the reminders of issue 14)</h2>
 * Declare it as a Spring bean of type {@link Task}; this configuration registers every such bean.
 * <ul>
 *   <li>Recurring: {@code Tasks.recurring("unique-name", new SpringCron(cron, zone)).execute((instance, context) -> ...)}
 *       returning a {@link RecurringTask}: scheduled at start if missing (one row, whatever the number of
 *       nodes); see {@code AccessAuditScheduling}. A changed cron applies from the run after the next one.</li>
 *   <li>One-time: {@code Tasks.oneTime("unique-name", MyData.class).execute((instance, context) -> ...)}, with
 *       {@code MyData} a record; schedule it through the {@link Scheduler} bean (a {@code SchedulerClient}):
 *       {@code scheduler.scheduleIfNotExists(task.instance(id, data), when)}. Use an id derived from what it
 *       is about (e.g. the reminder's entity and due date): scheduling twice while it is pending, from two
 *       nodes or a retried command, then stays one execution. Once it ran its row is gone and the same id
 *       can be scheduled again: the task itself checks, from the entity, that its work is still to do.
 *       The data is stored as JSON ({@link JsonTaskData}).</li>
 * </ul>
 * A task must tolerate running again (a node that dies mid-run leaves it to be run by another) and should
 * do its writes in one transaction, or through commands.
 *
 * <p>{@code @EnableScheduling} stays for per-node periodic work that is safe on every node at once
 * (the dead-letter retry takes its own advisory locks).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ClusterScheduling {

    private static final Logger log = LoggerFactory.getLogger(ClusterScheduling.class);

    @Bean(destroyMethod = "stop")
    Scheduler clusterScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
                               @Value("${marc.scheduling.polling-interval:10s}") Duration pollingInterval,
                               @Value("${marc.node-name:}") String nodeName) {
        return scheduler(dataSource, tasks.orderedStream().toList(), pollingInterval, nodeName);
    }

    /** Started once the application is ready (schema migrated, start-up sequence done), stopped with the context. */
    @EventListener(ApplicationReadyEvent.class)
    public void start(ApplicationReadyEvent ready) {
        Scheduler scheduler = ready.getApplicationContext().getBean(Scheduler.class);
        scheduler.start();
        log.info("Cluster scheduler started");
    }

    /** The scheduler every node runs; public for the tests that run two of them on one database. */
    public static Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Duration pollingInterval, String nodeName) {
        // recurring tasks are known through startTasks (scheduled at start if missing), the others directly
        List<RecurringTask<?>> recurring = new ArrayList<>();
        List<Task<?>> others = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                others.add(task);
            }
        }
        var builder = Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .serializer(new JsonTaskData())
                .pollingInterval(pollingInterval)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(30));
        if (!nodeName.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(nodeName));
        }
        return builder.build();
    }
}
