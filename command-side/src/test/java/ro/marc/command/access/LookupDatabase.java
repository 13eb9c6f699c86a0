package ro.marc.command.access;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import ro.marc.ops.services.MarcServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * A real PostgreSQL for the command side's JDBC lookups: a fresh database for this JVM with the command
 * side's own migrations ({@code db/migration/eventstore}), dropped at exit. The server is the one of
 * {@code MARC_DB_URL} or 127.0.0.1:5432 (user postgres) when it answers, so that these tests do not start
 * Elasticsearch; else {@link MarcServices#forTests()} decides (Docker or an embedded PostgreSQL).
 */
final class LookupDatabase {

    private static HikariDataSource dataSource;

    private LookupDatabase() {
    }

    static synchronized HikariDataSource dataSource() {
        if (dataSource == null) {
            String[] server = scratchDatabase().orElseGet(() -> {
                MarcServices.ServiceEndpoints services = MarcServices.forTests();
                return new String[]{services.jdbcUrl(), services.dbUser(), services.dbPassword()};
            });
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server[0]);
            config.setUsername(server[1]);
            config.setPassword(server[2]);
            config.setMaximumPoolSize(6);
            config.setPoolName("command-side-lookup-tests");
            HikariDataSource created = new HikariDataSource(config);
            Flyway.configure().dataSource(created).locations("classpath:db/migration/eventstore").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close));
            dataSource = created;
        }
        return dataSource;
    }

    /** url, user, password of a new database on the given or local server; empty when none answers. */
    private static Optional<String[]> scratchDatabase() {
        String url = Optional.ofNullable(System.getenv("MARC_DB_URL")).filter(s -> !s.isBlank())
                .orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = Optional.ofNullable(System.getenv("MARC_DB_USER")).filter(s -> !s.isBlank()).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("MARC_DB_PASSWORD")).orElse("");
        String name = "marc_cmd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "connectTimeout=5",
                user, password); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // the server went first
            }
        }));
        String database = url.replaceFirst("(jdbc:postgresql://[^/?]*/)([^?]*)", "$1" + name);
        return Optional.of(new String[]{database, user, password});
    }
}
