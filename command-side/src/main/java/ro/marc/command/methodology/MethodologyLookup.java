package ro.marc.command.methodology;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.event.MethodologyVersionPublished;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The command side's lookup of the methodology's published versions ({@code methodology_lookup}: one row per
 * version, its tables as JSON). A {@link CommandLookup} kept by {@link CommandLookups} in the transaction of every
 * {@link MethodologyVersionPublished}, so an evaluation decided right after a publication, on either node, is made
 * with the new version. Never read by the query side.
 */
@Component
public class MethodologyLookup implements CommandLookup, Methodologies {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "methodology_lookup";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public MethodologyLookup(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<MethodologyVersion> current() {
        return jdbc.sql("SELECT version, content FROM methodology_lookup ORDER BY version DESC LIMIT 1")
                .query(MethodologyLookup::row).optional();
    }

    @Override
    public Optional<MethodologyVersion> version(int version) {
        return jdbc.sql("SELECT version, content FROM methodology_lookup WHERE version = ?").param(version)
                .query(MethodologyLookup::row).optional();
    }

    private static MethodologyVersion row(ResultSet rs, int row) throws SQLException {
        return new MethodologyVersion(rs.getInt("version"), JSON.readValue(rs.getString("content"), MethodologyContent.class));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == MethodologyVersionPublished.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof MethodologyVersionPublished published)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO methodology_lookup (version, content) VALUES (?, CAST(? AS jsonb))
                        ON CONFLICT (version) DO NOTHING""")
                .params(published.version(), JSON.writeValueAsString(published.content())).update();
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM methodology_lookup").update();
    }
}
