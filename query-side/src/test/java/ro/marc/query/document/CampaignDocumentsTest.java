package ro.marc.query.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.AnalysisEdition.DocumentLine;
import ro.marc.events.analysis.AnalysisEdition.RelationLine;
import ro.marc.events.analysis.AnalysisEdition.TaskLine;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanDrafted;
import ro.marc.events.plan.event.PlanRevised;
import ro.marc.query.support.TestServices;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Anexa 1, Anexa 3 and Anexa 4 PDFs rendered from hand-built editions and read back with PDFBox (text, and the
 * first page as a PNG under {@code target/pdf-samples/} for a person to look at), and the
 * {@link DocumentStore} with the {@link CampaignDocumentsProjection} on a real PostgreSQL.
 */
class CampaignDocumentsTest {

    private static final Path SAMPLES = Path.of("target", "pdf-samples");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final DocumentStore store = new DocumentStore(jdbc);
    private final CampaignDocumentsProjection projection = new CampaignDocumentsProjection(store);

    private final UUID planId = UUID.randomUUID();
    private final UUID orgUnit = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID counsellor = UUID.randomUUID();
    private final UUID leaver = UUID.randomUUID();

    // ---------------------------------------------------------------- Anexa 1

    @Test
    void plan_sheet_lists_the_active_members_the_stages_and_their_activities_with_diacritics() throws IOException {
        byte[] pdf = PlanSheetPdf.render(edition(1, "Evaluarea riscurilor de corupție 2026–2027"), Instant.parse("2026-11-02T08:00:00Z"));
        String text = text(pdf);
        String flat = flat(text);

        assertThat(flat).contains("FIȘA PENTRU STABILIREA SARCINILOR", "Inspectoratul de Poliție Județean Cluj", "Cluj",
                "Evaluarea riscurilor de corupție 2026–2027", "02.11.2026", "Ediția 1");
        assertThat(flat).contains("Ștefan Țărănescu", "Ioana Mureșan", "Gheorghița Câmpeanu");
        assertThat(flat).contains("Ordine publică", "Poliție rutieră", "Resurse umane", "Logistică");
        assertThat(flat).contains("Șeful grupului", "Membru al grupului", "Consilier pentru");
        assertThat(flat).contains("Etapa de identificare și descriere", "Ș", "ț", "ă", "â", "î", "Ț");
        // A102: a deactivated member is left out
        assertThat(flat).doesNotContain("Dănuț Plecatu");
        // A101: every standard activity, with its stage's deadline on its row
        List<String> lines = Arrays.stream(text.split("\\R")).map(CampaignDocumentsTest::flat).toList();
        StageDeadlines deadlines = deadlines();
        for (Stage stage : Stage.values()) {
            assertThat(flat).contains(stage.title());
            String deadline = PdfSheet.date(deadlines.of(stage));
            for (String activity : stage.standardActivities()) {
                String start = activity.substring(0, Math.min(30, activity.length()));
                assertThat(lines).as("the row of %s", activity)
                        .anySatisfy(line -> assertThat(line).contains(start).contains(deadline));
                assertThat(flat).contains(activity);
            }
        }
        Path png = page(pdf, "anexa-1.png");
        System.out.println("Anexa 1 sample: " + png.toAbsolutePath() + " (PDF: " + save(pdf, "anexa-1.pdf").toAbsolutePath() + ")");
    }

    // ---------------------------------------------------------------- Anexa 3

    @Test
    void analysis_sheet_holds_the_activity_task_document_tree_and_the_relations() throws IOException {
        byte[] pdf = AnalysisSheetPdf.render(analysis(1), Instant.parse("2027-01-20T10:00:00Z"));
        String flat = flat(text(pdf));

        assertThat(flat).contains("FIȘA DE ANALIZĂ A ACTIVITĂȚILOR VULNERABILE LA CORUPȚIE",
                "Inspectoratul de Poliție Județean Cluj", "Ordine publică", "Ioana Mureșan",
                "Evaluarea riscurilor de corupție 2026–2027", "20.01.2027");
        assertThat(flat).contains("Emiterea autorizațiilor de port-armă", "Verificarea dosarelor solicitanților",
                "Referat de verificare", "Registrul de evidență a cererilor", "Lunar", "Ori de câte ori este cazul",
                "Eliberarea certificatelor de cazier", "Zilnic");
        assertThat(flat).contains("Transmite către", "Primește de la", "Internă", "Externă", "Direcția Generală Anticorupție",
                "Primăria Municipiului Cluj-Napoca", "Legea nr. 295/2004", "Aplicația informatică de evidență");
        assertThat(flat).contains("Ș", "ț", "ă");
        Path png = page(pdf, "anexa-3.png");
        System.out.println("Anexa 3 sample: " + png.toAbsolutePath() + " (PDF: " + save(pdf, "anexa-3.pdf").toAbsolutePath() + ")");
    }

