package ro.marc.api.monitoring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ro.marc.api.MarcApplication;
import ro.marc.ops.services.MarcServices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.UUID;

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

    static MarcServices.ServiceEndpoints services;
    static String database;
    static String url;
    static String indexPrefix;
    static JdbcClient jdbc;

    @BeforeAll
    static void database() throws Exception {
        services = MarcServices.forTests();
        database = "marc_reminders_" + UUID.randomUUID().toString().substring(0, 8);
        url = services.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Connection admin = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword())) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        jdbc = JdbcClient.create(new SingleConnectionDataSource(url, services.dbUser(), services.dbPassword(), true));
        indexPrefix = "marc-reminders-" + database.substring(15);
    }

    @AfterAll
    static void dropIt() throws Exception {
        realTime();
        try (Connection admin = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword())) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        HttpClient http = HttpClient.newHttpClient();
        String indexes = http.send(HttpRequest.newBuilder(URI.create(services.elasticsearchUrl() + "/_cat/indices/" + indexPrefix + "-*?h=index"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String index : indexes.split("\\s+")) {
            if (index.startsWith(indexPrefix)) {
                http.send(HttpRequest.newBuilder(URI.create(services.elasticsearchUrl() + "/" + index)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MarcApplication.class).profiles("local").run(
                "--server.port=0",
                "--marc.node-name=reminders",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + services.dbUser(),
                "--spring.datasource.password=" + services.dbPassword(),
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--marc.elasticsearch.url=" + services.elasticsearchUrl(),
                "--marc.elasticsearch.index-prefix=" + indexPrefix,
                "--marc.security.dev-signer.issuer=marc-test",
                "--marc.demo-data.enabled=true",
                "--marc.reminders.cron=*/2 * * * * *",
                "--marc.scheduling.polling-interval=1s",
                "--spring.application.admin.enabled=false");
    }

    @Test
    void a_reminder_fires_once_three_days_before_and_one_missed_while_marc_was_down_once_after_the_restart() throws Exception {
        Saved saved;
        try (ConfigurableApplicationContext marc = start()) {
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
        try (ConfigurableApplicationContext marc = start()) {
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
            await(60, () -> notifications(saved, "MEASURE_DUE_SOON") == 2 && notifications(saved, "MEASURE_OVERDUE") >= 1,
                    "the notifications");
            assertThat(notifications(saved, "MEASURE_DUE_SOON")).isEqualTo(2);
        } finally {
            realTime();
        }
    }

    /** The notifications of {@code kind} about the two measures' assessments. */
    private static long notifications(Saved saved, String kind) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE kind = ? AND subject_id IN (?, ?)")
                .params(kind, saved.first().assessmentId(), saved.second().assessmentId()).query(Long.class).single();
    }
}
