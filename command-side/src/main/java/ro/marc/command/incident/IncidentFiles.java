package ro.marc.command.incident;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The contents of incident documents, outside the event store: in PostgreSQL (table {@code incident_file}), one
 * row per distinct SHA-256, so both application servers read what either wrote and a content is kept once
 * however many documents hold it. {@link #keep} runs in the attaching command's transaction: a refused or
 * failed command stores nothing. The content of a removed document is deleted when no document of any incident
 * holds it any more.
 */
public interface IncidentFiles {

    /** The largest file accepted: 20 MiB (a scanned court decision of some dozen pages; see the README). */
    long MAX_SIZE = 20L * 1024 * 1024;

    /**
     * Keeps the content (once per hash) in the current transaction, with the media type the handler detected from
     * it; returns its SHA-256, lower-case hex.
     */
    String keep(byte[] content, String mediaType);

    /** The content with this hash, when kept. */
    Optional<byte[]> content(String sha256);

    /** The key of a content: its SHA-256, lower-case hex. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
