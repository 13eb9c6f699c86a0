package ro.marc.query.document;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterRisk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Anexa 10 PDF of one saved register edition ("Registrul riscurilor de corupție", §2.3, P01), landscape A4:
 * <ul>
 *   <li>the header: the registration number and the approver's name (P01, entered when saving), the structure,
 *   county, plan, edition, date and who saved it, the measures stage;</li>
 *   <li>one block of rows per risk (A402: its assessments merged — every member and work unit that assessed it with
 *   that assessment's exposure, the risk's P, impact, exposure, priority and class being those of the highest
 *   exposure, as the command side chose them), then its measures side by side, each with its kind, responsible,
 *   deadline, periodicity and indicators;</li>
 *   <li>the work units with no finalised assessment, with the member responsible;</li>
 *   <li>at the end the names of the working group's active members (P01).</li>
 * </ul>
 * The tables break across pages with their header row repeated; a risk's cells span its measures' rows. Rendered
 * from the event alone: nothing is recomputed here.
 */
public final class RiskRegisterPdf {

    public static final String TITLE = "Registrul riscurilor de corupție";

    /** Columns of the risks table: the risk's eight, then the measure's six. */
    private static final int RISK_COLUMNS = 8;
    private static final int COLUMNS = 14;

    private RiskRegisterPdf() {
    }

    public static byte[] render(RegisterEdition edition, Instant savedAt) {
        PdfSheet s = new PdfSheet();
        return PdfSheet.render(PageSize.A4.rotate(), "Anexa 10 — " + edition.orgUnitName() + " — ediția " + edition.edition()
                        + " — nr. " + edition.registrationNumber(), edition.savedByName(), savedAt,
                document -> body(document, s, edition), s);
    }

    public static String fileName(RegisterEdition edition) {
        return "Anexa10-" + FileNames.safe(edition.orgUnitName()) + "-editia-" + edition.edition() + ".pdf";
    }

    public static String title(RegisterEdition edition) {
        return "Anexa 10 — Registrul riscurilor de corupție, " + edition.orgUnitName() + " (ediția " + edition.edition()
                + ", nr. " + edition.registrationNumber() + ")";
    }

    /** The Romanian name of a periodicity, as §2.3 lists them. */
    static String periodicity(MeasurePeriodicity periodicity) {
        if (periodicity == null) {
            return "O singură dată";
        }
        return switch (periodicity) {
            case ONCE -> "O singură dată";
            case DAILY -> "Zilnic";
            case WEEKLY -> "Săptămânal";
            case MONTHLY -> "Lunar";
            case QUARTERLY -> "Trimestrial";
            case HALF_YEARLY -> "Semestrial";
            case YEARLY -> "Anual";
        };
    }

    private static void body(Document d, PdfSheet s, RegisterEdition e) {
        // P01: the registration number top left, the approver top right, as Romanian official forms carry them
        PdfPTable top = new PdfPTable(new float[]{1, 1});
        top.setWidthPercentage(100);
        top.addCell(plain(s, e.orgUnitName() + "\nNr. " + e.registrationNumber() + " din " + PdfSheet.date(e.savedOn()),
                Element.ALIGN_LEFT, s.bold));
        top.addCell(plain(s, "ANEXA nr. 10\n\nAPROB\n" + e.approverName(), Element.ALIGN_RIGHT, s.bold));
        d.add(top);
        d.add(s.spacer(6));
        d.add(s.centred(TITLE.toUpperCase(Locale.forLanguageTag("ro")), s.title));
        d.add(s.centred("Ediția " + e.edition() + " din " + PdfSheet.date(e.savedOn()), s.small));
        d.add(s.spacer(6));

        // two label / value pairs a line: the risks table starts on the first page
        PdfPTable header = s.table(2.2f, 4.5f, 2.2f, 4.5f);
        s.row(header, "Structura", e.orgUnitName());
        s.row(header, "Județul", e.county() == null ? "—" : e.county().displayName());
        s.row(header, "Număr de înregistrare", e.registrationNumber());
        s.row(header, "Aprobat de", e.approverName());
        s.row(header, "Anexa 1 (scopul)", e.planPurpose());
        s.row(header, "Etapa măsurilor", PdfSheet.date(e.measuresStageStart()) + " – "
                + PdfSheet.date(e.planLastDay()));
        s.row(header, "Ediția / data", e.edition() + " / " + PdfSheet.date(e.savedOn()));
        s.row(header, "Întocmit de", e.savedByName());
        d.add(header);

        risks(d, s, e);
        missing(d, s, e);
        members(d, s, e);
    }

