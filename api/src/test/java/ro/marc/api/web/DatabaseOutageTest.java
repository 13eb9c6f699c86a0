package ro.marc.api.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ro.marc.api.MarcApplication;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.OutboundConnectionRecorder;
import ro.marc.api.support.TcpFaultProxy;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, finding 5: PostgreSQL cut while a request is authenticated (the account lookup fails) is
 * HTTP 503 with a GraphQL-shaped body — not a 401, not an "unauthenticated" security event.
 * The application reaches PostgreSQL through a {@link TcpFaultProxy} of its own.
 */
@SpringBootTest(classes = MarcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marc.security.dev-signer.issuer=marc-test", "marc.demo-data.enabled=true",
                "spring.datasource.hikari.connection-timeout=1500", "spring.datasource.hikari.validation-timeout=1000"})
@ActiveProfiles("local")
@DirtiesContext // used by this class only: closed after it
class DatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TcpFaultProxy postgres;

    @LocalServerPort
    int port;

    @Autowired
    DevTokenSigner signer;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        OutboundConnectionRecorder.install();
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)").matcher(services.jdbcUrl());
        assertThat(url.matches()).as(services.jdbcUrl()).isTrue();
        postgres = TcpFaultProxy.to(url.group(1), Integer.parseInt(url.group(2)));
        String proxied = "jdbc:postgresql://127.0.0.1:" + postgres.port() + url.group(3);
        registry.add("spring.datasource.url", () -> proxied);
        registry.add("spring.datasource.username", services::dbUser);
        registry.add("spring.datasource.password", services::dbPassword);
        registry.add("marc.elasticsearch.url", services::elasticsearchUrl);
        registry.add("marc.elasticsearch.index-prefix", () -> ApiTestSupport.INDEX_PREFIX);
    }

    @AfterAll
    static void closeProxy() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_database_outage_during_authentication_is_a_503_with_a_graphql_body_then_service_resumes() throws Exception {
        String token = signer.sign(DemoUsers.find("admin").orElseThrow());
        assertThat(send(token, null).statusCode()).isEqualTo(200);

        String correlation = "outage-" + UUID.randomUUID();
        HttpResponse<String> refused;
        postgres.refuse();
        try {
            refused = send(token, correlation);
        } finally {
            postgres.restore();
        }
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonNode error = JSON.readTree(refused.body()).at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(error.at("/message").asString()).doesNotContainIgnoringCase("unauthenticated").doesNotContain("SQL");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("not an authentication failure").isEmpty();

        // service resumes; and the outage was no "unauthenticated" refusal in the access audit
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> after = send(token, null);
        while (after.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = send(token, null);
        }
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM access_audit WHERE client_correlation_id = ? AND outcome = 'UNAUTHORIZED'")
                .param(correlation).query(Long.class).single()).isZero();
    }

    private HttpResponse<String> send(String token, String correlation) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ workUnits { id } }\"}"));
        if (correlation != null) {
            request.header("X-Correlation-Id", correlation);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
