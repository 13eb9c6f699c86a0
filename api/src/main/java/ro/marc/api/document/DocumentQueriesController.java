package ro.marc.api.document;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.common.Inputs;
import ro.marc.query.document.OwnerKind;
import ro.marc.query.document.StoredDocument;

import java.util.List;
import java.util.UUID;

/** The documents of a plan (Anexa 1, one per edition) and of an activity analysis (Anexa 3), newest first. */
@Controller
@PreAuthorize("isAuthenticated()")
public class DocumentQueriesController {

    public record DocumentCreatorView(String userId, String name) {
    }

    public record StoredDocumentView(String id, String title, String kind, Integer edition, String fileName,
                                     String mediaType, long size, String sha256, DocumentCreatorView createdBy,
                                     String createdAt, String downloadUrl) {

        public static StoredDocumentView of(StoredDocument d) {
            return new StoredDocumentView(d.id().toString(), d.title(), d.kind(), d.edition(), d.fileName(), d.mediaType(),
                    d.size(), d.sha256(), new DocumentCreatorView(d.createdById() == null ? null : d.createdById().toString(),
                    d.createdByName()), d.createdAt().toString(), DocumentDownloadController.downloadUrl(d.id()));
        }
    }

    private final DocumentAccess access;

    public DocumentQueriesController(DocumentAccess access) {
        this.access = access;
    }

    @QueryMapping
    public List<StoredDocumentView> planDocuments(@Argument String planId) {
        return list(OwnerKind.PLAN, Inputs.id("planId", planId), "planDocuments");
    }

    @QueryMapping
    public List<StoredDocumentView> analysisDocuments(@Argument String analysisId) {
        return list(OwnerKind.ANALYSIS, Inputs.id("analysisId", analysisId), "analysisDocuments");
    }

    /** A plan's documents where the plan is read (myTasks, plan, activePlan): the reader may read the plan's structure. */
    @SchemaMapping(typeName = "Plan", field = "documents")
    public List<StoredDocumentView> documents(ro.marc.query.plan.PlanView plan) {
        return list(OwnerKind.PLAN, plan.id(), "planDocuments");
    }

    private List<StoredDocumentView> list(OwnerKind owner, UUID ownerId, String operation) {
        return access.documentsOf(owner, ownerId, operation).stream().map(StoredDocumentView::of).toList();
    }
}
