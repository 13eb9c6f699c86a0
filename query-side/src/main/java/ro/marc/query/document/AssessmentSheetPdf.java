package ro.marc.query.document;

import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfPTable;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Anexa 4 PDF of one finalised edition of a risk assessment ("Formularul de identificare și evaluare a
 * riscurilor de corupție"): the identification (structure, county, work unit, domain, vulnerable activity, risk,
 * member, plan, finalised on, edition), the four description lists, the effects and the regulatory causes, the
 * evaluation (each impact dimension with its importance and score, P, the global impact, the exposure, the
 * priority, the class, the intervention term and the methodology version, exactly as the command side computed
 * them), then the measures: existing ones with their four Anexa 8 answers and effectiveness, additional ones
 * with their responsible, each with its indicators. Rendered from the event alone.
 */
public final class AssessmentSheetPdf {

    public static final String TITLE = "Formularul de identificare și evaluare a riscurilor de corupție";

    private AssessmentSheetPdf() {
    }

    public static byte[] render(AssessmentEdition edition, Instant finalisedAt) {
        PdfSheet s = new PdfSheet();
        return PdfSheet.render(PageSize.A4.rotate(), "Anexa 4 — " + edition.riskName() + " — " + edition.memberName()
                        + " — ediția " + edition.edition(), edition.memberName(), finalisedAt,
                document -> body(document, s, edition), s);
    }

    public static String fileName(AssessmentEdition edition) {
        return "Anexa4-" + FileNames.safe(edition.riskName()) + "-" + FileNames.safe(edition.memberName())
                + "-editia-" + edition.edition() + ".pdf";
    }

    public static String title(AssessmentEdition edition) {
        return "Anexa 4 — " + edition.riskName() + ", " + edition.memberName() + " (ediția " + edition.edition() + ")";
    }

    private static void body(Document d, PdfSheet s, AssessmentEdition e) {
        d.add(s.right("ANEXA nr. 4", s.bold));
        d.add(s.right("Ediția " + e.edition() + " din " + PdfSheet.date(e.finalisedOn()), s.small));
        d.add(s.spacer(6));
        d.add(s.centred(TITLE.toUpperCase(Locale.forLanguageTag("ro")), s.title));
        d.add(s.spacer(6));

        PdfPTable header = s.table(2, 7);
        s.row(header, "Structura", e.orgUnitName());
        s.row(header, "Județul", e.county() == null ? "—" : e.county().displayName());
        s.row(header, "Unitatea de muncă", e.workUnitName());
        s.row(header, "Domeniul", e.domainName());
        s.row(header, "Activitatea vulnerabilă", e.activityName());
        s.row(header, "Riscul de corupție", e.riskName());
        s.row(header, "Membrul grupului de lucru", e.memberName());
        s.row(header, "Anexa 1 (scopul)", e.planPurpose());
        s.row(header, "Finalizată la", PdfSheet.date(e.finalisedOn())
                + (e.late() ? " (după termenul etapei de stabilire a măsurilor, " + PdfSheet.date(e.stageDeadline()) + ")"
                : e.stageDeadline() == null ? "" : " (termenul etapei de stabilire a măsurilor: " + PdfSheet.date(e.stageDeadline()) + ")"));
        s.row(header, "Ediția", String.valueOf(e.edition()));
        d.add(header);

        description(d, s, e);
        evaluation(d, s, e);
        measures(d, s, e);

        d.add(s.spacer(12));
        PdfPTable signature = s.table(1, 1);
        signature.addCell(s.cell("Întocmit de: " + e.memberName() + "\nData: " + PdfSheet.date(e.finalisedOn())
                + "\nSemnătura: ____________________"));
        signature.addCell(s.cell("Măsuri: " + e.measures().size() + "; indicatori: "
                + e.measures().stream().mapToInt(m -> m.indicators().size()).sum()));
        d.add(signature);
    }

    private static void description(Document d, PdfSheet s, AssessmentEdition e) {
        RiskDescription r = e.description();
        d.add(s.heading("1. Descrierea riscului"));
        PdfPTable table = s.table(3, 6);
        s.row(table, "Categorii de personal expuse", bullets(r.exposedPersonnel()));
        s.row(table, "Vulnerabilități ale măsurilor de prevenire și control", bullets(r.controlWeaknesses()));
        s.row(table, "Surse de amenințare", bullets(r.threatSources()));
        s.row(table, "Particularități ale culturii organizaționale și ale resurselor umane", bullets(r.cultureParticularities()));
        s.row(table, "Efecte / consecințe", bullets(names(r.effectIds(), e)));
        s.row(table, "Cauze de natură normativă (Anexa 5)", r.regulatoryCauseIds().isEmpty()
                ? "Nu au fost identificate." : bullets(names(r.regulatoryCauseIds(), e)));
        d.add(table);
    }

