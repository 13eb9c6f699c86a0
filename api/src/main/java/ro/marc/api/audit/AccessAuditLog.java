package ro.marc.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.CallerAuthentication;
import ro.marc.api.common.CorrelationIdFilter;
import ro.marc.command.common.CommandRejected;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Appends entries to the access audit ({@code access_audit}), one INSERT each, outside the domain
 * event stream. Request rows are written synchronously, before the answer leaves: the INSERT was
 * profiled at 2–4 % of a cheap query's CPU (issue 10), too little to trade for a queue whose rows a
 * crash would lose. Request-level entries ({@link #append}) never fail a request: a failure is logged at
 * ERROR on {@code ro.marc.security.audit} (where monitoring must watch) and the request goes on.
 * Command entries ({@link #appendOrFail}, from {@link CommandAuditInterceptor}) are written in the
 * command's transaction and fail the command when they cannot be stored.
 */
@Component
public class AccessAuditLog {

    /** Where audit-store failures are reported. */
    static final Logger LOG = LoggerFactory.getLogger("ro.marc.security.audit");

    /** How a request ended, from the classification of its errors. */
    public enum Outcome {
        OK, DENIED, UNAUTHORIZED, INVALID, CONFLICT, NOT_FOUND, ERROR;

        /** A refused command's outcome, by its reason. */
        public static Outcome of(CommandRejected.Reason reason) {
            return switch (reason) {
                case INVALID -> INVALID;
                case NOT_FOUND -> NOT_FOUND;
                case CONFLICT -> CONFLICT;
                case FORBIDDEN -> DENIED;
            };
        }
    }

    /**
     * One audited request.
     *
     * @param userId          the MARC account, or null when the identity is linked to none
     * @param operationType   query, mutation or subscription; null when the document names no runnable operation
     * @param operations      the top-level field names of the operation run
     * @param operationName   the client's operation name, or null
     * @param objects         the objects read or changed
     * @param orgUnits        the org units those objects belong to
     * @param correlationId   MARC's own id for the request (links a command row to its request row)
     * @param clientCorrelationId the client's X-Correlation-Id, when acceptable
     * @param command         on a command row (written in the command's transaction): the command type
     * @param aggregateId     on a command row: the aggregate the command was sent to
     */
    public record AccessAuditEntry(Instant at, UUID userId, String issuer, String subject, List<String> roles,
                                   UUID callerOrgUnitId, String operationType, List<String> operations,
                                   String operationName, List<UUID> objects, List<UUID> orgUnits, Outcome outcome,
                                   List<String> errorCodes, List<String> denials, String correlationId,
                                   String clientAddress, int durationMs, String clientCorrelationId,
                                   String command, String aggregateId) {

        /** A request-level entry without a client correlation id. */
        public AccessAuditEntry(Instant at, UUID userId, String issuer, String subject, List<String> roles,
                                UUID callerOrgUnitId, String operationType, List<String> operations,
                                String operationName, List<UUID> objects, List<UUID> orgUnits, Outcome outcome,
                                List<String> errorCodes, List<String> denials, String correlationId,
                                String clientAddress, int durationMs) {
            this(at, userId, issuer, subject, roles, callerOrgUnitId, operationType, operations, operationName, objects,
                    orgUnits, outcome, errorCodes, denials, correlationId, clientAddress, durationMs, null, null, null);
        }

        public AccessAuditEntry {
            roles = roles == null ? List.of() : List.copyOf(roles);
            operations = operations == null ? List.of() : List.copyOf(operations);
            objects = objects == null ? List.of() : List.copyOf(objects);
            orgUnits = orgUnits == null ? List.of() : List.copyOf(orgUnits);
            errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
            denials = denials == null ? List.of() : List.copyOf(denials);
        }
    }

    private static final String INSERT = """
            INSERT INTO access_audit (at, user_id, issuer, subject, roles, caller_org_unit_id, operation_type,
                operations, operation_name, objects, org_units, outcome, error_codes, denials, correlation_id,
                client_address, duration_ms, client_correlation_id, command, aggregate_id)
            VALUES (:at, :userId, :issuer, :subject, :roles::text[], :callerOrgUnitId, :operationType,
                :operations::text[], :operationName, :objects::uuid[], :orgUnits::uuid[], :outcome,
                :errorCodes::text[], :denials::text[], :correlationId, :clientAddress, :durationMs,
                :clientCorrelationId, :command, :aggregateId)""";

    private final JdbcClient jdbc;

    public AccessAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entry; returns false (after logging at ERROR) when it could not be stored. */
    public boolean append(AccessAuditEntry entry) {
        try {
            insert(entry);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Access audit entry NOT stored: {}", entry, e);
            return false;
        }
    }

    /**
     * The row of a request to a plain HTTP endpoint (a document's download, an upload), which no GraphQL
     * interceptor sees: the current caller (none: an anonymous row), MARC's and the client's correlation ids, the
     * client's address and the time since {@code startedNanos} ({@link System#nanoTime}). Never fails the request.
     */
    public boolean appendHttpRequest(HttpServletRequest request, String operationType, String operation,
                                     String operationName, List<UUID> objects, List<UUID> orgUnits, Outcome outcome,
                                     List<String> errorCodes, List<String> denials, long startedNanos) {
        CallerAuthentication auth = CallerAuthentication.current();
        Caller caller = auth == null ? null : auth.caller();
        List<String> roles = caller == null ? List.of() : caller.roleNames().stream().map(Enum::name).sorted().toList();
        return append(new AccessAuditEntry(Instant.now(), caller == null ? null : caller.userId(),
                caller == null ? null : caller.issuer(), caller == null ? null : caller.subject(), roles,
                caller == null ? null : caller.orgUnitId(), operationType, List.of(operation), operationName, objects,
                orgUnits, outcome, errorCodes, denials, MDC.get(CorrelationIdFilter.MDC_KEY), request.getRemoteAddr(),
                (int) ((System.nanoTime() - startedNanos) / 1_000_000), MDC.get(CorrelationIdFilter.CLIENT_MDC_KEY),
                null, null));
    }

    /**
     * Appends the entry in the caller's transaction (the connection bound to the current Spring
     * transaction, if any) and lets a failure propagate: the command audit uses it so that a change
     * whose row cannot be written is rolled back with it.
     */
    public void appendOrFail(AccessAuditEntry entry) {
        insert(entry);
    }

    private void insert(AccessAuditEntry entry) {
            jdbc.sql(INSERT)
                    .param("at", OffsetDateTime.ofInstant(entry.at() == null ? Instant.now() : entry.at(), ZoneOffset.UTC))
                    .param("userId", entry.userId())
                    .param("issuer", entry.issuer())
                    .param("subject", entry.subject())
                    .param("roles", texts(entry.roles()))
                    .param("callerOrgUnitId", entry.callerOrgUnitId())
                    .param("operationType", entry.operationType())
                    .param("operations", texts(entry.operations()))
                    .param("operationName", entry.operationName())
                    .param("objects", texts(entry.objects()))
                    .param("orgUnits", texts(entry.orgUnits()))
                    .param("outcome", (entry.outcome() == null ? Outcome.ERROR : entry.outcome()).name())
                    .param("errorCodes", texts(entry.errorCodes()))
                    .param("denials", texts(entry.denials()))
                    .param("correlationId", entry.correlationId())
                    .param("clientAddress", entry.clientAddress())
                    .param("durationMs", entry.durationMs())
                    .param("clientCorrelationId", entry.clientCorrelationId())
                    .param("command", entry.command())
                    .param("aggregateId", entry.aggregateId())
                    .update();
    }

    /** Arrays are bound as text[] (the driver maps String[]) and cast in SQL. */
    private static String[] texts(Collection<?> values) {
        return values.stream().map(String::valueOf).toArray(String[]::new);
    }
}
