package ro.marc.api.support;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import ro.marc.api.MarcApplication;
import ro.marc.api.security.DemoUsers;
import ro.marc.api.security.DevTokenSigner;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The running application over real HTTP, on a real PostgreSQL and a real Elasticsearch
 * (from {@link MarcServices}), in the {@code local} profile: the dev token signer for the demo
 * users (issuer {@code marc-test}), the demo data, GraphiQL and introspection
 * (application-local.yml). The application without that profile: {@code ProductionProfileTest}.
 */
@SpringBootTest(classes = MarcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marc.security.dev-signer.issuer=marc-test", "marc.demo-data.enabled=true"})
@ActiveProfiles("local")
public abstract class ApiTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One set of indexes per test JVM, like its one database: every application context started in
     * this JVM shares the event store and the processors' tokens, so it must share the indexes too
     * (a context on fresh indexes would resume from another context's token and miss documents).
     */
    public static final String INDEX_PREFIX = "marc-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected DevTokenSigner signer;

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

    protected String token(String user) {
        return signer.sign(DemoUsers.find(user).orElseThrow());
    }

    protected HttpResponse<String> post(String token, String query, Map<String, Object> variables) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a GraphQL operation and returns the whole response document ({@code data}, {@code errors}). */
    protected JsonNode graphql(String user, String query, Map<String, Object> variables) {
        HttpResponse<String> response = post(token(user), query, variables);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Like {@link #graphql} but fails on any GraphQL error and returns {@code data}. */
    protected JsonNode data(String user, String query, Map<String, Object> variables) {
        JsonNode response = graphql(user, query, variables);
        if (response.has("errors")) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    protected static JsonNode firstError(JsonNode response) {
        JsonNode errors = response.get("errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("expected an error, got " + response);
        }
        return errors.get(0);
    }

    /** Reads until {@code done} holds (projections are asynchronous); fails with the last read after 15 s. */
    protected static JsonNode eventually(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        if (!done.test(last)) {
            throw new AssertionError("condition not met within 15 s; last: " + last);
        }
        return last;
    }
}
