package ro.marc.api.authorization;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import ro.marc.query.common.OrgScope;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The authentication of one request: the verified token, the {@link Caller} it maps to and the
 * request's {@link AccessTrail}. Authorities are {@code ROLE_<role>} for each role the active
 * account holds, so {@code @PreAuthorize("hasRole(...)")} sees MARC's records.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Jwt token;
    private final Caller caller;
    private final AccessTrail trail = new AccessTrail();
    /** Scopes computed during this request (a request resolves many fields with the same permission). */
    private final Map<Permission, OrgScope> scopes = new ConcurrentHashMap<>();

    public CallerAuthentication(Jwt token, Caller caller) {
        super(caller.roleNames().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.token = token;
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    public AccessTrail trail() {
        return trail;
    }

    OrgScope scope(Permission permission, Function<Permission, OrgScope> compute) {
        return scopes.computeIfAbsent(permission, compute);
    }

    public Jwt token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token.getTokenValue();
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.actorId();
    }

    /** The current request's authentication, or null outside a MARC request. */
    public static CallerAuthentication current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof CallerAuthentication c ? c : null;
    }
}
