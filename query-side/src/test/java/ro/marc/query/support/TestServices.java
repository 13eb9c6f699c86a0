package ro.marc.query.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.ops.services.MarcServices;
import ro.marc.ops.services.MarcServices.ServiceEndpoints;

import javax.sql.DataSource;

/**
 * The real PostgreSQL (a fresh database for this JVM, with only the query side's projection
 * migrations applied) and the real Elasticsearch of {@link MarcServices#forTests()}.
 */
public final class TestServices {

    private static HikariDataSource dataSource;
    private static ElasticsearchClient elasticsearch;

    private TestServices() {
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** The pool itself, for a test that needs its own connections or transactions. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            ServiceEndpoints services = MarcServices.forTests();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(services.jdbcUrl());
            config.setUsername(services.dbUser());
            config.setPassword(services.dbPassword());
            config.setMaximumPoolSize(4);
            config.setPoolName("query-side-tests");
            HikariDataSource created = new HikariDataSource(config);
            Flyway.configure().dataSource(created).locations("classpath:db/migration/projections").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close));
            dataSource = created;
        }
        return dataSource;
    }

    public static synchronized ElasticsearchClient elasticsearch() {
        if (elasticsearch == null) {
            String url = MarcServices.forTests().elasticsearchUrl();
            elasticsearch = ElasticsearchClient.of(b -> b.host(url).jsonMapper(new Jackson3JsonpMapper()));
        }
        return elasticsearch;
    }
}
