package ro.marc.api.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, finding 3: tokens naming unknown keys must not make MARC hammer the identity provider.
 * A tiny OIDC provider (discovery document + key set) on loopback counts its requests.
 */
class IdentityProviderKeysTest {

    private HttpServer server;
    private String issuer;
    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private volatile JWKSet published;
    private RSAKey key;

    @BeforeEach
    void startProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        published = new JWKSet(key.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/marc";
        server.createContext("/realms/marc/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            reply(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}");
        });
        server.createContext("/realms/marc/protocol/openid-connect/certs", exchange -> {
            keySetFetches.incrementAndGet();
            reply(exchange, published.toString());
        });
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String token(RSAKey signingKey, String kid, boolean withExpiry) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience("marc").subject("ion")
                .issueTime(new Date());
        if (withExpiry) {
            claims.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private JwtDecoder decoder(Duration minRefreshInterval) {
        return TokenValidation.identityProviderDecoder(issuer, "marc", Duration.ofSeconds(10), new IdentityProviderKeys.Settings(
                Duration.ofMinutes(5), Duration.ofSeconds(15), minRefreshInterval, Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void twenty_five_tokens_with_unknown_kids_cost_the_identity_provider_at_most_two_key_set_fetches() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));
        assertThat(discoveries).hasValue(0); // nothing is fetched before the first token

        assertThat(decoder.decode(token(key, "k1", true)).getSubject()).isEqualTo("ion");
        assertThat(discoveries).hasValue(1);
        assertThat(keySetFetches).hasValue(1);

        List<String> forged = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            forged.add(token(key, UUID.randomUUID().toString(), true));
        }
        for (String token : forged) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
        System.out.printf("25 unknown kids: %d discovery, %d key-set fetches in all%n", discoveries.get(), keySetFetches.get());
        assertThat(discoveries).hasValue(1);
        assertThat(keySetFetches.get()).isLessThanOrEqualTo(2);
        // the known key is still served from the cache
        assertThat(decoder.decode(token(key, "k1", true)).getSubject()).isEqualTo("ion");
        assertThat(keySetFetches.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void a_rotated_key_is_found_once_the_rate_limit_interval_has_passed() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMillis(1500));
        assertThat(decoder.decode(token(key, "k1", true)).getSubject()).isEqualTo("ion");
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        published = new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK()));
        Thread.sleep(1700);
        assertThat(decoder.decode(token(rotated, "k2", true)).getSubject()).isEqualTo("ion");
        assertThat(keySetFetches.get()).isBetween(2, 3);
    }

    @Test
    void a_signed_token_without_expiry_is_refused() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofSeconds(30));
        assertThatThrownBy(() -> decoder.decode(token(key, "k1", false)))
                .isInstanceOf(JwtException.class).hasMessageContaining("exp");
    }
}
