package ro.marc.api.support;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import ro.marc.api.MarcApplication;
import ro.marc.ops.services.MarcServices;

import java.util.UUID;

/**
 * The running application over real HTTP, on a real PostgreSQL and a real Elasticsearch
 * (from {@link MarcServices}), in the {@code local} profile: the dev token signer for the demo
 * users (issuer {@code marc-test}), the demo data, GraphiQL and introspection
 * (application-local.yml). The application without that profile: {@code ProductionProfileTest}.
 */
@SpringBootTest(classes = MarcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marc.security.dev-signer.issuer=marc-test", "marc.demo-data.enabled=true"})
@ActiveProfiles("local")
public abstract class ApiTestSupport extends GraphQlClientSupport {

    /**
     * One set of indexes per test JVM, like its one database: every application context started in
     * this JVM shares the event store and the processors' tokens, so it must share the indexes too
     * (a context on fresh indexes would resume from another context's token and miss documents).
     */
    public static final String INDEX_PREFIX = "marc-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void watchOutboundConnections() {
        OutboundConnectionRecorder.install();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        OutboundConnectionRecorder.install();
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        registry.add("spring.datasource.url", services::jdbcUrl);
        registry.add("spring.datasource.username", services::dbUser);
        registry.add("spring.datasource.password", services::dbPassword);
        registry.add("marc.elasticsearch.url", services::elasticsearchUrl);
        registry.add("marc.elasticsearch.index-prefix", () -> INDEX_PREFIX);
    }
}
