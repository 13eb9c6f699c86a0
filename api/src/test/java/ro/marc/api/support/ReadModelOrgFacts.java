package ro.marc.api.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.org.County;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TEMPORARY, api tests only: {@link OrgFacts} over the organisation's read model, until the organisation's
 * command-side lookup ({@code JdbcOrgFacts}, branch h9/org) is merged; then this class is deleted. The
 * nomenclature's handlers take OrgFacts as a parameter, so the application needs one to start.
 */
@Component
@ConditionalOnMissingBean(value = OrgFacts.class, ignored = ReadModelOrgFacts.class)
public class ReadModelOrgFacts implements OrgFacts {

    private final JdbcClient jdbc;

    public ReadModelOrgFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, parent_id, level, county, active, path FROM org_unit WHERE id = ?").param(id)
                .query((rs, n) -> {
                    String county = rs.getString("county");
                    List<UUID> ancestors = new java.util.ArrayList<>();
                    for (String part : rs.getString("path").split("/")) {
                        if (!part.isEmpty() && !part.equals(id.toString())) {
                            ancestors.add(UUID.fromString(part));
                        }
                    }
                    return new OrgUnitFact(id, rs.getString("name"), rs.getObject("parent_id", UUID.class),
                            rs.getInt("level"), county == null ? null : County.valueOf(county), rs.getBoolean("active"),
                            new HashSet<>(jdbc.sql("SELECT work_unit_id FROM org_unit_work_unit WHERE org_unit_id = ?")
                                    .param(id).query(UUID.class).list()), ancestors);
                }).optional();
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        return jdbc.sql("SELECT id, name, retired FROM work_unit WHERE id = ?").param(id)
                .query((rs, n) -> new WorkUnitFact(id, rs.getString("name"), rs.getBoolean("retired"))).optional();
    }
}