    private static void evaluation(Document d, PdfSheet s, AssessmentEdition e) {
        d.add(s.heading("2. Evaluarea riscului"));
        RiskEvaluation v = e.evaluation();
        if (v == null) {
            d.add(s.centred("Riscul nu a fost evaluat.", s.text));
            return;
        }
        PdfPTable impacts = s.table(6, 2, 2, 2.5f);
        for (String h : List.of("Dimensiunea impactului", "Importanța relativă (%)", "Scorul (1–5)", "Contribuția (importanța % × scorul)")) {
            impacts.addCell(s.header(h));
        }
        impacts.setHeaderRows(1);
        for (ImpactScore impact : v.impacts()) {
            impacts.addCell(s.cell(e.names().getOrDefault(impact.dimensionId(), impact.dimensionId().toString())));
            impacts.addCell(s.centredCell(String.valueOf(impact.importance())));
            impacts.addCell(s.centredCell(String.valueOf(impact.score())));
            impacts.addCell(s.centredCell(number(java.math.BigDecimal.valueOf((long) impact.importance() * impact.score(), 2))));
        }
        d.add(impacts);

        PdfPTable result = s.table(3, 6);
        s.row(result, "Probabilitatea (P)", String.valueOf(v.probability()));
        s.row(result, "Impactul global (Σ importanță × scor)", number(v.globalImpact()));
        s.row(result, "Expunerea la risc (P × impact)", number(v.exposure()));
        s.row(result, "Prioritatea de intervenție", String.valueOf(v.priority()));
        s.row(result, "Clasa riscului", riskClass(v.riskClass()));
        s.row(result, "Termenul de intervenție", v.interventionTerm());
        s.row(result, "Versiunea metodologiei", String.valueOf(v.methodologyVersion()));
        d.add(result);
    }

    private static void measures(Document d, PdfSheet s, AssessmentEdition e) {
        d.add(s.heading("3. Măsuri de prevenire și control"));
        PdfPTable table = s.table(0.7f, 5, 1.6f, 4.2f, 5.5f);
        for (String h : List.of("Nr. crt.", "Măsura", "Tipul", "Eficacitatea / responsabilul", "Indicatori de evaluare")) {
            table.addCell(s.header(h));
        }
        table.setHeaderRows(1);
        int n = 0;
        for (Measure m : e.measures()) {
            table.addCell(s.centredCell(String.valueOf(++n)));
            table.addCell(s.cell(m.description()));
            table.addCell(s.centredCell(m.kind() == MeasureKind.EXISTING ? "Existentă" : "Suplimentară"));
            table.addCell(s.cell(m.kind() == MeasureKind.EXISTING
                    ? effectiveness(m.criteria(), e.effectiveness().get(m.measureId()))
                    : "Responsabil: " + (m.responsible() == null ? "—" : m.responsible())));
            table.addCell(s.cell(m.indicators().stream().map(AssessmentSheetPdf::indicator)
                    .collect(Collectors.joining("\n"))));
        }
        if (n == 0) {
            table.addCell(s.span("Nu au fost stabilite măsuri.", s.text, 5, null));
        }
        d.add(table);
    }

    private static String effectiveness(EffectivenessCriteria c, MeasureEffectiveness effectiveness) {
        StringBuilder text = new StringBuilder();
        if (c != null) {
            text.append("Se adresează riscului: ").append(yesNo(c.addressesRisk()))
                    .append("\nDocumentată: ").append(yesNo(c.documented()))
                    .append("\nComunicată: ").append(yesNo(c.communicated()))
                    .append("\nAplicată consecvent: ").append(yesNo(c.appliedConsistently()));
        }
        if (effectiveness != null) {
            text.append(text.isEmpty() ? "" : "\n").append("Eficacitate: ").append(effectiveness.label())
                    .append(" (").append(effectiveness.criteriaMet()).append(" din 4 criterii, metodologia v")
                    .append(effectiveness.methodologyVersion()).append(')');
        }
        return text.toString();
    }

    private static String indicator(Indicator indicator) {
        String kind = switch (indicator.kind()) {
            case NUMERIC -> "numeric";
            case DONE_NOT_DONE -> "realizat / nerealizat (1 / 0)";
            case QUALITATIVE -> "calitativ: " + String.join(", ", indicator.allowedValues());
        };
        return "• " + indicator.name() + " (" + kind + ")";
    }

    private static List<String> names(List<UUID> ids, AssessmentEdition e) {
        return ids.stream().map(id -> e.names().getOrDefault(id, id.toString())).toList();
    }

    private static String bullets(List<String> entries) {
        return entries.isEmpty() ? "—" : entries.stream().map(x -> "• " + x).collect(Collectors.joining("\n"));
    }

    private static String yesNo(Boolean answer) {
        return answer == null ? "—" : answer ? "Da" : "Nu";
    }

    /** 13.98 → "13,98", as Romanian forms write decimals. */
    static String number(java.math.BigDecimal value) {
        return value == null ? "—" : value.toPlainString().replace('.', ',');
    }

    /** The class as the Anexa 9 bands name it. */
    static String riskClass(RiskClass riskClass) {
        return switch (riskClass) {
            case HIGH -> "Risc înalt";
            case MODERATE -> "Risc moderat";
            case MINOR -> "Risc minor";
        };
    }
}
