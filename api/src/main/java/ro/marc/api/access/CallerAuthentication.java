package ro.marc.api.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authentication of one request: the verified token, the {@link Caller} it maps to and the
 * request's {@link AccessTrail}. Authorities are {@code ROLE_<role>} for each role the active
 * account holds, so {@code @PreAuthorize("hasRole(...)")} sees MARC's records.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Jwt token;
    private final Caller caller;
    private final AccessTrail trail = new AccessTrail();

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
