package ro.marc.api.monitoring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ro.marc.api.MarcApplication;
import ro.marc.api.support.OwnDatabase;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.api.monitoring.ReminderScenario.*;

/**
 * N01 with the real scheduler (db-scheduler's recurring task {@value MeasureReminderScheduling#TASK}, every 2 s here)
 * and a real restart: MARC on its own database with the demo data, the IPJ Cluj register saved with a measure due on
 * 15.05.2027 and another on 20.05.2027. On 12.05 (Axon's clock) the first one's reminder fires, once however many runs
 * follow. MARC stops; while it is down the clock moves to 19.05, past the second one's reminder day (17.05) and the
 * first one's deadline; a new MARC on the same database sends the missed reminder and the overdue flag, each once,
 * and nothing again for the first reminder.
 */
class MeasureReminderRestartTest {

    static final LocalDate FIRST = LocalDate.of(2027, 5, 15);
    static final LocalDate SECOND = LocalDate.of(2027, 5, 20);

    static OwnDatabase database;
    static JdbcClient jdbc;

    @BeforeAll
    static void database() throws Exception {
        database = OwnDatabase.create("reminders");
        jdbc = JdbcClient.create(new SingleConnectionDataSource(database.url(), database.services().dbUser(),
                database.services().dbPassword(), true));
    }

    @AfterAll
    static void dropIt() throws Exception {
        realTime();
        database.drop();
    }

    /**
     * @param demo seed the demo data (the first start); the restart runs without it, as a production node would:
     *             the demo's own monitoring steps follow the demo's deadlines, which this test changed
     */
    static ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(MarcApplication.class).profiles("local").run(
                "--server.port=0",
                "--marc.node-name=reminders",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.services().dbUser(),
                "--spring.datasource.password=" + database.services().dbPassword(),
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--marc.elasticsearch.url=" + database.services().elasticsearchUrl(),
                "--marc.elasticsearch.index-prefix=" + database.indexPrefix(),
                "--marc.security.dev-signer.issuer=marc-test",
                "--marc.demo-data.enabled=" + demo,
                "--marc.reminders.cron=*/2 * * * * *",
                "--marc.scheduling.polling-interval=1s",
                "--spring.application.admin.enabled=false");
    }

    @Test
    void a_reminder_fires_once_three_days_before_and_one_missed_while_marc_was_down_once_after_the_restart() throws Exception {
        Saved saved;
        try (ConfigurableApplicationContext marc = start(true)) {
            saved = saveDemoRegister(marc, FIRST, SECOND);
            today(FIRST.minusDays(4));
            Thread.sleep(5000); // a few runs: nothing is due yet
            assertThat(dueSoon(jdbc, saved.first(), FIRST)).isZero();

            today(FIRST.minusDays(3));
            await(60, () -> dueSoon(jdbc, saved.first(), FIRST) > 0, "the reminder three days before");
            Thread.sleep(5000); // more runs
            assertThat(dueSoon(jdbc, saved.first(), FIRST)).as("once").isEqualTo(1);
            assertThat(dueSoon(jdbc, saved.second(), SECOND)).as("not yet due").isZero();
        }

        // MARC is down from 12.05 to 19.05: the second measure's reminder day (17.05) and the first one's deadline pass
        today(SECOND.minusDays(1));
        try (ConfigurableApplicationContext marc = start(false)) {
            await(120, () -> dueSoon(jdbc, saved.second(), SECOND) > 0 && overdue(jdbc, saved.first(), FIRST) > 0,
                    "the missed reminder and the overdue flag after the restart");
            Thread.sleep(5000);
            assertThat(dueSoon(jdbc, saved.second(), SECOND)).as("the missed reminder, once").isEqualTo(1);
            assertThat(overdue(jdbc, saved.first(), FIRST)).as("the overdue flag, once").isEqualTo(1);
            assertThat(dueSoon(jdbc, saved.first(), FIRST)).as("the first reminder is not sent again").isEqualTo(1);
            // one durable row for the recurring task
            assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?").param(MeasureReminderScheduling.TASK)
                    .query(Long.class).single()).isEqualTo(1);
            // and the member was told once of each (N01)
            await(60, () -> dueSoonNotifications(jdbc, saved.first(), FIRST) > 0 && dueSoonNotifications(jdbc, saved.second(), SECOND) > 0,
                    "the notifications");
            Thread.sleep(2000);
            assertThat(dueSoonNotifications(jdbc, saved.first(), FIRST)).isEqualTo(1);
            assertThat(dueSoonNotifications(jdbc, saved.second(), SECOND)).isEqualTo(1);
        } finally {
            realTime();
        }
    }
}
