package ro.marc.api.authorization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.GraphQlWebSocket;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, finding 3: a token must say when it ends, and an open WebSocket ends with its token and
 * with its account — pushed by the server, not on the next notification.
 */
class SessionsEndWithCredentialsTest extends ApiTestSupport {

    private static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_signed_token_without_exp_or_iat_is_refused_with_http_401() {
        Instant now = Instant.now();
        String noExpiry = signer.sign(signer.claims("admin", now, Duration.ofHours(1)).claims(c -> c.remove(JwtClaimNames.EXP)).build());
        String noIssuedAt = signer.sign(signer.claims("admin", now, Duration.ofHours(1)).claims(c -> c.remove(JwtClaimNames.IAT)).build());
        String complete = signer.sign(signer.claims("admin", now, Duration.ofHours(1)).build());
        String query = "{ viewer { user { id } } }";
        assertThat(post(noExpiry, query, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(noIssuedAt, query, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(complete, query, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_websocket_is_closed_when_its_token_expires() throws Exception {
        // the first socket of a JVM initialises much lazily (seconds on a loaded machine): not this token's time
        try (GraphQlWebSocket warmUp = GraphQlWebSocket.subscribeToNotifications(port, token("member.cluj"))) {
            assertThat(warmUp.poll(Duration.ofMillis(100))).isNull();
        }
        Instant issued = Instant.now();
        // exp is in whole seconds: the token ends at the truncated instant
        Instant expires = issued.plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = signer.sign(DemoUsers.find("member.cluj").orElseThrow(), issued, Duration.ofSeconds(3));
        try (GraphQlWebSocket socket = GraphQlWebSocket.subscribeToNotifications(port, token)) {
            JsonNode closed = socket.awaitClose(Duration.ofSeconds(10));
            assertThat(closed).as("the socket must be closed after its token expired").isNotNull();
            long afterExpiry = closed.at("/at").asLong() - expires.toEpochMilli();
            System.out.printf("websocket closed %d ms after the token's exp: %s%n", afterExpiry, closed);
            assertThat(closed.at("/code").asInt()).isEqualTo(4401);
            assertThat(closed.at("/reason").asString()).contains("expired");
            assertThat(afterExpiry).isBetween(-300L, 2000L);
        }
    }

    private String registerMember(String subject) {
        String id = data("admin", "mutation($i: RegisterUserInput!) { registerUser(input: $i) { id } }", Map.of("i", Map.of(
                "issuer", signer.issuer(), "subject", subject, "displayName", "Membru " + subject.substring(0, 8),
                "email", "m@marc.invalid", "orgUnitId", IPJ_CLUJ.toString()))).at("/registerUser/id").asString();
        data("admin", "mutation($i: GrantRoleInput!) { grantRole(input: $i) { version } }",
                Map.of("i", Map.of("userId", id, "role", "WORKING_GROUP_MEMBER", "expectedVersion", 1)));
        return id;
    }

    private String tokenFor(String subject) {
        return signer.sign(signer.claims(subject, Instant.now(), Duration.ofHours(1)).build());
    }

    @Test
    void a_websocket_is_closed_within_a_second_when_its_account_is_deactivated_with_no_notification_needed() throws Exception {
        String subject = "ws-" + UUID.randomUUID();
        String id = registerMember(subject);
        try (GraphQlWebSocket socket = GraphQlWebSocket.subscribeToNotifications(port, tokenFor(subject))) {
            data("admin", "mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { version } }",
                    Map.of("i", Map.of("id", id, "reason", "plecat", "expectedVersion", 2)));
            long answered = System.currentTimeMillis();
            JsonNode closed = socket.awaitClose(Duration.ofSeconds(10));
            assertThat(closed).as("the socket must be closed after the deactivation").isNotNull();
            long after = closed.at("/at").asLong() - answered;
            System.out.printf("websocket closed %d ms after deactivateUser answered: %s%n", after, closed);
            assertThat(closed.at("/code").asInt()).isEqualTo(4403);
            assertThat(closed.at("/reason").asString()).contains("deactivated");
            assertThat(after).isLessThan(1000L);
        }
        // a deactivated account cannot open a new one
        try (GraphQlWebSocket socket = GraphQlWebSocket.connect(port, tokenFor(subject))) {
            assertThat(socket.acknowledged()).isFalse();
        }
    }

    @Test
    void a_websocket_is_closed_when_its_account_is_handed_to_another_person() throws Exception {
        String subject = "ws3-" + UUID.randomUUID();
        String id = registerMember(subject);
        try (GraphQlWebSocket socket = GraphQlWebSocket.subscribeToNotifications(port, tokenFor(subject))) {
            data("admin", "mutation($i: TransferUserInput!) { transferUser(input: $i) { version } }", Map.of("i", Map.of(
                    "id", id, "issuer", signer.issuer(), "subject", "heir-" + subject, "displayName", "Succesor",
                    "email", "succesor@marc.invalid", "transferDetails", "predat", "expectedVersion", 2)));
            JsonNode closed = socket.awaitClose(Duration.ofSeconds(10));
            assertThat(closed).as("the previous holder's socket must be closed").isNotNull();
            assertThat(closed.at("/code").asInt()).isEqualTo(4403);
            assertThat(closed.at("/reason").asString()).contains("no longer linked");
        }
    }

    @Test
    void a_websocket_is_closed_by_the_sweep_when_the_account_is_deactivated_on_another_node() throws Exception {
        String subject = "ws2-" + UUID.randomUUID();
        UUID id = UUID.fromString(registerMember(subject));
        try (GraphQlWebSocket socket = GraphQlWebSocket.subscribeToNotifications(port, tokenFor(subject))) {
            // another node's committed deactivation reaches this node only as the row it wrote in its
            // transaction: no local after-commit trigger fires here
            jdbc.sql("UPDATE account_access SET active = FALSE WHERE user_id = ?").param(id).update();
            long changed = System.currentTimeMillis();
            JsonNode closed = socket.awaitClose(Duration.ofSeconds(10));
            assertThat(closed).as("the sweep must close the socket").isNotNull();
            long after = closed.at("/at").asLong() - changed;
            System.out.printf("websocket closed %d ms after another node's deactivation: %s%n", after, closed);
            assertThat(closed.at("/code").asInt()).isEqualTo(4403);
            assertThat(after).isLessThan(4000L);
        } finally {
            jdbc.sql("UPDATE account_access SET active = TRUE WHERE user_id = ?").param(id).update();
        }
    }
}
