package ro.marc.api.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs tokens for the demo users so MARC can be tried without an identity provider. The key pair
 * lives in memory only (tokens die with the process), or, for several local nodes, comes from the key file
 * {@code ops/marc run --nodes N} wrote for them ({@link #withKeyFile}). Never enabled outside the local profile.
 */
public class DevTokenSigner {

    public static final String AUDIENCE = "marc";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final String issuer;
    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;

    public DevTokenSigner(String issuer) {
        this(issuer, newKeyPair(), UUID.randomUUID().toString());
    }

    private DevTokenSigner(String issuer, KeyPair pair, String keyId) {
        this.issuer = issuer;
        this.publicKey = (RSAPublicKey) pair.getPublic();
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(pair.getPrivate()).keyID(keyId).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /**
     * The key pair of a PKCS#8 RSA private key file (base64), written by {@code ops/marc run --nodes N} once for
     * all its local nodes ({@code marc.security.dev-signer.key-file}): a token signed by one node is valid on all.
     */
    public static DevTokenSigner withKeyFile(String issuer, Path keyFile) {
        try {
            byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readString(keyFile).trim());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new DevTokenSigner(issuer, new KeyPair(publicKey, privateKey), "dev-" + keyFile.getFileName());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the dev signer's key " + keyFile, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
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
