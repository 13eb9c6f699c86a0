package ro.marc.command.access;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Runs a statement of a lookup inside a savepoint of the caller's transaction, so that a unique-index
 * violation (a racing command committed first) leaves the transaction usable: the lookup then reads
 * who won and refuses with the same typed answer the handler would have given. PostgreSQL aborts the
 * whole transaction on an error otherwise.
 */
public final class Savepoints {

    private Savepoints() {
    }

    public static <T> T within(DataSource dataSource, Supplier<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("A savepoint of the command's transaction failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
