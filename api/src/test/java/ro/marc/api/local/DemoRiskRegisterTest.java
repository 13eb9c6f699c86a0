package ro.marc.api.local;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.query.document.DocumentKinds;
import ro.marc.query.document.DocumentStore;
import ro.marc.query.document.OwnerKind;
import ro.marc.query.document.StoredDocument;
import ro.marc.query.register.RegisterContent;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.EvaluationEntry;
import ro.marc.query.register.RegisterViews.IndicatorView;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPJ Cluj's demo register (Anexa 10) as the start-up sequence seeded it in the local profile, read back from the
 * register read model and the document store: saved with the registration number and the approver, a deadline for
 * every measure, the risk assessed by two members merged (A402), measures done, the workbook's evaluations merged
 * per measure and indicator (Ionuț Popescu, Vasile Alexandru) and the risk owner's, the overdue measure by the
 * earliest deadline the plan allows, the PDF stored; a second seeding sends nothing.
 */
class DemoRiskRegisterTest extends ApiTestSupport {

    @Autowired
    private RegisterQueries queries;

    @Autowired
    private DocumentStore documents;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private DemoRiskRegister demo;

    /** The register once the read model shows it saved, with the workbook's evaluations and the measures done. */
    private RegisterView settled() {
        RegisterView view = awaitValue(() -> queries.register(DemoRiskRegister.PLAN).orElse(null), DemoRiskRegisterTest::seeded);
        assertThat(view).as("the demo register in the read model").isNotNull();
        assertThat(seeded(view)).as("the demo register saved, monitored and evaluated: %s", view).isTrue();
        return view;
    }

