package ro.marc.command.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * {@link IncidentFiles} in PostgreSQL (table {@code incident_file}), on the connection of the caller's
 * transaction: the attaching command's, so a refused or failed command stores nothing. A content is kept once
 * per SHA-256 however many documents hold it.
 *
 * <p>Keeping a hash and deleting it (the last document holding it removed, {@link IncidentLookup}) take the same
 * PostgreSQL advisory transaction lock on the hash first, so a document attached while the last other one with
 * that content is removed never ends up without its content: whichever commits second sees the first.
 */
@Component
public class JdbcIncidentFiles implements IncidentFiles {

    /** Mixed into the advisory lock keys, so they do not meet other lookups' keys. */
    private static final long LOCK_SPACE = 0x494E4346494C45L; // "INCFILE"

    private final JdbcClient jdbc;

    public JdbcIncidentFiles(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public String keep(byte[] content, String mediaType) {
        if (content == null || content.length == 0 || content.length > MAX_SIZE) {
            throw new IllegalArgumentException("an incident file has 1 to " + MAX_SIZE + " bytes; the handler checks this first");
        }
        String sha256 = IncidentFiles.sha256(content);
        lock(jdbc, sha256);
        jdbc.sql("""
                        INSERT INTO incident_file (sha256, size, media_type, content) VALUES (?, ?, ?, ?)
                        ON CONFLICT (sha256) DO NOTHING""")
                .params(sha256, content.length, mediaType, content).update();
        return sha256;
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT content FROM incident_file WHERE sha256 = ?").param(sha256)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Deletes the content of {@code sha256} when no live document of any incident holds it (in the caller's transaction). */
    static void forgetUnlessHeld(JdbcClient jdbc, String sha256) {
        lock(jdbc, sha256);
        jdbc.sql("""
                        DELETE FROM incident_file WHERE sha256 = :sha
                           AND NOT EXISTS (SELECT 1 FROM incident_document_lookup WHERE sha256 = :sha AND live)""")
                .param("sha", sha256).update();
    }

    /** Holds the hash until the transaction ends (a new statement after it sees what the previous holder committed). */
    private static void lock(JdbcClient jdbc, String sha256) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(lockKey(sha256)).query(Integer.class).single();
    }

    static long lockKey(String sha256) {
        return Long.parseUnsignedLong(sha256.substring(0, 16), 16) ^ LOCK_SPACE;
    }
}