    private static void risks(Document d, PdfSheet s, RegisterEdition e) {
        d.add(s.heading("1. Riscurile de corupție și măsurile de prevenire și control"));
        // widths in points of the landscape page's 770: words of the narrow columns ("Suplimentară", "30.09.2027",
        // "Trimestrial") fit whole on a line in the 7.5 pt face
        PdfPTable table = s.table(24, 80, 80, 16, 38, 50, 36, 40, 94, 60, 62, 50, 64, 88);
        for (String h : List.of("Nr. crt.", "Riscul de corupție (domeniul; activitatea)",
                "Evaluat de (membrul, unitatea de muncă: expunerea)", "P", "Impact", "Expunere", "Prio-ritate", "Clasa",
                "Măsura de prevenire și control", "Tipul", "Responsabil", "Termen", "Periodicitate", "Indicatori de evaluare")) {
            table.addCell(narrow(s.header(h)));
        }
        table.setHeaderRows(1);
        // the default split-late: a row that does not fit moves whole to the next page (under the repeated header);
        // only a row taller than a page is cut

        Map<MeasureKey, MeasureSchedule> schedules = e.schedules().stream()
                .collect(Collectors.toMap(MeasureSchedule::key, Function.identity(), (a, b) -> b));
        int n = 0;
        for (RegisterRisk risk : e.risks()) {
            List<Row> rows = new ArrayList<>();
            boolean merged = risk.assessments().size() > 1;
            for (int i = 0; i < risk.assessments().size(); i++) {
                AssessmentEdition a = risk.assessments().get(i);
                for (Measure m : a.measures()) {
                    rows.add(new Row(a, m, schedules.get(new MeasureKey(risk.assessmentIds().get(i), m.measureId()))));
                }
            }
            int span = Math.max(1, rows.size());
            RiskEvaluation v = risk.highest();
            table.addCell(spanned(centred(s, String.valueOf(++n)), span));
            table.addCell(spanned(small(s, risk.riskName() + "\n(" + orDash(risk.domainName()) + "; "
                    + orDash(risk.activityName()) + ")"), span));
            table.addCell(spanned(small(s, risk.assessments().stream().map(a -> "• " + a.memberName() + ", "
                    + a.workUnitName() + ": " + exposure(a.evaluation())).collect(Collectors.joining("\n"))), span));
            table.addCell(spanned(centred(s, v == null ? "—" : String.valueOf(v.probability())), span));
            table.addCell(spanned(centred(s, v == null ? "—" : AssessmentSheetPdf.number(v.globalImpact())), span));
            table.addCell(spanned(centred(s, v == null ? "—" : AssessmentSheetPdf.number(v.exposure())), span));
            table.addCell(spanned(centred(s, v == null ? "—" : String.valueOf(v.priority())), span));
            table.addCell(spanned(centred(s, v == null ? "—" : AssessmentSheetPdf.riskClass(v.riskClass())), span));
            if (rows.isEmpty()) {
                table.addCell(s.span("Nu au fost stabilite măsuri.", s.text, COLUMNS - RISK_COLUMNS, null));
            }
            for (Row row : rows) {
                Measure m = row.measure();
                table.addCell(small(s, m.description() + (merged ? "\n(" + row.assessment().memberName() + ", "
                        + row.assessment().workUnitName() + ")" : "")));
                table.addCell(centred(s, m.kind() == MeasureKind.EXISTING ? "Existentă" : "Suplimentară"));
                table.addCell(small(s, m.kind() == MeasureKind.ADDITIONAL ? m.responsible() : null));
                table.addCell(centred(s, row.schedule() == null ? "—" : PdfSheet.date(row.schedule().deadline())));
                table.addCell(centred(s, row.schedule() == null ? "—" : periodicity(row.schedule().periodicity())));
                table.addCell(small(s, m.indicators().stream().map(RiskRegisterPdf::indicator)
                        .collect(Collectors.joining("\n"))));
            }
        }
        if (n == 0) {
            table.addCell(s.span("Nu există evaluări de risc finalizate în cadrul planului.", s.text, COLUMNS, null));
        }
        d.add(table);
    }

