package ro.marc.api.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.Map;

/**
 * Authenticates GraphQL over WebSocket (subscriptions). Browsers cannot send headers on a WebSocket
 * handshake, so the token travels in the {@code connection_init} payload ({@code {"Authorization":
 * "Bearer …"}}); it is verified like an HTTP bearer token and mapped to the MARC account. A missing
 * or invalid token closes the connection (4401), and so does a deactivated account. Each operation on
 * the socket then runs with that authentication, re-resolved from MARC's access record, so the gate,
 * the policy and the access audit treat it like an HTTP request. The socket itself is closed when
 * the token expires (4401) or the account is deactivated or transferred (4403): {@link LiveSessions}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final Logger security = LoggerFactory.getLogger("ro.marc.security");
    private static final Logger log = LoggerFactory.getLogger(WebSocketAuthentication.class);
    private static final String ATTRIBUTE = CallerAuthentication.class.getName();
    private static final Object SECURITY_CONTEXT_KEY = new SecurityContextHolderThreadLocalAccessor().key();

    private final JwtDecoder decoder;
    private final CallerResolver callers;
    private final LiveSessions sessions;

    public WebSocketAuthentication(JwtDecoder decoder, CallerResolver callers, LiveSessions sessions) {
        this.decoder = decoder;
        this.callers = callers;
        this.sessions = sessions;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        String token = header instanceof String s && s.regionMatches(true, 0, "Bearer ", 0, 7) ? s.substring(7).strip() : null;
        if (token == null) {
            security.warn("websocket refused: no bearer token in connection_init, client={}", session.getRemoteAddress());
            return Mono.error(new IllegalStateException("connection_init must carry {\"Authorization\": \"Bearer <token>\"}"));
        }
        try {
            CallerAuthentication auth = (CallerAuthentication) callers.convert(decoder.decode(token));
            if (auth.caller().known() && !auth.caller().active()) {
                security.warn("websocket refused: account deactivated, who={} client={}", auth.caller().actorId(),
                        session.getRemoteAddress());
                return Mono.error(new IllegalStateException("This MARC account is deactivated"));
            }
            session.getAttributes().put(ATTRIBUTE, auth);
            // closed at the token's expiry, or when the account is deactivated or transferred
            sessions.authenticated(session.getId(), auth);
            return Mono.empty();
        } catch (org.springframework.security.authentication.AuthenticationServiceException e) {
            log.error("websocket refused: MARC accounts cannot be read now, client={}", session.getRemoteAddress(), e);
            return Mono.error(new IllegalStateException("MARC cannot check this account now; try again shortly"));
        } catch (JwtException e) {
            security.warn("websocket refused: invalid token ({}), client={}", e.getMessage(), session.getRemoteAddress());
            return Mono.error(new IllegalStateException("Invalid token"));
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)
                || !(socket.getSessionInfo().getAttributes().get(ATTRIBUTE) instanceof CallerAuthentication stored)) {
            return chain.next(request);
        }
        // a fresh authentication (and access trail) per operation, for the same verified caller
        CallerAuthentication auth = new CallerAuthentication(stored.token(), callers.refresh(stored.caller()));
        SecurityContext context = new SecurityContextImpl(auth);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT_KEY, context));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
