package ro.marc.api.document;

import org.springframework.stereotype.Component;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.query.document.DocumentStore;
import ro.marc.query.document.OwnerKind;
import ro.marc.query.document.StoredDocument;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may read a document: whoever holds the owner's read permission over the document's org unit
 * (PLAN → PLAN_READ, ANALYSIS → ANALYSIS_READ, ASSESSMENT → ASSESSMENT_READ, REGISTER → REGISTER_READ; issue 12 adds its owners here). One place for the download
 * endpoint and the GraphQL lists.
 */
@Component
public class DocumentAccess {

    private final AccessPolicy access;
    private final DocumentStore store;

    public DocumentAccess(AccessPolicy access, DocumentStore store) {
        this.access = access;
        this.store = store;
    }

    public static Permission readPermission(OwnerKind owner) {
        return switch (owner) {
            case PLAN -> Permission.PLAN_READ;
            case ANALYSIS -> Permission.ANALYSIS_READ;
            case ASSESSMENT -> Permission.ASSESSMENT_READ;
            case REGISTER -> Permission.REGISTER_READ;
        };
    }

    /** The document, when it exists and the caller may read it; empty when unknown; AccessDenied when refused. */
    public Optional<StoredDocument> readable(UUID id, String operation) {
        Optional<StoredDocument> document = store.document(id);
        document.ifPresent(d -> access.requireOrgUnit(readPermission(d.ownerKind()), operation, d.orgUnitId()));
        return document;
    }

    /**
     * An owner's documents, newest first. The owner's org unit decides (as far as the store knows it: a plan
     * from its draft on, an analysis from its first finalisation); an owner the store has not heard of has no
     * documents, and is answered with an empty list to whoever holds the permission somewhere.
     */
    public List<StoredDocument> documentsOf(OwnerKind owner, UUID ownerId, String operation) {
        Permission permission = readPermission(owner);
        Optional<UUID> orgUnit = store.ownerOrgUnit(owner, ownerId);
        if (orgUnit.isEmpty()) {
            access.require(permission, operation);
            return List.of();
        }
        access.trail().touched(ownerId);
        access.requireOrgUnit(permission, operation, orgUnit.get());
        return store.documentsOf(owner, ownerId);
    }
}
