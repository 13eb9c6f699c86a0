package ro.marc.api.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.command.org.OrgFacts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * TEMPORARY, api tests only, until the organisation's own {@code JdbcOrgFacts} (branch h9/org) is
 * merged: the access handlers take an {@link OrgFacts} parameter and main has no implementation yet.
 * An auto-configuration (listed in META-INF/spring/...AutoConfiguration.imports, so never picked up by
 * component scanning) that backs off as soon as any other {@link OrgFacts} bean exists: after the
 * merge it does nothing, and this file can simply be deleted.
 *
 * <p>It answers only what the access rules ask (does the org unit exist), read straight from the
 * event store (never behind it): an org unit exists when an event created it.
 */
@AutoConfiguration
public class TemporaryOrgFacts {

    @Bean
    @ConditionalOnMissingBean(OrgFacts.class)
    OrgFacts orgFactsFromTheEventStore(JdbcClient jdbc) {
        return new OrgFacts() {
            @Override
            public Optional<OrgUnitFact> orgUnit(UUID id) {
                boolean created = jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM domain_event_entry
                                                WHERE marc_event_entity_ids(payload) @> ARRAY[CAST(:id AS text)]
                                                  AND ((payload_type LIKE '%OrgUnitCreated'
                                                        AND convert_from(payload, 'UTF8')::jsonb ->> 'orgUnitId' = :id)
                                                    OR (payload_type LIKE '%OrganisationInitialised'
                                                        AND convert_from(payload, 'UTF8')::jsonb ->> 'rootOrgUnitId' = :id)))""")
                        .param("id", id.toString()).query(Boolean.class).single();
                return created ? Optional.of(new OrgUnitFact(id, null, null, 0, null, true, Set.of(), List.of()))
                        : Optional.empty();
            }

            @Override
            public Optional<WorkUnitFact> workUnit(UUID id) {
                throw new UnsupportedOperationException("not needed by the access rules");
            }
        };
    }
}
