package ro.marc.api.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Work that one MARC node at a time may do, across every node on the database: a PostgreSQL session
 * advisory lock held on a connection of its own for the whole work (the work's own statements run on
 * other connections, in their own transactions). A node that finds the lock taken waits, then does the
 * work after the other one, and finds it done: the work must be written so that doing it again is a
 * no-op (MARC's start-up steps are). If the node dies, PostgreSQL drops its session and the lock with it.
 */
@Component
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final DataSource dataSource;

    public ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the lock {@code name} (hashed to the advisory lock key with {@code hashtext}). */
    public void run(String name, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(hashtext('marc'), hashtext(?))", name)) {
                log.info("Waiting for another MARC node to finish '{}'", name);
                call(connection, "SELECT pg_advisory_lock(hashtext('marc'), hashtext(?))", name);
            }
            try {
                work.run();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(hashtext('marc'), hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the cluster lock '" + name + "'", e);
        }
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getObject(1) instanceof Boolean b && b;
            }
        }
    }
}
