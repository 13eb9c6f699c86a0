package ro.marc.api.security;

import ro.marc.api.common.Causes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import ro.marc.api.authorization.CallerResolver;
import ro.marc.api.audit.RefusedRequestAudit;
import ro.marc.api.web.GraphQlErrorResponse;

import java.io.IOException;
import java.sql.SQLException;

/**
 * OAuth2 resource server: every GraphQL call needs a valid bearer token (signature, issuer,
 * audience, expiry). The token says who the caller is ({@code iss} + {@code sub}); what they may do
 * comes from their MARC account ({@link CallerResolver}) and is decided by
 * {@link ro.marc.api.authorization.AccessPolicy} in every operation.
 *
 * <p>Refusals here answer with a GraphQL-shaped JSON body ({@link GraphQlErrorResponse}):
 * <ul>
 *   <li>no token, or a token that fails verification: HTTP 401 ({@code WWW-Authenticate} kept),
 *   codes {@code UNAUTHENTICATED} / {@code INVALID_TOKEN}, a security event in the log and an access
 *   audit row ({@link RefusedRequestAudit});</li>
 *   <li>the database (or the identity provider's key set) unreachable while authenticating —
 *   {@link AuthenticationServiceException}: HTTP 503, {@code SERVICE_UNAVAILABLE} /
 *   {@code DATABASE_UNAVAILABLE} (or {@code AUTHENTICATION_UNAVAILABLE}); not a security event, and
 *   never a 401;</li>
 *   <li>a path nobody may use: 401 without a token, 403 ({@code FORBIDDEN}) with one.</li>
 * </ul>
 * GraphiQL ({@code /graphiql}, {@code /webjars}) and the dev token endpoints exist only in the
 * {@code local} profile, and only then are they open. Security headers: {@link ro.marc.api.web.SecurityHeadersFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    private static final Logger security = LoggerFactory.getLogger("ro.marc.security");
    private static final Logger availability = LoggerFactory.getLogger("ro.marc.availability");

    /**
     * No Micrometer observations of the filter chain, of authentication or of authorization: nothing
     * reads them (no metrics endpoint, no tracing), and the profile of a cheap request showed them as
     * the largest single piece of its CPU (an observation per filter, per request).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's strict firewall, with its header checks written as loops instead of its regular
     * expressions (the same rule: every code point assigned and not an ISO control character, a tab
     * allowed in values): matching the bearer token's kilobyte against the expression for each
     * {@code getHeader} was a visible share of a cheap request's CPU.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfig::allowedHeaderName);
        firewall.setAllowedHeaderValues(SecurityConfig::allowedHeaderValue);
        return firewall;
    }

    /** As StrictHttpFirewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean allowedHeaderName(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isDefined(cp) || Character.isISOControl(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** As StrictHttpFirewall's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static boolean allowedHeaderValue(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!Character.isDefined(cp) || (Character.isISOControl(cp) && cp != '\t')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, CallerResolver callers, RefusedRequestAudit refused,
                            Environment environment) throws Exception {
        boolean local = environment.matchesProfiles("local");
        AuthenticationEntryPoint entryPoint = entryPoint(refused);
        AuthenticationFailureHandler failures = failureHandler(entryPoint);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.disable()) // written eagerly on every response by SecurityHeadersFilter
                .authorizeHttpRequests(auth -> {
                    // error dispatches keep the status of what failed (not a 403 of the error page)
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health/**", "/actuator/health").permitAll();
                    if (local) {
                        auth.requestMatchers("/graphiql/**", "/graphiql", "/webjars/**", "/dev/token", "/dev/users")
                                .permitAll();
                    }
                    // the WebSocket handshake carries no header; the token comes in connection_init
                    // (WebSocketAuthentication), before any operation runs
                    auth.requestMatchers(request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                                    && "/graphql".equals(request.getRequestURI())).permitAll()
                            .requestMatchers("/graphql/**", "/graphql").authenticated()
                            // downloads: the chart endpoints authorise each request themselves (AccessPolicy)
                            .requestMatchers("/charts/**").authenticated()
                            // downloads (Anexa 2 export), authorised per request by AccessPolicy
                            .requestMatchers("/exports/**").authenticated()
                            // downloads (PDF documents): the same bearer token, authorised by each endpoint
                            .requestMatchers(HttpMethod.GET, "/documents/*").authenticated()
                            // uploads (incident documents, multipart): the same bearer token, authorised by the endpoint
                            .requestMatchers(HttpMethod.POST, "/incidents/*/documents").authenticated()
                            // the A1001 workbook (download, multipart import): the same bearer token, authorised by the endpoint
                            .requestMatchers("/registers/*/workbook").authenticated()
                            .anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied()))
                .oauth2ResourceServer(rs -> {
                    rs.jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                            .authenticationEntryPoint(entryPoint)
                            .accessDeniedHandler(accessDenied());
                    rs.addObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(failures);
                            return filter;
                        }
                    });
                });
        return http.build();
    }

    /** A missing, expired or forged token: HTTP 401 with WWW-Authenticate and a GraphQL-shaped body; audited. */
    static AuthenticationEntryPoint entryPoint(RefusedRequestAudit refused) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            boolean tokenGiven = failure instanceof InvalidBearerTokenException
                    || failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
            String code = tokenGiven ? "INVALID_TOKEN" : "UNAUTHENTICATED";
            security.warn("request refused: unauthenticated path={} client={} code={} reason={}", request.getRequestURI(),
                    request.getRemoteAddr(), code, failure.getMessage());
            refused.unauthenticated(request, code, failure.getMessage());
            bearer.commence(request, response, failure); // status 401 and WWW-Authenticate
            GraphQlErrorResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    tokenGiven ? "The bearer token is not valid (signature, issuer, audience or expiry)"
                            : "Authentication required: send a bearer token", "UNAUTHORIZED", code);
        };
    }

    /**
     * Authentication could not be decided because a service it needs failed (the accounts database,
     * the identity provider's key set): 503, so clients retry instead of logging the user out.
     */
    static AuthenticationFailureHandler failureHandler(AuthenticationEntryPoint entryPoint) {
        return (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                serviceUnavailable(request, response, failure);
            } else {
                entryPoint.commence(request, response, failure);
            }
        };
    }

    static void serviceUnavailable(HttpServletRequest request, HttpServletResponse response,
                                   AuthenticationException failure) throws IOException {
        boolean database = Causes.causedBy(failure, DataAccessException.class) || Causes.causedBy(failure, SQLException.class);
        String code = database ? "DATABASE_UNAVAILABLE" : "AUTHENTICATION_UNAVAILABLE";
        availability.error("request not served: {} path={} client={} cause={}", code, request.getRequestURI(),
                request.getRemoteAddr(), failure.getCause() == null ? failure.toString() : failure.getCause().toString());
        response.setHeader("Retry-After", "5");
        GraphQlErrorResponse.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                database ? "The service is temporarily unavailable (database); try again shortly"
                        : "The service is temporarily unavailable (authentication); try again shortly",
                "SERVICE_UNAVAILABLE", code);
    }

    /** A valid token on a path nobody may use: 403 with a GraphQL-shaped body. */
    private static AccessDeniedHandler accessDenied() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            security.warn("request refused: forbidden path={} client={}", request.getRequestURI(), request.getRemoteAddr());
            bearer.handle(request, response, denied);
            GraphQlErrorResponse.write(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "FORBIDDEN", "FORBIDDEN");
        };
    }

}
