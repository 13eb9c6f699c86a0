package ro.marc.query.document;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanDrafted;
import ro.marc.events.plan.event.PlanRevised;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The campaign's generated documents: the Anexa 1 PDF of every plan edition (activation: edition 1; every
 * change after it: the next edition, so the plan's list, newest first, keeps every previous edition's PDF),
 * the Anexa 3 PDF of every finalised activity analysis and the Anexa 4 PDF of every finalised edition of a risk
 * assessment (UCA 62: the previous editions' PDFs are kept), and the Anexa 10 PDF of every saved edition of a risk
 * register (P01; regenerating and saving again adds the next edition, the previous stay). Each is rendered from the event alone (the
 * edition carries every name, resolved when it was published) and stored in the {@link DocumentStore}
 * with the event's org unit, its publisher (the plan's head or counsellor, the analysing member) and the
 * event's time.
 * <p>
 * Idempotent: one document per (owner, kind, edition), with an id derived from them; a redelivered event
 * finds its edition stored and renders nothing. The group has no reset handler and is not cleared on a
 * rebuild: the store also holds uploads (issue 12), which no event can rebuild; a replay stores only the
 * editions that are missing.
 * <p>
 * A plan's draft records the plan's org unit ({@code document_owner}), so its (empty) document list is
 * authorised by its structure before the first edition exists; so does a register's first generated draft.
 */
@Component
@ProcessingGroup(CampaignDocumentsProjection.PROCESSING_GROUP)
public class CampaignDocumentsProjection {

    public static final String PROCESSING_GROUP = "campaign-documents";

    private static final Logger log = LoggerFactory.getLogger(CampaignDocumentsProjection.class);

    private final DocumentStore store;

    public CampaignDocumentsProjection(DocumentStore store) {
        this.store = store;
    }

    @EventHandler
    void on(PlanDrafted event) {
        store.recordOwner(OwnerKind.PLAN, event.planId(), event.orgUnitId());
    }

    @EventHandler
    void on(PlanActivated event, @Timestamp Instant at) {
        planSheet(event.planId(), event.orgUnitId(), event.edition(), at);
    }

    @EventHandler
    void on(PlanRevised event, @Timestamp Instant at) {
        planSheet(event.planId(), event.orgUnitId(), event.edition(), at);
    }

    @EventHandler
    void on(ActivityAnalysisFinalised event, @Timestamp Instant at) {
        AnalysisEdition edition = event.edition();
        memberSheet(new Sheet(OwnerKind.ANALYSIS, event.analysisId(), DocumentKinds.ANEXA_3, edition.edition(),
                edition.orgUnitId(), edition.memberUserId(), edition.memberName(), AnalysisSheetPdf.title(edition),
                AnalysisSheetPdf.fileName(edition)), () -> AnalysisSheetPdf.render(edition, at), at);
    }

    @EventHandler
    void on(RiskAssessmentFinalised event, @Timestamp Instant at) {
        AssessmentEdition edition = event.edition();
        memberSheet(new Sheet(OwnerKind.ASSESSMENT, event.assessmentId(), DocumentKinds.ANEXA_4, edition.edition(),
                edition.orgUnitId(), edition.memberUserId(), edition.memberName(), AssessmentSheetPdf.title(edition),
                AssessmentSheetPdf.fileName(edition)), () -> AssessmentSheetPdf.render(edition, at), at);
    }

    @EventHandler
    void on(RiskRegisterGenerated event) {
        store.recordOwner(OwnerKind.REGISTER, event.registerId(), event.orgUnitId());
    }

    /** P01: the saved edition's PDF, published by whoever saved it. */
    @EventHandler
    void on(RiskRegisterSaved event, @Timestamp Instant at) {
        RegisterEdition edition = event.edition();
        memberSheet(new Sheet(OwnerKind.REGISTER, event.registerId(), DocumentKinds.ANEXA_10, edition.edition(),
                edition.orgUnitId(), edition.savedBy(), edition.savedByName(), RiskRegisterPdf.title(edition),
                RiskRegisterPdf.fileName(edition)), () -> RiskRegisterPdf.render(edition, at), at);
    }

    /** A finalised edition of a member's form (Anexa 3, Anexa 4), published by the member; a saved register (Anexa 10). */
    private record Sheet(OwnerKind owner, UUID ownerId, String kind, int edition, UUID orgUnitId, UUID memberUserId,
                         String memberName, String title, String fileName) {
    }

    /** Renders and stores the sheet unless its edition is stored already. */
    private void memberSheet(Sheet sheet, Supplier<byte[]> render, Instant at) {
        if (store.hasEdition(sheet.owner(), sheet.ownerId(), sheet.kind(), sheet.edition())) {
            return;
        }
        StoredDocument stored = store.store(render.get(), new NewDocument(
                NewDocument.generatedId(sheet.owner(), sheet.ownerId(), sheet.kind(), sheet.edition()),
                sheet.owner(), sheet.ownerId(), sheet.orgUnitId(), sheet.kind(), sheet.edition(), sheet.title(),
                sheet.fileName(), DocumentKinds.PDF, sheet.memberUserId(), sheet.memberName(), at));
        log.debug("{} of {} {} edition {} stored as {}", sheet.kind(), sheet.owner(), sheet.ownerId(), sheet.edition(),
                stored.id());
    }

    private void planSheet(UUID planId, UUID orgUnitId, PlanEdition edition, Instant at) {
        store.recordOwner(OwnerKind.PLAN, planId, orgUnitId);
        if (edition == null || store.hasEdition(OwnerKind.PLAN, planId, DocumentKinds.ANEXA_1, edition.edition())) {
            return;
        }
        byte[] pdf = PlanSheetPdf.render(edition, at);
        StoredDocument stored = store.store(pdf, new NewDocument(
                NewDocument.generatedId(OwnerKind.PLAN, planId, DocumentKinds.ANEXA_1, edition.edition()),
                OwnerKind.PLAN, planId, orgUnitId, DocumentKinds.ANEXA_1, edition.edition(), PlanSheetPdf.title(edition),
                PlanSheetPdf.fileName(edition), DocumentKinds.PDF, edition.publishedBy(), edition.publishedByName(), at));
        log.debug("Anexa 1 of plan {} edition {} stored as {}", planId, edition.edition(), stored.id());
    }
}
