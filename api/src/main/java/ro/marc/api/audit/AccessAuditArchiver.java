package ro.marc.api.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Monthly archiving of the access audit: on the last day of month M of year Y (23:30, in
 * {@code marc.audit.zone}, Europe/Bucharest by default) every entry older than the first day of
 * month M+1 of year Y-1 moves, id unchanged, from {@code access_audit} to
 * {@code access_audit_archive}: the whole month M of the previous year (and anything older a missed
 * run left behind). The online table then holds the last twelve calendar months. Archived entries
 * are kept and stay queryable ({@code includeArchived}).
 */
@Component
public class AccessAuditArchiver {

    private static final Logger LOG = LoggerFactory.getLogger("ro.marc.security.audit");

    private static final String COLUMNS = """
            id, at, user_id, issuer, subject, roles, caller_org_unit_id, operation_type, operations, operation_name,
            objects, org_units, outcome, error_codes, denials, correlation_id, client_address, duration_ms,
            client_correlation_id, command, aggregate_id""";

    private static final String MOVE = """
            WITH moved AS (DELETE FROM access_audit WHERE at < ? RETURNING %1$s)
            INSERT INTO access_audit_archive (%1$s) SELECT %1$s FROM moved""".formatted(COLUMNS);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    public AccessAuditArchiver(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                               @Value("${marc.audit.zone:Europe/Bucharest}") String zone) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.zone = ZoneId.of(zone);
    }

    /**
     * The first instant that stays online when archiving runs on {@code runDate}: the first day of
     * the month after {@code runDate}'s month, one year earlier, at midnight in {@code zone}. Run on
     * 2026-11-30 it is 2025-12-01T00:00 Europe/Bucharest: November 2025 and everything older moves.
     */
    public static Instant cutoff(LocalDate runDate, ZoneId zone) {
        return runDate.withDayOfMonth(1).plusMonths(1).minusYears(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The monthly run (AccessAuditScheduling, once across nodes) that was due at {@code scheduledAt}: the
     * cutoff follows the day it was due, not the day it ran, so a run made late (every node was down at
     * 23:30) archives the same month it would have.
     */
    public int archiveRunDueAt(Instant scheduledAt) {
        try {
            return archive(cutoff(LocalDate.ofInstant(scheduledAt, zone), zone));
        } catch (RuntimeException e) {
            LOG.error("Access audit archiving failed; the entries stay online until the next run", e);
            throw e;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** Moves every entry older than {@code cutoff} to the archive, in one transaction; returns how many. */
    public int archive(Instant cutoff) {
        Integer moved = transactions.execute(status -> {
            // the only way past access_audit's append-only trigger, and only for this transaction
            jdbc.sql("SELECT set_config('marc.audit_archiving', 'on', true)").query().singleValue();
            return jdbc.sql(MOVE).param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
        });
        int count = moved == null ? 0 : moved;
        LOG.info("Access audit: {} entries older than {} moved to the archive", count, cutoff);
        return count;
    }
}
