package ro.marc.query.methodology;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.query.common.ReadSnapshot;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads of the methodology read model (table {@code methodology_version}, {@link MethodologyReadModelProjection}). */
@Component
@ReadSnapshot
public class MethodologyQueries {

    private static final String COLUMNS = "SELECT version, content, note, published_by, published_at FROM methodology_version";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MethodologyQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The version evaluations are made with now; empty before version 1. */
    public Optional<MethodologyVersionView> current() {
        return jdbc.sql(COLUMNS + " ORDER BY version DESC LIMIT 1").query(this::view).optional();
    }

    public Optional<MethodologyVersionView> version(int version) {
        return jdbc.sql(COLUMNS + " WHERE version = ?").param(version).query(this::view).optional();
    }

    /** Every version, newest first. */
    public List<MethodologyVersionView> versions() {
        return jdbc.sql(COLUMNS + " ORDER BY version DESC").query(this::view).list();
    }

    private MethodologyVersionView view(ResultSet rs, int row) throws SQLException {
        return new MethodologyVersionView(rs.getInt("version"),
                json.readValue(rs.getString("content"), MethodologyContent.class), rs.getString("note"),
                rs.getString("published_by"), rs.getTimestamp("published_at").toInstant());
    }
}
