package ro.marc.api.projection;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import ro.marc.query.search.IndexingFailed;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that passes by itself (a service refusing, timing out, overloaded, a connection
 * cut) from one that will fail again on every attempt (a poison event, a projection bug). Transient
 * failures are retried by the processor with back-off, never dead-lettered; the others are.
 *
 * <p>The whole cause chain is looked at: Axon, Spring and the Elasticsearch client wrap the
 * underlying {@link IOException} or {@link SQLException} in their own exceptions.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes that describe the connection or the server, not the statement:
     * 08 connection exception, 40 transaction rollback (serialization failure, deadlock), 53
     * insufficient resources, 57 operator intervention (admin shutdown, cannot connect now,
     * statement timeout), 58 system error, 55P03 lock not available, 25P02 "current transaction is
     * aborted" (a consequence of an earlier failure in the same transaction: retrying the batch
     * from a fresh transaction is the cure).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "25P02");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    if (isTransientItself(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        return switch (t) {
            case IndexingFailed indexing -> transientStatus(indexing.status());
            case ElasticsearchException es -> transientStatus(es.status());
            case TransportException transport -> transport.statusCode() <= 0 || transientStatus(transport.statusCode());
            // connection refused or reset, timeouts, closed connections, name resolution: the network
            case IOException io -> true;
            case SQLTransientException sql -> true;      // Hikari "connection is not available", timeouts
            case SQLRecoverableException sql -> true;
            case SQLException sql -> sql.getSQLState() != null && (TRANSIENT_SQL_STATES.contains(sql.getSQLState())
                    || sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2)));
            case TransientDataAccessException dae -> true;
            case RecoverableDataAccessException dae -> true;
            // includes CannotGetJdbcConnectionException: the database is unreachable
            case DataAccessResourceFailureException dae -> true;
            case CannotCreateTransactionException tx -> true;
            default -> false;
        };
    }

    /** 408 timeout, 429 too many requests (ES rejected execution), every 5xx (unavailable shards, gateway). */
    static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
