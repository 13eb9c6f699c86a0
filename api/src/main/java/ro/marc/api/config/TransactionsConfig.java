package ro.marc.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import ro.marc.query.common.ReadSnapshot;
import ro.marc.query.common.ReadSnapshotTransactions;

import javax.sql.DataSource;

/**
 * The application's two transaction managers over its one data source: the primary one (Axon's units of work, the
 * projections, every {@code @Transactional} that names none) and the readers' ({@link ReadSnapshot}). A second
 * manager makes Spring Boot's own step back, so the primary is declared here as Boot declares it.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionsConfig {

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean(ReadSnapshot.TRANSACTIONS)
    ReadSnapshotTransactions readSnapshotTransactions(DataSource dataSource) {
        return new ReadSnapshotTransactions(dataSource);
    }
}
