package ro.marc.api.support;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * TEMPORARY, api tests only: while the organisation and the access directory still have their
 * catalogue-wide aggregates (and so their own CommandTargetResolver beans), the per-entity aggregates
 * (the nomenclature's) need the default, annotation-based resolver marked as the one to use. Deleted
 * when the h9/org and h9/access branches are merged (their resolvers go, and Axon's default applies).
 */
@Configuration
public class PerEntityTargetResolver {

    @Bean
    @Primary
    CommandTargetResolver annotationCommandTargetResolver() {
        return AnnotationCommandTargetResolver.builder().build();
    }
}
