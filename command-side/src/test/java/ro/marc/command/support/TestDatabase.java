package ro.marc.command.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.ops.services.MarcServices;
import ro.marc.ops.services.MarcServices.ServiceEndpoints;

import javax.sql.DataSource;

/**
 * The real PostgreSQL of {@link MarcServices#databaseForTests()} (a fresh database for this JVM) with
 * the command side's migrations (event store and lookups) applied, for the lookups' tests.
 */
public final class TestDatabase {

    private static HikariDataSource dataSource;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            ServiceEndpoints services = MarcServices.databaseForTests();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(services.jdbcUrl());
            config.setUsername(services.dbUser());
            config.setPassword(services.dbPassword());
            config.setMaximumPoolSize(6);
            config.setPoolName("command-side-tests");
            HikariDataSource created = new HikariDataSource(config);
            Flyway.configure().dataSource(created).locations("classpath:db/migration/eventstore").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close));
            dataSource = created;
        }
        return dataSource;
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** A new transaction per {@code execute}, on the connection {@link #jdbc()} uses inside it. */
    public static TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    }
}
