package ro.marc.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The app's PostgreSQL database as a write benchmark reads it: the settings behind a commit's cost, and counts. */
record BenchDatabase(String jdbcUrl, String user, String password, String applicationName) {

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The settings that decide what a commit costs. */
    Map<String, String> facts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            for (String setting : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method", "commit_delay")) {
                try (PreparedStatement show = connection.prepareStatement("SELECT current_setting(?)")) {
                    show.setString(1, setting);
                    try (ResultSet rows = show.executeQuery()) {
                        rows.next();
                        facts.put(setting, rows.getString(1));
                    }
                }
            }
        }
        return facts;
    }

    /** Events in the event store (all aggregates); -1 when it cannot be read. */
    long eventCount() {
        return count("SELECT count(*) FROM domain_event_entry", null);
    }

    /** A {@code SELECT count(*)} with at most one uuid[] parameter; -1 (and a progress line) when it fails. */
    long count(String sql, List<UUID> parameter) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setArray(1, connection.createArrayOf("uuid", parameter.toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            BenchSupport.progress("could not run %s: %s", sql, e.getMessage());
            return -1;
        }
    }
}