    private static void missing(Document d, PdfSheet s, RegisterEdition e) {
        String title = "2. Unități de muncă fără evaluarea riscurilor finalizată";
        if (e.missing().isEmpty()) {
            d.add(s.heading(title));
            d.add(new org.openpdf.text.Paragraph("Toate unitățile de muncă repartizate au evaluarea riscurilor finalizată.", s.text));
            return;
        }
        PdfPTable table = s.table(0.6f, 6, 6);
        headed(table, s, title, List.of("Nr. crt.", "Unitatea de muncă", "Membrul responsabil"));
        int n = 0;
        for (MissingAssessment m : e.missing()) {
            table.addCell(s.centredCell(String.valueOf(++n)));
            table.addCell(s.cell(m.workUnitName()));
            table.addCell(s.cell(m.memberName()));
        }
        d.add(table);
    }

    private static void members(Document d, PdfSheet s, RegisterEdition e) {
        PdfPTable table = s.table(0.6f, 7, 5);
        headed(table, s, "Membrii grupului de lucru", List.of("Nr. crt.", "Numele și prenumele", "Semnătura"));
        table.setKeepTogether(e.members().size() <= 12); // a short list is not split across pages
        int n = 0;
        for (String member : e.members()) {
            table.addCell(s.centredCell(String.valueOf(++n)));
            table.addCell(s.cell(member));
            PdfPCell signature = new PdfPCell();
            signature.setMinimumHeight(20);
            signature.setBorderColor(java.awt.Color.GRAY);
            table.addCell(signature);
        }
        if (n == 0) {
            table.addCell(s.span("—", s.text, 3, null));
        }
        d.add(table);
    }

    /**
     * A section's title and the table's column headers as its header rows: the title never stays alone at the foot of
     * a page while its table starts on the next, and both are repeated when the table breaks across pages.
     */
    private static void headed(PdfPTable table, PdfSheet s, String title, List<String> columns) {
        PdfPCell heading = new PdfPCell(s.heading(title));
        heading.setColspan(columns.size());
        heading.setBorder(Rectangle.NO_BORDER);
        heading.setPaddingLeft(0);
        heading.setPaddingBottom(6);
        table.addCell(heading);
        for (String h : columns) {
            table.addCell(s.header(h));
        }
        table.setHeaderRows(2);
    }

    /** One measure row of a risk: the measure, the assessment it comes from and its schedule. */
    private record Row(AssessmentEdition assessment, Measure measure, MeasureSchedule schedule) {
    }

    /** A cell of the risks table: the small face, narrow padding (fourteen columns on a landscape page). */
    private static PdfPCell small(PdfSheet s, String text) {
        return narrow(s.cell(text, s.small));
    }

    private static PdfPCell centred(PdfSheet s, String text) {
        PdfPCell cell = small(s, text);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static PdfPCell narrow(PdfPCell cell) {
        cell.setPaddingLeft(2.5f);
        cell.setPaddingRight(2.5f);
        return cell;
    }

    private static PdfPCell spanned(PdfPCell cell, int rows) {
        cell.setRowspan(rows);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    private static PdfPCell plain(PdfSheet s, String text, int alignment, org.openpdf.text.Font font) {
        PdfPCell cell = s.cell(text, font);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private static String exposure(RiskEvaluation v) {
        return v == null ? "neevaluat" : "expunere " + AssessmentSheetPdf.number(v.exposure()) + " (P " + v.probability()
                + ", impact " + AssessmentSheetPdf.number(v.globalImpact()) + ")";
    }

    private static String indicator(Indicator indicator) {
        String kind = switch (indicator.kind()) {
            case NUMERIC -> "numeric";
            case DONE_NOT_DONE -> "1 / 0";
            case QUALITATIVE -> String.join(" / ", indicator.allowedValues());
        };
        return "• " + indicator.name() + " (" + kind + ")";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
