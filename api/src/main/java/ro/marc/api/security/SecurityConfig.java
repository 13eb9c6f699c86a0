package ro.marc.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.*;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import ro.marc.api.access.CallerResolver;

/**
 * OAuth2 resource server: every GraphQL call needs a valid bearer token (signature, issuer,
 * audience, expiry). The token says who the caller is ({@code iss} + {@code sub}); what they may do
 * comes from their MARC account ({@link CallerResolver}) and is decided by
 * {@link ro.marc.api.access.AccessPolicy} in every operation.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CallerResolver callers) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/graphiql/**", "/graphiql", "/webjars/**", "/actuator/health/**", "/actuator/health",
                                "/dev/token", "/dev/users").permitAll()
                        // the WebSocket handshake carries no header; the token comes in connection_init
                        // (WebSocketAuthentication), before any operation runs
                        .requestMatchers(request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                                && "/graphql".equals(request.getRequestURI())).permitAll()
                        .requestMatchers("/graphql/**", "/graphql").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(loggingEntryPoint()));
        return http.build();
    }

    /** A missing, expired or forged token: HTTP 401 as usual, and a security event in the log. */
    private static AuthenticationEntryPoint loggingEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        Logger security = LoggerFactory.getLogger("ro.marc.security");
        return (request, response, failure) -> {
            security.warn("request refused: unauthenticated path={} client={} reason={}", request.getRequestURI(),
                    request.getRemoteAddr(), failure.getMessage());
            bearer.commence(request, response, failure);
        };
    }
}
