package ro.marc.api.security;

import ro.marc.api.local.DevTokenSigner;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token must say when it was issued and when it ends. */
class TokenValidationTest {

    private final DevTokenSigner signer = new DevTokenSigner("marc-test");
    private final JwtDecoder decoder = TokenValidation.devSignerDecoder(signer, "marc", Duration.ofSeconds(10));

    @Test
    void exp_and_iat_are_required() {
        Instant now = Instant.now();
        String noExpiry = signer.sign(signer.claims("ion", now, Duration.ofHours(1)).claims(c -> c.remove(JwtClaimNames.EXP)).build());
        String noIssuedAt = signer.sign(signer.claims("ion", now, Duration.ofHours(1)).claims(c -> c.remove(JwtClaimNames.IAT)).build());
        assertThatThrownBy(() -> decoder.decode(noExpiry)).isInstanceOf(JwtException.class).hasMessageContaining("'exp'");
        assertThatThrownBy(() -> decoder.decode(noIssuedAt)).isInstanceOf(JwtException.class).hasMessageContaining("'iat'");
        assertThat(decoder.decode(signer.sign(signer.claims("ion", now, Duration.ofHours(1)).build())).getSubject()).isEqualTo("ion");
    }

    @Test
    void an_expired_token_is_refused_after_the_clock_skew() {
        Instant issued = Instant.now().minus(Duration.ofMinutes(2));
        assertThatThrownBy(() -> decoder.decode(signer.sign(signer.claims("ion", issued, Duration.ofSeconds(100)).build())))
                .isInstanceOf(JwtException.class);
    }
}