    // ---------------------------------------------------------------- Anexa 4

    @Test
    void assessment_sheet_holds_the_description_the_evaluation_as_computed_and_the_measures_with_indicators() throws IOException {
        byte[] pdf = AssessmentSheetPdf.render(assessment(1), Instant.parse("2027-03-20T10:00:00Z"));
        String flat = flat(text(pdf));

        assertThat(flat).contains("ANEXA nr. 4", "FORMULARUL DE IDENTIFICARE ȘI EVALUARE A RISCURILOR DE CORUPȚIE",
                "Inspectoratul de Poliție Județean Cluj", "Cluj", "Poliție rutieră", "Ordine și siguranță publică",
                "Constatarea contravențiilor rutiere", "Luarea de mită de către agentul constatator", "Ioana Mureșan",
                "Evaluarea riscurilor de corupție 2026–2027", "20.03.2027", "Ediția 1");
        // the four lists, the effects, the causes
        assertThat(flat).contains("Agenți de poliție rutieră", "Control ierarhic rar pe teren",
                "Conducători auto care oferă bani", "Toleranța față de atenții", "Afectarea imaginii instituției",
                "OUG nr. 195/2002, art. 109");
        // the evaluation exactly as the event carries it: 33 % × 5 + 33 % × 5 + 34 % × 4 = 4,66; × 3 = 13,98
        assertThat(flat).contains("Financiar", "Imagine", "Operațional", "33", "34", "1,65", "1,36", "4,66", "13,98",
                "Risc moderat", "Intervenție pe termen mediu", "Versiunea metodologiei");
        // measures: existing with its Anexa 8 answers and effectiveness; additional with its responsible; indicators
        assertThat(flat).contains("Rotația agenților pe sectoare", "Existentă", "Se adresează riscului: Da",
                "Comunicată: Nu", "Parțial eficientă (3 din 4 criterii", "Camere video purtate pe uniformă", "Suplimentară",
                "Responsabil: Șeful Serviciului Rutier", "Număr de rotații pe trimestru (numeric)",
                "Instruirea efectuată (realizat / nerealizat (1 / 0))",
                "Calitatea înregistrărilor (calitativ: Slab, Satisfăcător, Bine, Foarte bine)");
        assertThat(flat).doesNotContain("după termenul etapei");
        Path png = page(pdf, "anexa-4.png");
        System.out.println("Anexa 4 sample: " + png.toAbsolutePath() + " (PDF: " + save(pdf, "anexa-4.pdf").toAbsolutePath() + ")");
    }

