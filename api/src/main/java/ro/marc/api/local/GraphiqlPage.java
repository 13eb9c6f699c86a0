package ro.marc.api.local;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /graphiql} opens MARC's self-hosted GraphiQL page (static/graphiql: index.html, its script
 * and style; GraphiQL, React and their CSS from the webjars). Only in the {@code local} profile:
 * elsewhere Spring's default static resource handling is off ({@code spring.web.resources.add-mappings:
 * false}), so neither the page nor the webjars are served.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class GraphiqlPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/index.html").setKeepQueryParams(true);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/graphiql/**").addResourceLocations("classpath:/static/graphiql/");
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/");
    }
}
