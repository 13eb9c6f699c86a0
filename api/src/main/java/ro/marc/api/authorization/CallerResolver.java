package ro.marc.api.authorization;

import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessTable;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps a verified token to its MARC account by issuer + subject, on every request, reading the
 * command side's {@link AccountAccessTable} — not the read model. That table is written in the
 * transaction that appends the account's event, so a deactivation, a revoked or granted role or a
 * transfer holds from the very next request on, on every node, even when the accounts projection
 * ({@code access-postgres}) lags or is stalled: access decisions fail closed. One indexed read.
 * Deliberately not cached: profiled at 3–4 % of a cheap query's CPU (issue 10, ops/bench/run-read-benchmark.sh),
 * too little to open a window in which another node's deactivation or role change is not yet seen.
 *
 * <p>Tokens without an account still authenticate, and {@link CallerGate} refuses them with a typed
 * GraphQL error (so the refusal is audited like any other). When the database cannot be read the
 * caller is not guessed: an {@link AuthenticationServiceException} (an infrastructure failure, not
 * a bad token) ends the request.
 */
@Component
public class CallerResolver implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountAccessTable accounts;

    public CallerResolver(AccountAccessTable accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        // the raw claim: getIssuer() insists on a URL, and CAS or dev issuers need not be one
        String issuer = jwt.hasClaim("iss") ? jwt.getClaimAsString("iss") : "";
        return new CallerAuthentication(jwt, resolve(issuer, jwt.getSubject()));
    }

    /** The same identity, re-read: a long-lived connection (WebSocket) sees revocations and deactivation. */
    public Caller refresh(Caller caller) {
        return resolve(caller.issuer(), caller.subject());
    }

    /**
     * The accounts of many identities at once (the WebSocket sweep), by user id; accounts no longer
     * present are left out.
     */
    public Map<UUID, AccountAccess> accounts(java.util.Collection<UUID> userIds) {
        try {
            return accounts.byUsers(userIds);
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("MARC accounts cannot be read now", e);
        }
    }

    private Caller resolve(String issuer, String subject) {
        Optional<AccountAccess> account;
        try {
            account = accounts.byIdentity(issuer, subject);
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("MARC accounts cannot be read now", e);
        }
        return new Caller(issuer, subject, account.orElse(null));
    }
}
