package ro.marc.api.projection;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: every application context started in this test JVM. They share one database and
 * its processor tokens, like several application nodes do, so a test that must know which "node"
 * processes a group (the Elasticsearch outage test) can pause the group on the others.
 */
@Component
public class RunningContexts implements ApplicationContextAware {

    static final Set<ApplicationContext> ALL = ConcurrentHashMap.newKeySet();

    @Override
    public void setApplicationContext(ApplicationContext context) {
        ALL.add(context);
    }
}
