package ro.marc.api.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.audit.AccessAuditArchiver;
import ro.marc.api.support.ApiTestSupport;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled work once across nodes: two schedulers ({@link ClusterScheduling#scheduler}) on one database. */
class ClusterSchedulingTest extends ApiTestSupport {

    record Reminder(String about) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void two_schedulers_on_one_database_run_each_due_task_once() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, String> ranOn = new ConcurrentHashMap<>();
        OneTimeTask<Reminder> reminder = Tasks.oneTime("test-reminder-" + suffix, Reminder.class)
                .execute((instance, context) -> {
                    runs.computeIfAbsent(instance.getData().about(), k -> new AtomicInteger()).incrementAndGet();
                    ranOn.put(instance.getData().about(), String.valueOf(context.getExecution().pickedBy));
                });
        List<Instant> recurringRuns = new CopyOnWriteArrayList<>();
        RecurringTask<Void> everySecond = Tasks.recurring("test-every-second-" + suffix, new SpringCron("* * * * * *", ZoneId.of("UTC")))
                .execute((instance, context) -> recurringRuns.add(context.getExecution().getExecutionTime()));
        List<Task<?>> tasks = List.of(reminder, everySecond);

        Scheduler one = ClusterScheduling.scheduler(dataSource, tasks, Duration.ofMillis(100), "test-one-" + suffix);
        Scheduler two = ClusterScheduling.scheduler(dataSource, tasks, Duration.ofMillis(100), "test-two-" + suffix);
        try {
            one.start();
            two.start();
            int reminders = 40;
            Instant due = Instant.now().plusSeconds(2);
            for (int i = 0; i < reminders; i++) {
                // scheduled through either node, twice while pending: the id makes it one execution
                String about = "entity-" + i;
                (i % 2 == 0 ? one : two).scheduleIfNotExists(reminder.instance(about, new Reminder(about)), due);
                (i % 2 == 0 ? two : one).scheduleIfNotExists(reminder.instance(about, new Reminder(about)), due);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((runs.size() < reminders || recurringRuns.size() < 4) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runs).hasSize(reminders);
            assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            System.out.println("ClusterSchedulingTest: reminders run per scheduler " + ranOn.values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(name -> name, java.util.stream.Collectors.counting())));
            assertThat(recurringRuns).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
            assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?").param("test-every-second-" + suffix)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            one.stop();
            two.stop();
            jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name LIKE ?").param("test-%-" + suffix).update();
        }
        Thread.sleep(1200); // a recurring run that was due while they stopped ran nowhere
        assertThat(recurringRuns).doesNotHaveDuplicates();
    }

    @Test
    void the_access_audit_archiving_is_scheduled_once_for_the_last_day_of_the_month_at_23_30() {
        List<OffsetDateTime> next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'access-audit-archiving'")
                .query(OffsetDateTime.class).list();
        assertThat(next).hasSize(1);
        LocalDateTime local = LocalDateTime.ofInstant(next.getFirst().toInstant(), ZoneId.of("Europe/Bucharest"));
        assertThat(local.toLocalTime().toString()).isEqualTo("23:30");
        assertThat(local.toLocalDate().plusDays(1).getDayOfMonth()).isEqualTo(1);
        // a run made late archives what the run that was due would have: the cutoff follows the due date
        Instant dueNov30 = LocalDateTime.parse("2026-11-30T23:30").atZone(ZoneId.of("Europe/Bucharest")).toInstant();
        assertThat(AccessAuditArchiver.cutoff(LocalDateTime.ofInstant(dueNov30, ZoneId.of("Europe/Bucharest")).toLocalDate(),
                ZoneId.of("Europe/Bucharest"))).isEqualTo(LocalDateTime.parse("2025-12-01T00:00").atZone(ZoneId.of("Europe/Bucharest")).toInstant());
    }
}
