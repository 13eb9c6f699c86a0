package ro.marc.api.nomenclature;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Start-up seeding of the nomenclature, one node at a time: a PostgreSQL session advisory lock held on a
 * connection of its own while the seeding sends its commands (each in its own transaction). With no
 * single nomenclature stream any more, "seed only when empty" is a read of the lookup followed by many
 * commands; two nodes starting at once would otherwise both read "empty" and race to create the same
 * entries (the second create of one id fails on the event store's key). Under the lock the second node
 * reads what the first wrote; and because creates with the same id and content are idempotent, a seeding
 * interrupted half-way is completed by the next start.
 */
@Component
public class SeedingLock {

    /** pg_advisory_lock key: 'MARCSEED' as a number, shared by every node. */
    static final long KEY = 0x4D41524353454544L;

    private final DataSource dataSource;

    public SeedingLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(Runnable seeding) {
        try (Connection connection = dataSource.getConnection()) {
            call(connection, "SELECT pg_advisory_lock(?)");
            try {
                seeding.run();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the nomenclature seeding lock", e);
        }
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            statement.execute();
        }
    }
}