    @Test
    void the_register_is_saved_with_its_registration_number_approver_and_a_deadline_for_every_measure() {
        RegisterView register = settled();
        assertThat(register.registerId()).isEqualTo(DemoRiskRegister.REGISTER);
        assertThat(register.savedEdition()).isEqualTo(1);
        assertThat(register.registrationNumber()).isEqualTo(DemoRiskRegister.REGISTRATION_NUMBER);
        assertThat(register.approverName()).isEqualTo(DemoRiskRegister.APPROVER);
        assertThat(register.orgUnitName()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
        assertThat(register.members()).isNotEmpty();
        List<MeasureView> measures = measures(register);
        assertThat(measures).hasSize(register.measureCount()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(measures).allSatisfy(m -> {
            assertThat(m.deadline()).isNotNull().isBetween(register.measuresStageStart(), register.planLastDay());
            assertThat(m.periodicity()).isNotNull();
            if (m.oneOff()) {
                assertThat(m.periodicity()).isEqualTo(MeasurePeriodicity.ONCE);
            }
        });
        assertThat(measures).extracting(MeasureView::periodicity)
                .contains(MeasurePeriodicity.ONCE, MeasurePeriodicity.MONTHLY, MeasurePeriodicity.QUARTERLY);
    }

    @Test
    void the_risk_assessed_by_two_members_is_one_risk_of_the_register() {
        RegisterView register = settled();
        RiskView merged = register.risks().stream()
                .filter(r -> r.riskId().equals(DemoNomenclature.riskId(DemoIncidents.CONTRAVENTII, DemoIncidents.MITA_CONTRAVENTII)))
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                    assertThat(l).hasSize(1);
                    return l.getFirst();
                }));
        assertThat(merged.assessments()).extracting(a -> a.assessmentId())
                .containsExactlyInAnyOrder(DemoRiskAssessments.HIGH, DemoRiskAssessments.MODERATE);
        assertThat(merged.highestAssessmentId()).isEqualTo(DemoRiskAssessments.HIGH);
        assertThat(merged.highest().exposure()).isEqualByComparingTo("16.00");
        assertThat(register.risks()).hasSize(2);
    }

    @Test
    void measures_are_done_and_the_overdue_one_has_the_earliest_deadline_the_plan_allows() {
        RegisterView register = settled();
        LocalDate today = RomanianCalendar.today();
        MeasureView training = measure(register, DemoRiskRegister.TRAINING);
        assertThat(training.done()).isTrue();
        assertThat(training.doneOn()).isNotNull();
        assertThat(training.doneByName()).startsWith("Radu Ene");
        assertThat(measure(register, DemoRiskRegister.GPS_CHECK).done()).isTrue();

        MeasureView overdue = measure(register, DemoRiskRegister.OVERDUE);
        assertThat(overdue.done()).isFalse();
        assertThat(overdue.deadline()).isEqualTo(register.measuresStageStart());
        // overdue from the day after its deadline: under the demo plan's dates, from 02.04.2027
        assertThat(overdue.overdue()).isEqualTo(overdue.deadline().isBefore(today));
        assertThat(register.overdueMeasures()).isEqualTo(overdue.deadline().isBefore(today) ? 1 : 0);
        if (!today.isBefore(register.measuresStageStart())) {
            // the periods have begun: the members' values were entered too
            assertThat(indicator(measure(register, DemoRiskRegister.BODY_CAM),
                    DemoRiskRegister.indicator(DemoRiskAssessments.HIGH, "body-cam", "numeric")).values()).isNotEmpty();
        }
    }

    @Test
    void the_imported_workbook_and_the_risk_owner_evaluations_are_merged_per_measure_and_indicator() {
        RegisterView register = settled();
        IndicatorView bodyCam = indicator(measure(register, DemoRiskRegister.BODY_CAM),
                DemoRiskRegister.indicator(DemoRiskAssessments.HIGH, "body-cam", "numeric"));
        // the spec's example: 4 Ionuț Popescu, 10 Vasile Alexandru
        assertThat(bodyCam.evaluations()).extracting(EvaluationEntry::value, EvaluationEntry::personName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("4", "Ionuț Popescu"),
                        org.assertj.core.groups.Tuple.tuple("10", "Vasile Alexandru"));
        assertThat(bodyCam.evaluations()).extracting(EvaluationEntry::source).containsOnly(EvaluationSource.WORKBOOK);
        assertThat(allEvaluations(register)).extracting(EvaluationEntry::personName)
                .contains("Ionuț Popescu", "Vasile Alexandru", "Sorin Lazăr (responsabil risc, IPJ Cluj)");
    }

    @Test
    void the_saved_edition_has_its_pdf_with_the_registration_number_and_the_approver() throws IOException {
        settled();
        List<StoredDocument> pdfs = awaitValue(() -> documents.documentsOf(OwnerKind.REGISTER, DemoRiskRegister.REGISTER),
                l -> !l.isEmpty());
        assertThat(pdfs).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKinds.ANEXA_10);
            assertThat(d.edition()).isEqualTo(1);
        });
        byte[] pdf = documents.content(pdfs.getFirst().id()).orElseThrow().bytes();
        java.nio.file.Path samples = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pdf-samples"));
        java.nio.file.Files.write(samples.resolve("demo-anexa-10.pdf"), pdf); // for a person to look at
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(DemoRiskRegister.REGISTRATION_NUMBER, DemoRiskRegister.APPROVER,
                    "REGISTRUL RISCURILOR DE CORUPȚIE", "Membrii grupului de lucru");
        }
    }

    @Test
    void seeding_again_sends_nothing() {
        settled();
        List<UUID> entities = List.of(DemoRiskRegister.REGISTER, MonitoringIds.of(DemoRiskAssessments.HIGH),
                MonitoringIds.of(DemoRiskAssessments.MINOR));
        Map<UUID, Integer> before = entities.stream()
                .collect(Collectors.toMap(id -> id, id -> DemoAccess.history(eventStore, id).size()));
        demo.seed();
        assertThat(entities.stream().collect(Collectors.toMap(id -> id, id -> DemoAccess.history(eventStore, id).size())))
                .isEqualTo(before);
    }

    private static boolean seeded(RegisterView v) {
        try {
            return v != null && v.content() == RegisterContent.SAVED && measure(v, DemoRiskRegister.GPS_CHECK).done()
                    && measure(v, DemoRiskRegister.TRAINING).done()
                    && !indicator(measure(v, DemoRiskRegister.BODY_CAM), DemoRiskRegister.indicator(DemoRiskAssessments.HIGH,
                    "body-cam", "numeric")).evaluations().isEmpty()
                    && allEvaluations(v).stream().anyMatch(e -> e.source() == EvaluationSource.RISK_OWNER);
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static List<MeasureView> measures(RegisterView register) {
        return register.risks().stream().flatMap(r -> r.measures().stream()).toList();
    }

    private static MeasureView measure(RegisterView register, UUID measureId) {
        return measures(register).stream().filter(m -> m.measureId().equals(measureId)).findFirst()
                .orElseThrow(() -> new AssertionError("no measure " + measureId + " in the register"));
    }

    private static IndicatorView indicator(MeasureView measure, UUID indicatorId) {
        return measure.indicators().stream().filter(i -> i.indicatorId().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + indicatorId));
    }

    private static List<EvaluationEntry> allEvaluations(RegisterView register) {
        return measures(register).stream().flatMap(m -> m.indicators().stream())
                .flatMap(i -> i.evaluations().stream()).toList();
    }
}
