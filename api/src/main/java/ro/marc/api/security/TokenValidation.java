package ro.marc.api.security;

import ro.marc.api.local.DevTokenSigner;
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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.StringUtils;

import org.springframework.core.convert.converter.Converter;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How bearer tokens are verified: the identity provider's keys (or the local dev signer; keys cached
 * and fetched at most once per {@code marc.security.jwks.min-refresh-interval}), issuer, audience,
 * and the token's {@code iat} and {@code exp}, both required. Who the caller is in MARC is decided afterwards by
 * {@link ro.marc.api.authorization.CallerResolver}. A verified token is kept a short while
 * ({@code marc.security.verified-tokens.*}, never past its {@code exp}: {@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
public class TokenValidation {

    /** With the {@code local} profile's dev signer ({@link ro.marc.api.local.LocalProfile}) its tokens, else the identity provider's. */
    @Bean
    JwtDecoder jwtDecoder(ObjectProvider<DevTokenSigner> devSigner,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                          @Value("${spring.security.oauth2.resourceserver.jwt.audiences:marc}") String audience,
                          @Value("${marc.security.clock-skew:10s}") Duration clockSkew,
                          @Value("${marc.security.jwks.cache-ttl:5m}") Duration cacheTtl,
                          @Value("${marc.security.jwks.refresh-timeout:15s}") Duration refreshTimeout,
                          @Value("${marc.security.jwks.min-refresh-interval:30s}") Duration minRefreshInterval,
                          @Value("${marc.security.jwks.connect-timeout:2s}") Duration connectTimeout,
                          @Value("${marc.security.jwks.read-timeout:3s}") Duration readTimeout,
                          @Value("${marc.security.verified-tokens.ttl:60s}") Duration verifiedTtl,
                          @Value("${marc.security.verified-tokens.max-entries:10000}") int verifiedMax) {
        DevTokenSigner signer = devSigner.getIfAvailable();
        if (signer != null) {
            return new VerifiedTokens(devSignerDecoder(signer, audience, clockSkew), verifiedTtl, verifiedMax,
                    Clock.systemUTC());
        }
        if (StringUtils.hasText(issuerUri)) {
            return new VerifiedTokens(identityProviderDecoder(issuerUri, audience, clockSkew,
                    new IdentityProviderKeys.Settings(cacheTtl, refreshTimeout, minRefreshInterval, connectTimeout,
                            readTimeout)), verifiedTtl, verifiedMax, Clock.systemUTC());
        }
        throw new IllegalStateException("No identity provider configured: set MARC_JWT_ISSUER_URI "
                + "(Keycloak realm or OIDC-enabled CAS), or run with the 'local' profile for the dev signer");
    }

    /** Tokens of the local dev signer, checked like an identity provider's. */
    static NimbusJwtDecoder devSignerDecoder(DevTokenSigner signer, String audience, Duration clockSkew) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(signer.publicKey()).build();
        decoder.setClaimSetConverter(KEEP_MISSING_IAT);
        decoder.setJwtValidator(validator(signer.issuer(), audience, clockSkew));
        return decoder;
    }

    /**
     * Tokens of an OIDC identity provider: keys from its discovery document's key set, cached and
     * rate-limited ({@link IdentityProviderKeys}); asymmetric signatures only.
     */
    static NimbusJwtDecoder identityProviderDecoder(String issuer, String audience, Duration clockSkew,
                                                    IdentityProviderKeys.Settings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new IdentityProviderKeys(issuer, settings))
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
                        SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
                        SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512)))
                .build();
        decoder.setClaimSetConverter(KEEP_MISSING_IAT);
        decoder.setJwtValidator(validator(issuer, audience, clockSkew));
        return decoder;
    }

    /**
     * Spring's default claim conversion, except that a missing {@code iat} stays missing: Spring
     * fills it in as {@code exp - 1 s}, which would hide from the validator that the token never said
     * when it was issued.
     */
    private static final Converter<Map<String, Object>, Map<String, Object>> KEEP_MISSING_IAT = new Converter<>() {
        private final MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());

        @Override
        public Map<String, Object> convert(Map<String, Object> claims) {
            Map<String, Object> converted = defaults.convert(claims);
            if (claims.get(JwtClaimNames.IAT) == null && converted != null && converted.containsKey(JwtClaimNames.IAT)) {
                converted = new HashMap<>(converted);
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        }
    };

    /**
     * Issuer, audience, and time: a token must say when it was issued ({@code iat}) and when it
     * expires ({@code exp}): a signed token without an end would be a credential for ever. Expiry
     * and not-before are checked with a small clock skew.
     */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        return JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(issuer),
                new JwtTimestampValidator(clockSkew), required(JwtClaimNames.EXP), required(JwtClaimNames.IAT),
                audience(audience)));
    }

    private static OAuth2TokenValidator<Jwt> required(String claim) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token has no '" + claim + "' claim", null);
        return jwt -> jwt.getClaims().get(claim) != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }
}
