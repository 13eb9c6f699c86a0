package ro.marc.query.document;

/** A document with its bytes. */
public record DocumentContent(StoredDocument document, byte[] bytes) {
}
