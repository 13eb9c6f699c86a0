package ro.marc.api.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.events.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Accounts a test registered itself (a structure of its own), signed by the dev signer like the demo users. */
    private final Map<String, DemoUsers.DemoUser> testUsers = new HashMap<>();

    /** From now on {@link #token}, {@link #graphql} and {@link #data} also act as this account the test registered. */
    protected void signInAs(DemoUsers.DemoUser user) {
        testUsers.put(user.username(), user);
    }

    /**
     * An account the test registers (as the central administrator) in {@code orgUnitId} with one role; from then on
     * {@link #token}, {@link #graphql} and {@link #data} act as it too ({@link #signInAs}).
     */
    protected UUID registerAccount(String username, String name, Role role, String orgUnitId) {
        String id = data("admin", "mutation($i: RegisterUserInput!) { registerUser(input: $i) { id } }",
                Map.of("i", Map.of("issuer", signer.issuer(), "subject", username, "displayName", name,
                        "email", username + "@marc.test", "orgUnitId", orgUnitId))).at("/registerUser/id").asString();
        data("admin", "mutation($u: ID!, $r: Role!) { grantRole(input: {userId: $u, role: $r, expectedVersion: 1}) { id } }",
                Map.of("u", id, "r", role.name()));
        signInAs(new DemoUsers.DemoUser(username, name, role, List.of(), "test"));
        return UUID.fromString(id);
    }

    /** A structure of the test's own under the IGPR, in Cluj, holding {@code workUnitIds}; its id. */
    protected String createStructure(String name, List<String> workUnitIds) {
        String unit = data("admin", "mutation($p: ID!, $n: String!) { createOrgUnit(input: {parentId: $p, name: $n, county: CJ}) { id } }",
                Map.of("p", DemoOrganisation.id("Inspectoratul General al Poliției Române").toString(), "n", name))
                .at("/createOrgUnit/id").asString();
        data("admin", "mutation($u: ID!, $w: [ID!]!) { assignWorkUnits(input: {orgUnitId: $u, workUnitIds: $w, expectedVersion: 1}) { id } }",
                Map.of("u", unit, "w", workUnitIds));
        return unit;
    }

    protected String token(String user) {
        DemoUsers.DemoUser registered = testUsers.get(user);
        return signer.sign(registered != null ? registered : DemoUsers.find(user).orElseThrow());
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
        JsonNode last = awaitValue(read, done, Duration.ofSeconds(15));
        if (!done.test(last)) {
            throw new AssertionError("condition not met within 15 s; last: " + last);
        }
        return last;
    }

    /**
     * Reads anything until {@code done} holds (the projections run in the background), at most 30 s; answers the
     * last read, so the caller's assertion says what was wrong.
     */
    protected static <T> T awaitValue(Supplier<T> read, Predicate<T> done) {
        return awaitValue(read, done, Duration.ofSeconds(30));
    }

    private static <T> T awaitValue(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        return value;
    }

    /**
     * Every page of a cursor-paged list, {@code first} at a time (the query takes {@code $first} and {@code $after}
     * and selects {@code totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }} of
     * {@code field}): the ids in order, each page checked for its size, its total and its end cursor.
     */
    protected List<String> pageThrough(String user, String query, String field, Map<String, Object> variables, int first,
                                       int expectedTotal) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 100; guard++) {
            Map<String, Object> vars = new HashMap<>(variables);
            vars.put("first", first);
            if (after != null) {
                vars.put("after", after);
            }
            JsonNode page = data(user, query, vars).get(field);
            assertThat(page.get("totalCount").asInt()).isEqualTo(expectedTotal);
            assertThat(page.get("edges").size()).isLessThanOrEqualTo(first);
            page.get("edges").forEach(e -> ids.add(e.at("/node/id").asString()));
            if (!page.at("/pageInfo/hasNextPage").asBoolean()) {
                return ids;
            }
            assertThat(page.get("edges").size()).isEqualTo(first);
            after = page.at("/pageInfo/endCursor").asString();
            assertThat(after).isEqualTo(page.at("/edges/" + (first - 1) + "/cursor").asString());
        }
        throw new AssertionError("more than 100 pages");
    }
}
