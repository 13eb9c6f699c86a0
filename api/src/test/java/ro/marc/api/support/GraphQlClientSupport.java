package ro.marc.api.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * GraphQL over real HTTP as a demo user of the running application (its dev token signer): what every
 * API test does, whichever database and indexes its application runs on ({@link ApiTestSupport}: the
 * test JVM's shared ones).
 */
public abstract class GraphQlClientSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected DevTokenSigner signer;

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
