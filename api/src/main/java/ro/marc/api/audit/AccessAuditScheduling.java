package ro.marc.api.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the monthly archiving of the access audit. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AccessAuditScheduling {
}
