package ro.marc.api.web;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ro.marc.api.MarcApplication;
import ro.marc.api.local.GraphiqlPage;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenController;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.OutboundConnectionRecorder;
import ro.marc.events.access.Role;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as production runs it: no {@code local} profile, tokens from an identity provider
 * (here a tiny OIDC issuer served by the test: discovery document and key set on loopback). GraphiQL,
 * the webjars, {@code /dev/token} and {@code /dev/users} do not exist, and introspection is refused.
 */
@SpringBootTest(classes = MarcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // used by this class only: closed after it (the machine is small)
class ProductionProfileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static HttpServer issuerServer;
    private static String issuer;
    private static DevTokenSigner identityProvider;
    private static volatile String jwks = "{\"keys\":[]}";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        OutboundConnectionRecorder.install();
        startIssuer();
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        registry.add("spring.datasource.url", services::jdbcUrl);
        registry.add("spring.datasource.username", services::dbUser);
        registry.add("spring.datasource.password", services::dbPassword);
        registry.add("marc.elasticsearch.url", services::elasticsearchUrl);
        registry.add("marc.elasticsearch.index-prefix", () -> ApiTestSupport.INDEX_PREFIX);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }

    private static synchronized void startIssuer() throws IOException {
        if (issuerServer != null) {
            return;
        }
        issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/realms/marc";
        identityProvider = new DevTokenSigner(issuer);
        // the key set the decoder reads at start (it needs the key's id, which the signer puts in each token's header)
        String probe = identityProvider.sign(new DemoUsers.DemoUser("probe", "probe", Role.AUDITOR, List.of(), "x"));
        String header = new String(Base64.getUrlDecoder().decode(probe.substring(0, probe.indexOf('.'))), StandardCharsets.UTF_8);
        jwks = new JWKSet(new RSAKey.Builder(identityProvider.publicKey()).keyID(JSON.readTree(header).get("kid").asString())
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build()).toString();
        issuerServer.createContext("/realms/marc/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\",\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"code\"]}"));
        issuerServer.createContext("/realms/marc/keys", exchange -> respond(exchange, jwks));
        issuerServer.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The account has no events: leave no row that a replay of the event store could not rebuild. */
    @AfterEach
    void removeTheAuditorAccount() {
        jdbc.sql("DELETE FROM account_access WHERE subject = 'prod-auditor'").update();
        jdbc.sql("DELETE FROM app_user_role WHERE user_id IN (SELECT id FROM app_user WHERE subject = 'prod-auditor')").update();
        jdbc.sql("DELETE FROM app_user WHERE subject = 'prod-auditor'").update();
    }

    @AfterAll
    static void stopIssuer() {
        if (issuerServer != null) {
            issuerServer.stop(0);
            issuerServer = null;
        }
    }

    @Test
    void graphiql_the_webjars_and_the_dev_token_endpoints_do_not_exist() throws Exception {
        assertThat(context.getBeanNamesForType(DevTokenSigner.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevTokenController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GraphiqlPage.class)).isEmpty();

        String token = token();
        for (String path : List.of("/graphiql", "/graphiql?user=admin", "/graphiql/index.html", "/graphiql/marc-graphiql.js",
                "/webjars/graphiql/2.4.7/graphiql.min.js", "/dev/users")) {
            for (String bearer : new String[]{null, token}) {
                HttpResponse<String> response = send("GET", path, bearer);
                assertThat(response.statusCode()).as("GET %s (token: %s)", path, bearer != null).isIn(401, 403, 404);
                assertThat(response.body()).as(path).doesNotContain("GraphiQL").doesNotContain("react").doesNotContain("\"user\"");
            }
        }
        for (String bearer : new String[]{null, token}) {
            HttpResponse<String> issued = send("POST", "/dev/token?user=admin", bearer);
            assertThat(issued.statusCode()).isIn(401, 403, 404);
            assertThat(issued.body()).doesNotContain("access_token");
        }
    }

    @Test
    void introspection_is_refused_and_ordinary_queries_work() throws Exception {
        String token = token();
        JsonNode ordinary = graphql(token, "{ workUnits { id } }");
        assertThat(ordinary.has("errors")).as(ordinary.toString()).isFalse();
        assertThat(ordinary.at("/data/workUnits").isArray()).isTrue();

        for (String query : List.of("{ __schema { queryType { name } types { name } } }", "{ __type(name: \"Query\") { name fields { name } } }")) {
            JsonNode response = graphql(token, query);
            assertThat(response.has("errors")).as(query + " → " + response).isTrue();
            assertThat(response.toString()).doesNotContain("\"fields\":[").doesNotContain("\"types\":[");
            JsonNode data = response.get("data");
            assertThat(data == null || data.isNull() || data.isEmpty()).as(response.toString()).isTrue();
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A token of the test identity provider, for an auditor account with that issuer. The account is
     * written straight into the accounts read model and the access lookup, not sent as commands: the other application
     * contexts of this test JVM keep the access directory aggregate in their caches, and a change from
     * this context would make their next command a conflict.
     */
    private String token() {
        DemoUsers.DemoUser user = new DemoUsers.DemoUser("prod-auditor", "Production auditor", Role.AUDITOR,
                List.of(), "Direcția Generală Anticorupție");
        UUID id = UUID.nameUUIDFromBytes(("prod-auditor:" + issuer).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                INSERT INTO app_user (id, issuer, subject, display_name, display_name_folded, email, org_unit_id, active,
                    version, last_event_seq, created_at, updated_at)
                VALUES (?, ?, 'prod-auditor', 'Production auditor', 'production auditor', NULL, ?, TRUE, 1, 0, now(), now())
                ON CONFLICT DO NOTHING""").params(id, issuer, DemoOrganisation.id(user.orgUnit())).update();
        jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, 'AUDITOR') ON CONFLICT DO NOTHING").params(id).update();
        // who may act is decided from the command side's account_access (fail closed), so it holds the account too
        jdbc.sql("""
                INSERT INTO account_access (user_id, issuer, subject, org_unit_id, active, version, last_event_sequence)
                VALUES (?, ?, 'prod-auditor', ?, TRUE, 1, 0) ON CONFLICT DO NOTHING""")
                .params(id, issuer, DemoOrganisation.id(user.orgUnit())).update();
        jdbc.sql("INSERT INTO account_access_role (user_id, role) VALUES (?, 'AUDITOR') ON CONFLICT DO NOTHING").params(id).update();
        return identityProvider.sign(user);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode graphql(String token, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
