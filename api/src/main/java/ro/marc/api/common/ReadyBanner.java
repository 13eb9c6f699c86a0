package ro.marc.api.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started MARC where to go next. */
@Component
public class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;
    private final boolean devSigner;

    public ReadyBanner(Environment environment) {
        this.environment = environment;
        this.devSigner = environment.matchesProfiles("local"); // the dev signer and GraphiQL exist only there
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n\n  MARC is ready.\n");
        if (devSigner) {
            text.append("  GraphiQL: ").append(base).append("/graphiql?user=admin\n");
        }
        text.append("  GraphQL endpoint: ").append(base).append("/graphql\n");
        if (devSigner) {
            text.append("  Demo token: curl -s -X POST '").append(base).append("/dev/token?user=admin'\n");
            text.append("  Demo users: ").append(base).append("/dev/users\n");
        }
        log.info(text.toString());
    }
}
