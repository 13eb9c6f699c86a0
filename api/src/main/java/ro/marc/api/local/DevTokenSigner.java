package ro.marc.api.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.*;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs tokens for the demo users so MARC can be tried without an identity provider. The key pair
 * lives in memory only: tokens die with the process. Never enabled outside the local profile.
 */
public class DevTokenSigner {

    public static final String AUDIENCE = "marc";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final String issuer;
    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;

    public DevTokenSigner(String issuer) {
        this.issuer = issuer;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            this.publicKey = (RSAPublicKey) pair.getPublic();
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String sign(DemoUsers.DemoUser user) {
        return sign(user, Instant.now(), LIFETIME);
    }

    /** Visible for tests that need expired or odd tokens. */
    public String sign(DemoUsers.DemoUser user, Instant issuedAt, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer).audience(java.util.List.of(AUDIENCE)).subject(user.username())
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime))
                .claim("name", user.displayName())
                .build();
        return sign(claims);
    }

    /** The claims of a token for any subject of this issuer, for tests that change some of them. */
    public JwtClaimsSet.Builder claims(String subject, Instant issuedAt, Duration lifetime) {
        return JwtClaimsSet.builder().issuer(issuer).audience(java.util.List.of(AUDIENCE)).subject(subject)
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime));
    }

    /** Signs exactly these claims (tests: a token without {@code exp}, a short-lived one, …). */
    public String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
