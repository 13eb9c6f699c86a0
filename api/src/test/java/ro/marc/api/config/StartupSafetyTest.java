package ro.marc.api.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import ro.marc.api.projection.ObservedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import ro.marc.api.MarcApplication;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.org.OrgSearchProjection;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up refuses unsafe configurations and phones nobody. */
class StartupSafetyTest {

    @Test
    void start_up_fails_when_a_processor_would_keep_its_tokens_in_memory() {
        assertThatThrownBy(() -> start(InMemoryTokens.class).close())
                .hasStackTraceContaining("in-memory token store");
    }

    @Test
    void every_projection_group_has_a_jdbc_dead_letter_queue() {
        try (ConfigurableApplicationContext context = start()) {
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors().keySet())
                    .contains(OrgReadModelProjection.PROCESSING_GROUP, OrgSearchProjection.PROCESSING_GROUP)
                    .allSatisfy(group -> assertThat(processing.deadLetterQueue(group)).as(group)
                            .containsInstanceOf(ObservedDeadLetterQueue.class)
                            .hasValueSatisfying(queue -> assertThat(((ObservedDeadLetterQueue) queue).delegate())
                                    .isInstanceOf(JdbcSequencedDeadLetterQueue.class)));
        }
    }

    @Test
    void the_update_checker_is_off_and_no_axoniq_console_client_is_present() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBeanNamesForType(org.axonframework.updates.UpdateChecker.class)).isEmpty();
            assertThat(context.getBean(TokenStore.class)).isNotInstanceOf(InMemoryTokenStore.class);
        }
        assertThatThrownBy(() -> Class.forName("io.axoniq.console.framework.AxoniqConsoleConfigurerModule"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static ConfigurableApplicationContext start(Class<?>... extra) {
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = MarcApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources).run(
                "--server.port=0",
                "--spring.main.allow-bean-definition-overriding=true",
                "--spring.profiles.active=local", "--marc.demo-data.enabled=false",
                "--spring.datasource.url=" + services.jdbcUrl(),
                "--spring.datasource.username=" + services.dbUser(),
                "--spring.datasource.password=" + services.dbPassword(),
                "--marc.elasticsearch.url=" + services.elasticsearchUrl(),
                "--marc.elasticsearch.index-prefix=" + ApiTestSupport.INDEX_PREFIX);
    }

    @Configuration(proxyBeanMethods = false)
    static class InMemoryTokens {
        @Bean
        @Primary
        TokenStore inMemoryTokenStore() {
            return new InMemoryTokenStore();
        }
    }
}
