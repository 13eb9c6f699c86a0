package ro.marc.api.common;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /graphiql} opens MARC's self-hosted GraphiQL page (static/graphiql/index.html). */
@Configuration(proxyBeanMethods = false)
public class GraphiqlPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/index.html").setKeepQueryParams(true);
    }
}
