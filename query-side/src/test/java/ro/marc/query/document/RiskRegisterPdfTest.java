package ro.marc.query.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;
import ro.marc.query.support.TestServices;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Anexa 10 PDF (P01) rendered from a hand-built saved edition and read back with PDFBox: the registration number
 * and approver in the header, a risk merged from two assessments (A402) under one row, the schedules, the missing
 * work units, the working group's members at the end, the diacritics, landscape pages with the table header
 * repeated on each; page 1 as a PNG ({@code target/pdf-samples/anexa-10.png}, and {@code /work/register-page1.png}
 * when {@code /work} exists) for a person to look at. Then the {@link CampaignDocumentsProjection} storing one
 * document per saved edition on a real PostgreSQL.
 */
class RiskRegisterPdfTest {

    private static final Path SAMPLES = Path.of("target", "pdf-samples");
    private static final Instant SAVED_AT = Instant.parse("2027-06-02T09:00:00Z");

    private final UUID planId = UUID.randomUUID();
    private final UUID registerId = RegisterIds.of(planId);
    private final UUID orgUnit = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();
    private final List<MeasureSchedule> schedules = new ArrayList<>();

    @Test
    void register_pdf_holds_the_registration_number_the_approver_the_merged_risks_and_the_members() throws IOException {
        byte[] pdf = RiskRegisterPdf.render(edition(1, 0), SAVED_AT);
        String flat = flat(text(pdf, 1, Integer.MAX_VALUE));

        // P01 header
        assertThat(flat).contains("ANEXA nr. 10", "REGISTRUL RISCURILOR DE CORUPȚIE", "Nr. 4512/2027 din 02.06.2027",
                "APROB", "Comisar-șef Mihai Lăzărescu", "Număr de înregistrare", "Aprobat de",
                "Inspectoratul de Poliție Județean Cluj", "Cluj", "Evaluarea riscurilor de corupție 2026–2027",
                "Ediția 1 din 02.06.2027", "Ștefan Țărănescu", "01.04.2027 – 01.11.2027");
        // A402: one row for the risk, both assessments' members and work units under it, the highest exposure its own
        assertThat(count(flat, "Luarea de mită de către agentul constatator")).isEqualTo(1);
        assertThat(flat).contains("Ioana Mureșan, Poliție rutieră: expunere 13,98", "Vasile Olteanu, Ordine publică: expunere 9,00",
                "Risc moderat", "13,98", "4,66");
        // the measures of both assessments side by side, with their schedules
        assertThat(flat).contains("Rotația agenților pe sectoare", "Camere video purtate pe uniformă",
                "Patrule mixte în zonele aglomerate", "Existentă", "Suplimentară", "Șeful Serviciului Rutier",
                "30.09.2027", "Trimestrial", "O singură dată", "Lunar", "Instruirea efectuată (1 / 0)",
                "Calitatea înregistrărilor (Slab / Satisfăcător / Bine / Foarte bine)");
        // the risk assessed once, the missing work unit with its member
        assertThat(flat).contains("Falsificarea documentelor de înmatriculare", "Resurse umane", "Dănuț Moldovan");
        // P01: the members at the end, after the tables
        assertThat(flat).contains("Membrii grupului de lucru", "Gheorghița Câmpeanu");
        assertThat(flat.lastIndexOf("Gheorghița Câmpeanu")).isGreaterThan(flat.lastIndexOf("Dănuț Moldovan"));
        assertThat(flat).doesNotContain("Marin Plecatu"); // deactivated: not in the edition's members, not printed
        // Romanian diacritics rendered as text, not dropped
        assertThat(flat).contains("ă", "â", "î", "ș", "ț", "Ș", "Ț", "Î");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // OpenPDF writes A4.rotate() as a portrait media box turned a quarter
            PDRectangle box = document.getPage(0).getMediaBox();
            boolean turned = document.getPage(0).getRotation() % 180 != 0;
            assertThat(turned ? box.getHeight() : box.getWidth()).as("landscape")
                    .isGreaterThan(turned ? box.getWidth() : box.getHeight());
        }
        Path png = page(pdf, "anexa-10.png");
        System.out.println("Anexa 10 sample: " + png.toAbsolutePath() + " (PDF: " + save(pdf, "anexa-10.pdf").toAbsolutePath() + ")");
    }

    @Test
    void a_long_register_breaks_across_landscape_pages_with_the_header_row_repeated() throws IOException {
        byte[] pdf = RiskRegisterPdf.render(edition(1, 14), SAVED_AT);
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (int page = 2; page <= pages; page++) {
            String text = flat(text(pdf, page, page));
            if (text.contains("Riscul nr. ")) { // a page of the risks table repeats its header row
                assertThat(text).as("page %d", page).contains("Măsura de prevenire și control", "Indicatori de evaluare");
            }
            assertThat(text).as("page %d", page).contains("Pagina " + page);
        }
        String all = flat(text(pdf, 1, pages));
        for (int i = 1; i <= 14; i++) {
            assertThat(all).contains("Riscul nr. " + i + " ");
        }
        assertThat(flat(text(pdf, pages, pages))).contains("Membrii grupului de lucru", "Gheorghița Câmpeanu");
        save(pdf, "anexa-10-long.pdf");
    }

    @Test
    void a_saved_register_is_stored_once_per_edition_readable_as_the_register_newest_first() {
        DocumentStore store = new DocumentStore(TestServices.jdbc());
        CampaignDocumentsProjection projection = new CampaignDocumentsProjection(store);

        projection.on(new RiskRegisterGenerated(registerId, planId, orgUnit, 1, LocalDate.of(2027, 6, 1), List.of(),
                List.of(), List.of()));
        assertThat(store.ownerOrgUnit(OwnerKind.REGISTER, registerId)).as("the draft's structure authorises the empty list")
                .contains(orgUnit);
        assertThat(store.documentsOf(OwnerKind.REGISTER, registerId)).isEmpty();

        RiskRegisterSaved saved = new RiskRegisterSaved(registerId, edition(1, 0));
        projection.on(saved, SAVED_AT);
        projection.on(saved, SAVED_AT); // redelivered
        assertThat(store.documentsOf(OwnerKind.REGISTER, registerId)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKinds.ANEXA_10);
            assertThat(d.edition()).isEqualTo(1);
            assertThat(d.orgUnitId()).isEqualTo(orgUnit);
            assertThat(d.createdById()).isEqualTo(head);
            assertThat(d.createdByName()).isEqualTo("Ștefan Țărănescu");
            assertThat(d.createdAt()).isEqualTo(SAVED_AT);
            assertThat(d.mediaType()).isEqualTo(DocumentKinds.PDF);
            assertThat(d.title()).isEqualTo("Anexa 10 — Registrul riscurilor de corupție, Inspectoratul de Poliție Județean Cluj (ediția 1, nr. 4512/2027)");
            assertThat(d.fileName()).isEqualTo("Anexa10-Inspectoratul-de-Politie-Judetean-Cluj-editia-1.pdf");
            assertThat(d.id()).isEqualTo(NewDocument.generatedId(OwnerKind.REGISTER, registerId, DocumentKinds.ANEXA_10, 1));
        });

        // saved again after a regeneration: the next edition is added, the previous kept
        projection.on(new RiskRegisterSaved(registerId, edition(2, 0)), SAVED_AT.plusSeconds(3600));
        List<StoredDocument> documents = store.documentsOf(OwnerKind.REGISTER, registerId);
        assertThat(documents).extracting(StoredDocument::edition).containsExactly(2, 1);
        assertThat(flat(text(store.content(documents.get(1).id()).orElseThrow().bytes(), 1, Integer.MAX_VALUE)))
                .contains("Ediția 1 din").doesNotContain("Ediția 2 din");
    }

    // ---------------------------------------------------------------- fixtures

    /** A saved edition: a risk merged from two assessments, a risk assessed once, {@code extra} more risks. */
    private RegisterEdition edition(int edition, int extra) {
        schedules.clear();
        UUID rutiera = UUID.randomUUID();
        UUID ordine = UUID.randomUUID();
        UUID mitaRisk = UUID.randomUUID();
        UUID mitaAssessment = UUID.randomUUID();
        UUID otherAssessment = UUID.randomUUID();
        UUID falsAssessment = UUID.randomUUID();

        AssessmentEdition ioana = assessment("Poliție rutieră", rutiera, mitaRisk, "Luarea de mită de către agentul constatator",
                "Ioana Mureșan", evaluation(3, 5, 5, 4), mitaAssessment, List.of(
                        existing("Rotația agenților pe sectoare", MeasurePeriodicity.QUARTERLY, LocalDate.of(2027, 9, 30), mitaAssessment,
                                new Indicator(UUID.randomUUID(), "Număr de rotații pe trimestru", IndicatorKind.NUMERIC, List.of())),
                        additional("Camere video purtate pe uniformă", "Șeful Serviciului Rutier", MeasurePeriodicity.ONCE,
                                LocalDate.of(2027, 7, 31), mitaAssessment,
                                new Indicator(UUID.randomUUID(), "Instruirea efectuată", IndicatorKind.DONE_NOT_DONE, List.of()),
                                new Indicator(UUID.randomUUID(), "Calitatea înregistrărilor", IndicatorKind.QUALITATIVE,
                                        List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
        AssessmentEdition vasile = assessment("Ordine publică", ordine, mitaRisk, "Luarea de mită de către agentul constatator",
                "Vasile Olteanu", evaluation(3, 3, 3, 3), otherAssessment, List.of(
                        additional("Patrule mixte în zonele aglomerate", "Șeful Serviciului Ordine Publică",
                                MeasurePeriodicity.MONTHLY, LocalDate.of(2027, 10, 31), otherAssessment,
                                new Indicator(UUID.randomUUID(), "Număr de patrule pe lună", IndicatorKind.NUMERIC, List.of()))));
        AssessmentEdition fals = assessment("Poliție rutieră", rutiera, UUID.randomUUID(), "Falsificarea documentelor de înmatriculare",
                "Ioana Mureșan", evaluation(2, 3, 3, 2), falsAssessment, List.of(
                        existing("Verificarea în două trepte a dosarelor", MeasurePeriodicity.WEEKLY, LocalDate.of(2027, 8, 31),
                                falsAssessment, new Indicator(UUID.randomUUID(), "Dosare reverificate", IndicatorKind.NUMERIC, List.of()))));

        List<RegisterRisk> risks = new ArrayList<>();
        risks.add(risk(mitaAssessment, List.of(mitaAssessment, otherAssessment), ioana, vasile));
        risks.add(risk(falsAssessment, List.of(falsAssessment), fals));
        for (int i = 1; i <= extra; i++) {
            UUID id = UUID.randomUUID();
            List<Measure> measures = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                measures.add(additional("Măsura " + k + " a riscului " + i + ": instruire, control ierarhic și verificări "
                                + "inopinate ale activității desfășurate la ghișeu", "Șeful structurii", MeasurePeriodicity.HALF_YEARLY,
                        LocalDate.of(2027, 10, 15), id,
                        new Indicator(UUID.randomUUID(), "Verificări efectuate", IndicatorKind.NUMERIC, List.of()),
                        new Indicator(UUID.randomUUID(), "Măsura aplicată", IndicatorKind.DONE_NOT_DONE, List.of())));
            }
            risks.add(risk(id, List.of(id), assessment("Logistică", UUID.randomUUID(), UUID.randomUUID(), "Riscul nr. " + i + " al logisticii",
                    "Gheorghița Câmpeanu", evaluation(1, 2, 2, 2), id, measures)));
        }
        return new RegisterEdition(edition, planId, "Evaluarea riscurilor de corupție 2026–2027", orgUnit,
                "Inspectoratul de Poliție Județean Cluj", County.CJ, "4512/2027", "Comisar-șef Mihai Lăzărescu",
                LocalDate.of(2027, 6, 2), head, "Ștefan Țărănescu", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 11, 1),
                risks, List.of(new MissingAssessment(UUID.randomUUID(), "Resurse umane", UUID.randomUUID(), "Dănuț Moldovan")),
                List.copyOf(schedules), List.of("Ștefan Țărănescu", "Ioana Mureșan", "Vasile Olteanu", "Gheorghița Câmpeanu"));
    }

    private RegisterRisk risk(UUID highestAssessmentId, List<UUID> ids, AssessmentEdition... assessments) {
        AssessmentEdition first = assessments[0];
        return new RegisterRisk(first.riskId(), first.riskName(), first.activityId(), first.activityName(), first.domainId(),
                first.domainName(), highestAssessmentId, first.evaluation(), List.of(assessments), ids);
    }

    private Measure existing(String description, MeasurePeriodicity periodicity, LocalDate deadline, UUID assessmentId,
                             Indicator... indicators) {
        Measure m = new Measure(UUID.randomUUID(), MeasureKind.EXISTING, description,
                new EffectivenessCriteria(true, true, true, true), null, List.of(indicators));
        schedules.add(new MeasureSchedule(assessmentId, m.measureId(), deadline, periodicity));
        return m;
    }

    private Measure additional(String description, String responsible, MeasurePeriodicity periodicity, LocalDate deadline,
                               UUID assessmentId, Indicator... indicators) {
        Measure m = new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, description, null, responsible, List.of(indicators));
        schedules.add(new MeasureSchedule(assessmentId, m.measureId(), deadline, periodicity));
        return m;
    }

    private static RiskEvaluation evaluation(int p, int financial, int image, int operational) {
        return RiskEvaluation.of(p, List.of(new ImpactScore(UUID.randomUUID(), 33, financial),
                new ImpactScore(UUID.randomUUID(), 33, image), new ImpactScore(UUID.randomUUID(), 34, operational)),
                MethodologyContent.defaults(), 1);
    }

    private AssessmentEdition assessment(String workUnit, UUID workUnitId, UUID riskId, String riskName, String member,
                                         RiskEvaluation evaluation, UUID assessmentId, List<Measure> measures) {
        return new AssessmentEdition(1, planId, "Evaluarea riscurilor de corupție 2026–2027", orgUnit,
                "Inspectoratul de Poliție Județean Cluj", County.CJ, workUnitId, workUnit, UUID.randomUUID(),
                "Ordine și siguranță publică", UUID.randomUUID(), "Constatarea contravențiilor rutiere", riskId, riskName,
                UUID.randomUUID(), member, LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 31), false,
                new RiskDescription(List.of("Agenți"), List.of("Control rar"), List.of("Cetățeni"), List.of("Toleranță"),
                        List.of(), List.of()), evaluation, measures, Map.of(), Map.of());
    }

    // ---------------------------------------------------------------- PDF reading

    private static String text(byte[] pdf, int from, int to) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // the content's order: each table cell's lines together (sorting by position interleaves the columns)
            stripper.setSortByPosition(false);
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, document.getNumberOfPages()));
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static Path page(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve(name);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", file.toFile());
        }
        Path lead = Path.of("/work");
        if (Files.isDirectory(lead) && Files.isWritable(lead)) {
            Files.copy(file, lead.resolve("register-page1.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static Path save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SAMPLES);
        return Files.write(SAMPLES.resolve(name), pdf);
    }
}
