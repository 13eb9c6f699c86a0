package ro.marc.api.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import ro.marc.api.common.BoundedCache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens already verified (signature, issuer, audience, times), kept by their exact text for a short
 * while, so a client's next request with the same token skips the signature check (an RSA
 * verification: the largest piece of a cheap request's authentication). A kept token is served only
 * before its {@code exp} (no clock skew granted on a hit: past {@code exp} it is verified again, and
 * refused beyond the skew) and at most {@code ttl} after it was verified, so a key withdrawn by the
 * identity provider stops being honoured within {@code ttl}. Only successes are kept: a forged or
 * expired token is verified (and refused) every time. Who the caller is and what they may do is not
 * here: {@link ro.marc.api.authorization.CallerResolver} reads the account on every request.
 */
final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final BoundedCache<String, Verified> verified;

    VerifiedTokens(JwtDecoder delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        this.verified = new BoundedCache<>(maxEntries);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        Instant exp = jwt.getExpiresAt();
        if (exp != null && ttl.isPositive()) { // exp is required by the validator; without it, nothing is kept
            Instant until = now.plus(ttl);
            verified.put(token, new Verified(jwt, exp.isBefore(until) ? exp : until));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
