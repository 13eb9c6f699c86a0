package ro.marc.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.query.common.ReadSnapshot;
import ro.marc.query.common.ReadSnapshotTransactions;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.notification.NotificationQueries;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's readers are the transactional beans {@link ReadSnapshot} asks for, with its transaction manager:
 * what the query side's {@code ReadSnapshotTest} shows on PostgreSQL holds only if the API calls them through
 * Spring's proxy.
 */
class ReadSnapshotWiringTest extends ApiTestSupport {

    private final AnnotationTransactionAttributeSource attributes = new AnnotationTransactionAttributeSource();

    @Autowired
    ApplicationContext context;

    @Test
    void every_reader_is_a_read_only_repeatable_read_proxy() throws Exception {
        Map<String, Object> readers = context.getBeansWithAnnotation(ReadSnapshot.class);
        assertThat(readers).hasSizeGreaterThanOrEqualTo(12);
        for (Object reader : readers.values()) {
            assertThat(AopUtils.isAopProxy(reader)).as(reader.getClass().getName()).isTrue();
        }

        TransactionAttribute read = attribute(IncidentQueries.class.getMethod("incident", UUID.class), IncidentQueries.class);
        assertThat(read.isReadOnly()).isTrue();
        assertThat(read.getQualifier()).isEqualTo(ReadSnapshot.TRANSACTIONS);
        assertThat(context.getBean(ReadSnapshot.TRANSACTIONS)).isInstanceOf(ReadSnapshotTransactions.class);
        // what Axon, the projections and every other @Transactional get
        assertThat(context.getBean(PlatformTransactionManager.class)).isNotInstanceOf(ReadSnapshotTransactions.class);

        TransactionAttribute write = attribute(NotificationQueries.class.getMethod("markAllRead", UUID.class), NotificationQueries.class);
        assertThat(write.isReadOnly()).isFalse(); // its own @Transactional: a write, with the primary manager
        assertThat(write.getQualifier()).isNullOrEmpty();
    }

    private TransactionAttribute attribute(Method method, Class<?> type) {
        TransactionAttribute attribute = attributes.getTransactionAttribute(method, type);
        assertThat(attribute).as(method.toString()).isNotNull();
        return attribute;
    }
}
