package ro.marc.query.methodology;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.methodology.event.MethodologyVersionPublished;
import ro.marc.query.common.Sql;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * Projects the methodology's published versions (Anexa 6–9) into PostgreSQL ({@code methodology_version}: one row
 * per version, its tables as JSON, as the event carries them), from its own events only. A version is written
 * once: delivered twice, it changes nothing.
 */
@Component
@ProcessingGroup(MethodologyReadModelProjection.PROCESSING_GROUP)
public class MethodologyReadModelProjection {

    public static final String PROCESSING_GROUP = "methodology-postgres";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MethodologyReadModelProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MethodologyVersionPublished event, @Timestamp Instant at, @MetaDataValue("userId") String byUserId) {
        jdbc.sql("""
                        INSERT INTO methodology_version (version, content, note, published_by, published_at)
                        VALUES (?, CAST(? AS jsonb), ?, ?, ?)
                        ON CONFLICT (version) DO NOTHING""")
                .params(event.version(), json.writeValueAsString(event.content()), event.note(), byUserId,
                        Sql.timestamp(at))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM methodology_version").update();
    }
}