    @Test
    void a_finalised_assessment_is_stored_once_per_edition_read_as_an_assessment() {
        UUID assessmentId = UUID.randomUUID();
        Instant at = Instant.parse("2027-03-20T10:00:00Z");
        RiskAssessmentFinalised finalised = new RiskAssessmentFinalised(assessmentId, assessment(1));
        projection.on(finalised, at);
        projection.on(finalised, at);
        assertThat(store.documentsOf(OwnerKind.ASSESSMENT, assessmentId)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKinds.ANEXA_4);
            assertThat(d.orgUnitId()).isEqualTo(orgUnit);
            assertThat(d.createdById()).isEqualTo(member);
            assertThat(d.title()).isEqualTo("Anexa 4 — Luarea de mită de către agentul constatator, Ioana Mureșan (ediția 1)");
            assertThat(d.fileName()).isEqualTo("Anexa4-Luarea-de-mita-de-catre-agentul-constatator-Ioana-Muresan-editia-1.pdf");
        });
        // UCA 62: the next edition's PDF is added; the previous one is kept
        projection.on(new RiskAssessmentFinalised(assessmentId, assessment(2)), at.plusSeconds(60));
        assertThat(store.documentsOf(OwnerKind.ASSESSMENT, assessmentId)).extracting(StoredDocument::edition).containsExactly(2, 1);
        assertThat(flat(text(store.content(store.documentsOf(OwnerKind.ASSESSMENT, assessmentId).getLast().id())
                .orElseThrow().bytes()))).contains("Ediția 1");
        assertThat(store.ownerOrgUnit(OwnerKind.ASSESSMENT, assessmentId)).contains(orgUnit);
    }

    // ---------------------------------------------------------------- the store

    @Test
    void content_is_stored_once_per_hash_however_many_documents_share_it() {
        byte[] bytes = ("același conținut " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID owner = UUID.randomUUID();
        StoredDocument first = store.store(bytes, upload(owner, "a.txt"));
        StoredDocument second = store.store(bytes, upload(owner, "b.txt"));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.sha256()).isEqualTo(second.sha256()).isEqualTo(DocumentStore.sha256(bytes)).hasSize(64);
        assertThat(first.size()).isEqualTo(bytes.length);
        assertThat(store.contentCount(first.sha256())).isEqualTo(1);
        assertThat(store.documentsOf(OwnerKind.PLAN, owner)).hasSize(2);
        assertThat(store.content(second.id()).orElseThrow().bytes()).isEqualTo(bytes);
        assertThat(store.content(UUID.randomUUID())).isEmpty();
        // the same document stored again (same id) is the one stored
        assertThat(store.store(bytes, upload(owner, "a.txt").withId(first.id())).fileName()).isEqualTo("a.txt");
        assertThat(store.documentsOf(OwnerKind.PLAN, owner)).hasSize(2);
    }

    // ---------------------------------------------------------------- the projection

    @Test
    void every_plan_edition_is_stored_once_newest_first_and_redelivery_stores_nothing() {
        projection.on(new PlanDrafted(planId, orgUnit, null, "Evaluare", List.of(), null));
        assertThat(store.ownerOrgUnit(OwnerKind.PLAN, planId)).contains(orgUnit);
        assertThat(store.documentsOf(OwnerKind.PLAN, planId)).isEmpty();

        Instant activatedAt = Instant.parse("2026-11-02T08:00:00Z");
        PlanActivated activated = activated(edition(1, "Evaluarea riscurilor de corupție 2026–2027"));
        projection.on(activated, activatedAt);
        projection.on(activated, activatedAt); // redelivered
        assertThat(store.documentsOf(OwnerKind.PLAN, planId)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKinds.ANEXA_1);
            assertThat(d.edition()).isEqualTo(1);
            assertThat(d.orgUnitId()).isEqualTo(orgUnit);
            assertThat(d.createdById()).isEqualTo(head);
            assertThat(d.createdByName()).isEqualTo("Ștefan Țărănescu");
            assertThat(d.createdAt()).isEqualTo(activatedAt);
            assertThat(d.mediaType()).isEqualTo("application/pdf");
            assertThat(d.fileName()).isEqualTo("Anexa1-Evaluarea-riscurilor-de-coruptie-2026-2027-editia-1.pdf");
            assertThat(d.id()).isEqualTo(NewDocument.generatedId(OwnerKind.PLAN, planId, DocumentKinds.ANEXA_1, 1));
        });

        PlanEdition second = edition(2, "Evaluarea riscurilor de corupție 2026–2027 (revizuit)");
        PlanRevised revised = new PlanRevised(planId, orgUnit, second.startDate(), second.purpose(), List.of(), deadlines(), second);
        projection.on(revised, activatedAt.plusSeconds(3600));
        projection.on(revised, activatedAt.plusSeconds(3600));
        List<StoredDocument> documents = store.documentsOf(OwnerKind.PLAN, planId);
        assertThat(documents).extracting(StoredDocument::edition).containsExactly(2, 1);
        assertThat(flat(text(store.content(documents.get(1).id()).orElseThrow().bytes())))
                .as("the previous edition's PDF is kept").doesNotContain("(revizuit)");
        assertThat(flat(text(store.content(documents.get(0).id()).orElseThrow().bytes()))).contains("(revizuit)");
    }

    @Test
    void a_finalised_analysis_is_stored_once_per_edition() {
        UUID analysisId = UUID.randomUUID();
        Instant at = Instant.parse("2027-01-20T10:00:00Z");
        ActivityAnalysisFinalised finalised = new ActivityAnalysisFinalised(analysisId, analysis(1));
        projection.on(finalised, at);
        projection.on(finalised, at);
        assertThat(store.documentsOf(OwnerKind.ANALYSIS, analysisId)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKinds.ANEXA_3);
            assertThat(d.orgUnitId()).isEqualTo(orgUnit);
            assertThat(d.createdById()).isEqualTo(member);
            assertThat(d.createdByName()).isEqualTo("Ioana Mureșan");
            assertThat(d.fileName()).isEqualTo("Anexa3-Ordine-publica-Ioana-Muresan-editia-1.pdf");
        });
        projection.on(new ActivityAnalysisFinalised(analysisId, analysis(2)), at.plusSeconds(60));
        assertThat(store.documentsOf(OwnerKind.ANALYSIS, analysisId)).extracting(StoredDocument::edition).containsExactly(2, 1);
        assertThat(store.ownerOrgUnit(OwnerKind.ANALYSIS, analysisId)).contains(orgUnit);
    }

    // ---------------------------------------------------------------- fixtures

    private NewDocument upload(UUID owner, String fileName) {
        return new NewDocument(UUID.randomUUID(), OwnerKind.PLAN, owner, orgUnit, "TEST", null, "Încărcare " + fileName,
                fileName, "text/plain", member, "Ioana Mureșan", Instant.now());
    }

    private StageDeadlines deadlines() {
        return new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
    }

    private PlanEdition edition(int edition, String purpose) {
        StageDeadlines d = deadlines();
        LocalDate start = LocalDate.of(2026, 11, 2);
        List<StageSchedule> stages = List.of(
                new StageSchedule(Stage.IDENTIFICATION, start, d.identification()),
                new StageSchedule(Stage.EVALUATION, d.identification().plusDays(1), d.evaluation()),
                new StageSchedule(Stage.MEASURES, d.evaluation().plusDays(1), d.measures()));
        WorkUnitRef ordine = new WorkUnitRef(UUID.randomUUID(), "Ordine publică");
        WorkUnitRef rutiera = new WorkUnitRef(UUID.randomUUID(), "Poliție rutieră");
        WorkUnitRef hr = new WorkUnitRef(UUID.randomUUID(), "Resurse umane");
        WorkUnitRef logistica = new WorkUnitRef(UUID.randomUUID(), "Logistică");
        List<MemberEdition> members = List.of(
                new MemberEdition(head, "Ștefan Țărănescu", Role.WORKING_GROUP_HEAD, true, List.of(logistica), true, false),
                new MemberEdition(member, "Ioana Mureșan", Role.WORKING_GROUP_MEMBER, true, List.of(ordine, rutiera, hr), true, false),
                new MemberEdition(counsellor, "Gheorghița Câmpeanu", Role.INTEGRITY_COUNSELLOR, true, List.of(), false, true),
                new MemberEdition(leaver, "Dănuț Plecatu", Role.WORKING_GROUP_MEMBER, false, List.of(hr), true, false));
        return new PlanEdition(edition, orgUnit, "Inspectoratul de Poliție Județean Cluj", County.CJ, start, purpose,
                stages, members, head, "Ștefan Țărănescu");
    }

    private PlanActivated activated(PlanEdition edition) {
        return new PlanActivated(planId, orgUnit, edition.startDate(), edition.purpose(),
                List.of(new PlanMember(member, List.of(), true, false)), deadlines(), edition);
    }

    private AnalysisEdition analysis(int edition) {
        List<ActivityLine> activities = List.of(
                new ActivityLine(UUID.randomUUID(), "Emiterea autorizațiilor de port-armă", List.of(
                        new TaskLine(UUID.randomUUID(), "Verificarea dosarelor solicitanților", Periodicity.MONTHLY, List.of(
                                new DocumentLine(UUID.randomUUID(), "Referat de verificare"),
                                new DocumentLine(UUID.randomUUID(), "Registrul de evidență a cererilor"))),
                        new TaskLine(UUID.randomUUID(), "Soluționarea contestațiilor", Periodicity.PER_CASE, List.of(
                                new DocumentLine(UUID.randomUUID(), "Răspuns către petent")))),
                        List.of(new RelationLine(Direction.SENDS_TO, true, "Direcția Generală Anticorupție", "Informare",
                                        "Legea nr. 295/2004 privind regimul armelor și al munițiilor", List.of("Aplicația informatică de evidență", "Poștă electronică")),
                                new RelationLine(Direction.RECEIVES_FROM, false, "Primăria Municipiului Cluj-Napoca",
                                        "Solicitare de informații", "Legea nr. 544/2001", List.of("Corespondență scrisă")))),
                new ActivityLine(UUID.randomUUID(), "Eliberarea certificatelor de cazier", List.of(
                        new TaskLine(UUID.randomUUID(), "Primirea cererilor la ghișeu", Periodicity.DAILY, List.of())), List.of()));
        return new AnalysisEdition(edition, planId, "Evaluarea riscurilor de corupție 2026–2027", orgUnit,
                "Inspectoratul de Poliție Județean Cluj", County.CJ, UUID.randomUUID(), "Ordine publică", member,
                "Ioana Mureșan", LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 29), false, activities);
    }

    private AssessmentEdition assessment(int edition) {
        UUID effect = UUID.randomUUID();
        UUID cause = UUID.randomUUID();
        UUID financial = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        UUID operational = UUID.randomUUID();
        UUID existing = UUID.randomUUID();
        RiskEvaluation evaluation = RiskEvaluation.of(3, List.of(new ImpactScore(financial, 33, 5),
                new ImpactScore(image, 33, 5), new ImpactScore(operational, 34, 4)), MethodologyContent.defaults(), 1);
        List<Measure> measures = List.of(
                new Measure(existing, MeasureKind.EXISTING, "Rotația agenților pe sectoare",
                        new EffectivenessCriteria(true, true, false, true), null, List.of(
                        new Indicator(UUID.randomUUID(), "Număr de rotații pe trimestru", IndicatorKind.NUMERIC, List.of()))),
                new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, "Camere video purtate pe uniformă", null,
                        "Șeful Serviciului Rutier", List.of(
                        new Indicator(UUID.randomUUID(), "Instruirea efectuată", IndicatorKind.DONE_NOT_DONE, List.of()),
                        new Indicator(UUID.randomUUID(), "Calitatea înregistrărilor", IndicatorKind.QUALITATIVE,
                                List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
        return new AssessmentEdition(edition, planId, "Evaluarea riscurilor de corupție 2026–2027", orgUnit,
                "Inspectoratul de Poliție Județean Cluj", County.CJ, UUID.randomUUID(), "Poliție rutieră",
                UUID.randomUUID(), "Ordine și siguranță publică", UUID.randomUUID(), "Constatarea contravențiilor rutiere",
                UUID.randomUUID(), "Luarea de mită de către agentul constatator", member, "Ioana Mureșan",
                LocalDate.of(2027, 3, 20), LocalDate.of(2027, 5, 31), false,
                new RiskDescription(List.of("Agenți de poliție rutieră"), List.of("Control ierarhic rar pe teren"),
                        List.of("Conducători auto care oferă bani"), List.of("Toleranța față de atenții"),
                        List.of(effect), List.of(cause)),
                evaluation, measures,
                Map.of(existing, new MeasureEffectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă", 1)),
                Map.of(effect, "Afectarea imaginii instituției", cause, "OUG nr. 195/2002, art. 109", financial, "Financiar",
                        image, "Imagine", operational, "Operațional"));
    }

    // ---------------------------------------------------------------- PDF reading

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Path page(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve(name);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
            ImageIO.write(image, "png", file.toFile());
        }
        return file;
    }

    private static Path save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SAMPLES);
        return Files.write(SAMPLES.resolve(name), pdf);
    }
}
