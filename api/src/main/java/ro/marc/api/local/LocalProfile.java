package ro.marc.api.local;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Everything only a developer's machine runs lives in this package and only the {@code local} profile
 * loads it ({@code ArchitectureTest} checks every component here says so): the dev token signer and its
 * {@code /dev/token} endpoint, the demo users, the demo organisation, accounts and nomenclature
 * (seeded by {@link ro.marc.api.startup.StartupSequence} when {@code marc.demo-data.enabled}), and the
 * GraphiQL page. A production context has none of it ({@code ProductionProfileTest}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalProfile {

    /** Signs tokens for the demo users; the token validation trusts it when it exists. */
    @Bean
    DevTokenSigner devTokenSigner(@Value("${marc.security.dev-signer.issuer:marc-local-dev}") String issuer,
                                  @Value("${marc.security.dev-signer.key-file:}") String keyFile) {
        // several local nodes (ops/marc run --nodes 2) share one key, so a token from one works on the others
        return keyFile.isBlank() ? new DevTokenSigner(issuer) : DevTokenSigner.withKeyFile(issuer, java.nio.file.Path.of(keyFile));
    }
}
