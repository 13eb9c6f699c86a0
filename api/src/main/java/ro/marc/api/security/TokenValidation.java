package ro.marc.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.*;
import org.springframework.util.StringUtils;

/**
 * How bearer tokens are verified: the identity provider's keys (or the local dev signer), issuer,
 * audience and expiry. Who the caller is in MARC is decided afterwards by
 * {@link ro.marc.api.access.CallerResolver}.
 */
@Configuration(proxyBeanMethods = false)
public class TokenValidation {

    /** The development signer exists only in the {@code local} profile (never in a production context). */
    @Bean
    @org.springframework.context.annotation.Profile("local")
    DevTokenSigner devTokenSigner(@Value("${marc.security.dev-signer.issuer:marc-local-dev}") String issuer) {
        return new DevTokenSigner(issuer);
    }

    @Bean
    JwtDecoder jwtDecoder(ObjectProvider<DevTokenSigner> devSigner,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                          @Value("${spring.security.oauth2.resourceserver.jwt.audiences:marc}") String audience) {
        DevTokenSigner signer = devSigner.getIfAvailable();
        NimbusJwtDecoder decoder;
        String issuer;
        if (signer != null) {
            decoder = NimbusJwtDecoder.withPublicKey(signer.publicKey()).build();
            issuer = signer.issuer();
        } else if (StringUtils.hasText(issuerUri)) {
            decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
            issuer = issuerUri;
        } else {
            throw new IllegalStateException("No identity provider configured: set MARC_JWT_ISSUER_URI "
                    + "(Keycloak realm or OIDC-enabled CAS), or run with the 'local' profile for the dev signer");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), audience(audience)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }
}
