package ro.marc.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.local.DemoUsers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache: never past exp, never past its ttl, never a failure, never a look-alike. */
class VerifiedTokensTest {

    private final DevTokenSigner signer = new DevTokenSigner("marc-test");
    private final JwtDecoder real = TokenValidation.devSignerDecoder(signer, "marc", Duration.ofSeconds(10));
    private final AtomicInteger verifications = new AtomicInteger();
    /** The real decoder (which checks times against the system clock), counted. */
    private final JwtDecoder counted = token -> {
        verifications.incrementAndGet();
        return real.decode(token);
    };

    private static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private String token(Duration lifetime) {
        return signer.sign(DemoUsers.find("admin").orElseThrow(), Instant.now(), lifetime);
    }

    @Test
    void a_verified_token_is_served_from_the_cache_until_its_exp_and_never_after() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(counted, Duration.ofMinutes(10), 100, clock);
        String token = token(Duration.ofMinutes(2));
        Jwt first = tokens.decode(token);
        assertThat(tokens.decode(token)).isSameAs(first);
        assertThat(verifications).hasValue(1);

        // just before exp: still the cached one
        clock.now = first.getExpiresAt().minusMillis(1);
        assertThat(tokens.decode(token)).isSameAs(first);
        assertThat(verifications).hasValue(1);

        // at exp: verified again (the counted decoder is asked), never answered from the cache
        clock.now = first.getExpiresAt();
        tokens.decode(token); // the real decoder's clock is the system's: the token is still valid for it
        assertThat(verifications).hasValue(2);
    }

    @Test
    void an_expired_token_is_refused_every_time_and_never_kept() {
        MovableClock clock = new MovableClock();
        // expired 30 s ago, beyond the 10 s clock skew: refused, and the refusal is not kept
        String token = signer.sign(DemoUsers.find("admin").orElseThrow(), Instant.now().minusSeconds(90),
                Duration.ofSeconds(60));
        VerifiedTokens tokens = new VerifiedTokens(counted, Duration.ofMinutes(10), 100, clock);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).as("a refused token is verified (and refused) every time").hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_cached_token_is_verified_again_after_the_ttl_even_before_its_exp() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(counted, Duration.ofSeconds(60), 100, clock);
        String token = token(Duration.ofMinutes(10));
        tokens.decode(token);
        clock.now = clock.now.plusSeconds(59);
        tokens.decode(token);
        assertThat(verifications).hasValue(1);
        clock.now = clock.now.plusSeconds(1);
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_token_with_another_signature_is_not_served_the_cached_result() {
        VerifiedTokens tokens = new VerifiedTokens(counted, Duration.ofMinutes(10), 100, Clock.systemUTC());
        String token = token(Duration.ofMinutes(5));
        tokens.decode(token);
        // same header and claims, one character of the signature changed
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void the_cache_holds_at_most_its_bound() {
        VerifiedTokens tokens = new VerifiedTokens(counted, Duration.ofMinutes(10), 3, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            tokens.decode(token(Duration.ofMinutes(5).plusSeconds(i)));
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
    }
}
