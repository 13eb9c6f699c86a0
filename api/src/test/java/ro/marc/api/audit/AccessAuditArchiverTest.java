package ro.marc.api.audit;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly archiving rule: when it runs and what it moves. */
class AccessAuditArchiverTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

    @Test
    void run_on_the_last_day_of_a_month_archives_that_month_of_the_previous_year_and_older() {
        // 30 Nov 2026: November 2025 leaves, December 2025 stays online
        assertThat(AccessAuditArchiver.cutoff(LocalDate.of(2026, 11, 30), BUCHAREST))
                .isEqualTo(Instant.parse("2025-11-30T22:00:00Z")) // 2025-12-01T00:00 EET (UTC+2)
                .isEqualTo(LocalDate.of(2025, 12, 1).atStartOfDay(BUCHAREST).toInstant());
    }

    @Test
    void summer_time_and_year_boundaries() {
        // 31 May 2026: May 2025 leaves; 1 June 2025 00:00 EEST is 21:00 UTC the day before
        assertThat(AccessAuditArchiver.cutoff(LocalDate.of(2026, 5, 31), BUCHAREST))
                .isEqualTo(Instant.parse("2025-05-31T21:00:00Z"));
        // 31 Dec 2026: December 2025 leaves, January 2026 stays
        assertThat(AccessAuditArchiver.cutoff(LocalDate.of(2026, 12, 31), BUCHAREST))
                .isEqualTo(LocalDate.of(2026, 1, 1).atStartOfDay(BUCHAREST).toInstant());
        // 29 Feb 2028 (leap year): February 2027 leaves
        assertThat(AccessAuditArchiver.cutoff(LocalDate.of(2028, 2, 29), BUCHAREST))
                .isEqualTo(LocalDate.of(2027, 3, 1).atStartOfDay(BUCHAREST).toInstant());
    }

    @Test
    void a_late_run_within_the_month_moves_the_same_entries() {
        assertThat(AccessAuditArchiver.cutoff(LocalDate.of(2026, 11, 3), BUCHAREST))
                .isEqualTo(AccessAuditArchiver.cutoff(LocalDate.of(2026, 11, 30), BUCHAREST));
    }

    @Test
    void what_stays_online_after_a_run_is_at_most_twelve_calendar_months() {
        LocalDate run = LocalDate.of(2026, 11, 30);
        ZonedDateTime cutoff = AccessAuditArchiver.cutoff(run, BUCHAREST).atZone(BUCHAREST);
        // online: December 2025 .. November 2026
        assertThat(cutoff.toLocalDate().plusMonths(12)).isEqualTo(run.plusDays(1));
        // an entry exactly one year old at the run (30 Nov 2025, 23:30) is archived
        Instant oneYearOld = run.minusYears(1).atTime(23, 30).atZone(BUCHAREST).toInstant();
        assertThat(oneYearOld).isBefore(cutoff.toInstant());
    }

    @Test
    void the_default_schedule_is_the_last_day_of_every_month_at_23_30() {
        CronExpression cron = CronExpression.parse("0 30 23 L * *");
        assertThat(cron.next(LocalDateTime.of(2026, 11, 1, 0, 0))).isEqualTo(LocalDateTime.of(2026, 11, 30, 23, 30));
        assertThat(cron.next(LocalDateTime.of(2026, 11, 30, 23, 31))).isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 30));
        assertThat(cron.next(LocalDateTime.of(2028, 2, 1, 0, 0))).isEqualTo(LocalDateTime.of(2028, 2, 29, 23, 30));
        assertThat(cron.next(LocalDateTime.of(2027, 2, 1, 0, 0))).isEqualTo(LocalDateTime.of(2027, 2, 28, 23, 30));
    }
}
