package ro.marc.query.document;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.Sql;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents in PostgreSQL, their content addressed by SHA-256: {@code document_content} holds each distinct
 * content once (keyed by its hash), however many documents share it; {@code document} holds one row of
 * metadata per document (owner, org unit, kind, edition, title, file name, media type, hash, size, who, when).
 * <p>
 * {@link #store} is idempotent: storing a document whose id, or whose (owner, kind, edition), is already
 * stored changes nothing and returns the stored one. It runs in the caller's transaction (a projection's
 * batch, an upload's request). Issue 12 stores uploads through the same method (edition {@code null}).
 */
@Component
public class DocumentStore {

    private static final String COLUMNS = """
            d.id, d.owner_kind, d.owner_id, d.org_unit_id, d.kind, d.edition, d.title, d.file_name, d.media_type,
            d.sha256, d.size, d.created_by_id, d.created_by_name, d.created_at""";

    private static final RowMapper<StoredDocument> ROW = DocumentStore::document;

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the content (once per hash) and the document's row; returns what is stored under its id or edition. */
    public StoredDocument store(byte[] bytes, NewDocument doc) {
        String hash = sha256(bytes);
        jdbc.sql("INSERT INTO document_content (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING")
                .params(hash, (long) bytes.length, bytes).update();
        // no conflict target: the id's key and the (owner, kind, edition) index both mean "already stored"
        jdbc.sql("""
                INSERT INTO document (id, owner_kind, owner_id, org_unit_id, kind, edition, title, file_name, media_type,
                                      sha256, size, created_by_id, created_by_name, created_at)
                VALUES (:id, :ownerKind, :ownerId, :orgUnit, :kind, :edition, :title, :fileName, :mediaType,
                        :sha256, :size, :by, :byName, :at)
                ON CONFLICT DO NOTHING""")
                .param("id", doc.id()).param("ownerKind", doc.ownerKind().name()).param("ownerId", doc.ownerId())
                .param("orgUnit", doc.orgUnitId()).param("kind", doc.kind()).param("edition", doc.edition())
                .param("title", doc.title()).param("fileName", doc.fileName()).param("mediaType", doc.mediaType())
                .param("sha256", hash).param("size", (long) bytes.length).param("by", doc.createdById())
                .param("byName", doc.createdByName()).param("at", Sql.timestamp(doc.createdAt())).update();
        recordOwner(doc.ownerKind(), doc.ownerId(), doc.orgUnitId());
        if (doc.edition() != null) {
            return edition(doc.ownerKind(), doc.ownerId(), doc.kind(), doc.edition()).orElseThrow();
        }
        return document(doc.id()).orElseThrow();
    }

    /** Whether the owner's edition of that kind is stored (a redelivered event need not render it again). */
    public boolean hasEdition(OwnerKind ownerKind, UUID ownerId, String kind, int edition) {
        return edition(ownerKind, ownerId, kind, edition).isPresent();
    }

    public Optional<StoredDocument> edition(OwnerKind ownerKind, UUID ownerId, String kind, int edition) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document d WHERE d.owner_kind = ? AND d.owner_id = ? AND d.kind = ? AND d.edition = ?")
                .params(ownerKind.name(), ownerId, kind, edition).query(ROW).optional();
    }

    public Optional<StoredDocument> document(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document d WHERE d.id = ?").param(id).query(ROW).optional();
    }

    /** The document with its bytes. */
    public Optional<DocumentContent> content(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", c.content FROM document d JOIN document_content c ON c.sha256 = d.sha256 WHERE d.id = ?")
                .param(id).query((rs, n) -> new DocumentContent(document(rs, n), rs.getBytes("content"))).optional();
    }

    /** An owner's documents, newest first (the latest edition first). */
    public List<StoredDocument> documentsOf(OwnerKind ownerKind, UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document d WHERE d.owner_kind = ? AND d.owner_id = ? "
                        + "ORDER BY d.created_at DESC, d.edition DESC NULLS LAST, d.id")
                .params(ownerKind.name(), ownerId).query(ROW).list();
    }

    /** The org unit an owner belongs to, as far as the store has heard of it (its documents, a plan's draft). */
    public Optional<UUID> ownerOrgUnit(OwnerKind ownerKind, UUID ownerId) {
        return jdbc.sql("SELECT org_unit_id FROM document_owner WHERE owner_kind = ? AND owner_id = ?")
                .params(ownerKind.name(), ownerId).query(UUID.class).optional();
    }

    /** Records the owner's org unit (a plan keeps its org unit for life; the first record stays). */
    public void recordOwner(OwnerKind ownerKind, UUID ownerId, UUID orgUnitId) {
        jdbc.sql("INSERT INTO document_owner (owner_kind, owner_id, org_unit_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(ownerKind.name(), ownerId, orgUnitId).update();
    }

    /** How many distinct contents hold this hash (0 or 1): the store keeps each content once. */
    public int contentCount(String sha256) {
        return jdbc.sql("SELECT count(*) FROM document_content WHERE sha256 = ?").param(sha256).query(Integer.class).single();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredDocument document(ResultSet rs, int row) throws SQLException {
        int edition = rs.getInt("edition");
        Integer ed = rs.wasNull() ? null : edition;
        return new StoredDocument(rs.getObject("id", UUID.class), OwnerKind.valueOf(rs.getString("owner_kind")),
                rs.getObject("owner_id", UUID.class), rs.getObject("org_unit_id", UUID.class), rs.getString("kind"), ed,
                rs.getString("title"), rs.getString("file_name"), rs.getString("media_type"), rs.getString("sha256"),
                rs.getLong("size"), rs.getObject("created_by_id", UUID.class), rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
