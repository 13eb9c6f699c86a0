package ro.marc.api.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The identity provider's signing keys: its OIDC discovery document names the key set
 * ({@code jwks_uri}), read through Nimbus's {@link JWKSourceBuilder} with a cache, refresh-ahead
 * and a rate limit. A token naming an unknown {@code kid} may trigger a re-fetch (key rotation),
 * but at most one per {@code minRefreshInterval} for all tokens together: 25 tokens with random
 * kids cost the identity provider one request, not 25 (issue 8, finding 3).
 *
 * <p>Discovery is lazy (the first token, not start-up: MARC starts while the identity provider is
 * down and makes no outbound connection at start), and a failed discovery is not retried before
 * the same interval has passed.
 */
final class IdentityProviderKeys implements JWKSource<SecurityContext> {

    /** Cache and rate limit of the key set (marc.security.jwks.*). */
    record Settings(Duration cacheTtl, Duration refreshTimeout, Duration minRefreshInterval, Duration connectTimeout,
                    Duration readTimeout) {
        static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                    Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
    }

    private static final int SIZE_LIMIT = 256 * 1024;

    private final String issuer;
    private final Settings settings;
    private final ResourceRetriever retriever;
    private volatile JWKSource<SecurityContext> keys;
    private long lastFailedDiscovery = Long.MIN_VALUE;
    private KeySourceException lastFailure;

    IdentityProviderKeys(String issuer, Settings settings) {
        this.issuer = issuer;
        this.settings = settings;
        this.retriever = new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
                (int) settings.readTimeout().toMillis(), SIZE_LIMIT);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keys().get(selector, context);
    }

    private JWKSource<SecurityContext> keys() throws KeySourceException {
        JWKSource<SecurityContext> known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys != null) {
                return keys;
            }
            long now = System.nanoTime();
            if (lastFailure != null && now - lastFailedDiscovery < settings.minRefreshInterval().toNanos()) {
                throw lastFailure;
            }
            try {
                keys = JWKSourceBuilder.<SecurityContext>create(discoverKeySet(), retriever)
                        .cache(settings.cacheTtl().toMillis(), settings.refreshTimeout().toMillis())
                        .refreshAheadCache(true)
                        .rateLimited(settings.minRefreshInterval().toMillis())
                        .build();
                lastFailure = null;
                return keys;
            } catch (KeySourceException e) {
                lastFailedDiscovery = now;
                lastFailure = e;
                throw e;
            }
        }
    }

    /** The {@code jwks_uri} of the issuer's OIDC discovery document, whose {@code issuer} must be the configured one. */
    private URL discoverKeySet() throws KeySourceException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            String document = retriever.retrieveResource(URI.create(base + "/.well-known/openid-configuration").toURL())
                    .getContent();
            Map<String, Object> metadata = JSONObjectUtils.parse(document);
            if (!issuer.equals(metadata.get("issuer"))) {
                throw new KeySourceException("The discovery document of " + issuer + " names another issuer: "
                        + metadata.get("issuer"));
            }
            if (!(metadata.get("jwks_uri") instanceof String jwks)) {
                throw new KeySourceException("The discovery document of " + issuer + " has no jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (KeySourceException e) {
            throw e;
        } catch (Exception e) {
            throw new KeySourceException("Cannot read the discovery document of " + issuer + ": " + e.getMessage(), e);
        }
    }
}
