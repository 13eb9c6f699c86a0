package ro.marc.api.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import ro.marc.query.access.AccessQueries;

/**
 * Maps a verified token to its MARC account by issuer + subject, on every request: an account
 * deactivated or a role revoked a moment ago is seen by the very next request. One indexed
 * read; tokens without an account still authenticate, and {@link CallerGate} refuses them with a
 * typed GraphQL error (so the refusal is audited like any other).
 */
@Component
public class CallerResolver implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessQueries accounts;

    public CallerResolver(AccessQueries accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        // the raw claim: getIssuer() insists on a URL, and CAS or dev issuers need not be one
        String issuer = jwt.hasClaim("iss") ? jwt.getClaimAsString("iss") : "";
        String subject = jwt.getSubject();
        try {
            return new CallerAuthentication(jwt, new Caller(issuer, subject,
                    accounts.userByIdentity(issuer, subject).orElse(null)));
        } catch (org.springframework.dao.DataAccessException e) { // the database, not the caller, failed: 503
            throw new org.springframework.security.authentication.AuthenticationServiceException("Accounts unavailable", e);
        }
    }

    /** The same identity, re-read: a long-lived connection (WebSocket) sees revocations and deactivation. */
    public Caller refresh(Caller caller) {
        return new Caller(caller.issuer(), caller.subject(),
                accounts.userByIdentity(caller.issuer(), caller.subject()).orElse(null));
    }
}
