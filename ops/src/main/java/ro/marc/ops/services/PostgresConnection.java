package ro.marc.ops.services;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How to reach one database of a PostgreSQL server, and the databases MARC creates next to it. */
record PostgresConnection(String url, String user, String password) {

    private static final Logger log = LoggerFactory.getLogger(PostgresConnection.class);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");
    private static final String DUPLICATE_DATABASE = "42P04";

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Fail fast when probing a server that is not there.
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    PostgresConnection withDatabase(String database) {
        Matcher matcher = DATABASE_IN_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host[:port]/database[?params], got " + url);
        }
        return new PostgresConnection(matcher.group(1) + database + matcher.group(3), user, password);
    }

    /** Creates a database only this JVM uses, dropped at exit so test runs never see each other's data. */
    PostgresConnection createScratchDatabase() throws SQLException {
        String name = "marc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Cleanup.atExit("drop database " + name, () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        log.info("Created scratch database {}", name);
        return withDatabase(name);
    }

    PostgresConnection createDatabaseIfMissing(String name) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    createDatabase(connection, name);
                }
            }
        }
        return withDatabase(name);
    }

    private static void createDatabase(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            log.info("Created database {}", name);
        } catch (SQLException e) {
            // Another process created it between the check and here.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
