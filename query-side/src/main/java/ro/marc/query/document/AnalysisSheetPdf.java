package ro.marc.query.document;

import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfPTable;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.AnalysisEdition.RelationLine;
import ro.marc.events.analysis.AnalysisEdition.TaskLine;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.nomenclature.Periodicity;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Anexa 3 PDF of one finalised activity analysis ("Fișa de analiză a activităților vulnerabile la
 * corupție"), per member and work unit: the header (structure, county, work unit, member, the plan's purpose,
 * finalised on, edition), then the activity → task → document tree (each task with its periodicity, in
 * Romanian) and each activity's collaboration relations (direction, internal or external, partner, nature,
 * legal framework, materials and technical means). Landscape, for the relations' six columns.
 */
public final class AnalysisSheetPdf {

    public static final String TITLE = "Fișa de analiză a activităților vulnerabile la corupție";

    private AnalysisSheetPdf() {
    }

    public static byte[] render(AnalysisEdition edition, Instant finalisedAt) {
        PdfSheet s = new PdfSheet();
        return PdfSheet.render(PageSize.A4.rotate(), "Anexa 3 — " + edition.workUnitName() + " — " + edition.memberName()
                        + " — ediția " + edition.edition(), edition.memberName(), finalisedAt,
                document -> body(document, s, edition), s);
    }

    public static String fileName(AnalysisEdition edition) {
        return "Anexa3-" + FileNames.safe(edition.workUnitName()) + "-" + FileNames.safe(edition.memberName())
                + "-editia-" + edition.edition() + ".pdf";
    }

    public static String title(AnalysisEdition edition) {
        return "Anexa 3 — " + edition.workUnitName() + ", " + edition.memberName() + " (ediția " + edition.edition() + ")";
    }

    private static void body(Document d, PdfSheet s, AnalysisEdition e) {
        d.add(s.right("ANEXA nr. 3", s.bold));
        d.add(s.right("Ediția " + e.edition() + " din " + PdfSheet.date(e.finalisedOn()), s.small));
        d.add(s.spacer(6));
        d.add(s.centred(TITLE.toUpperCase(java.util.Locale.forLanguageTag("ro")), s.title));
        d.add(s.spacer(6));

        PdfPTable header = s.table(2, 7);
        s.row(header, "Structura", e.orgUnitName());
        s.row(header, "Județul", e.county() == null ? "—" : e.county().displayName());
        s.row(header, "Unitatea de muncă", e.workUnitName());
        s.row(header, "Membrul grupului de lucru", e.memberName());
        s.row(header, "Anexa 1 (scopul)", e.planPurpose());
        s.row(header, "Finalizată la", PdfSheet.date(e.finalisedOn())
                + (e.late() ? " (după termenul etapei de identificare, " + PdfSheet.date(e.stageDeadline()) + ")"
                : e.stageDeadline() == null ? "" : " (termenul etapei de identificare: " + PdfSheet.date(e.stageDeadline()) + ")"));
        s.row(header, "Ediția", String.valueOf(e.edition()));
        d.add(header);

        if (e.activities().isEmpty()) {
            d.add(s.heading("Nu a fost identificată nicio activitate vulnerabilă la corupție."));
            return;
        }
        int a = 0;
        for (ActivityLine activity : e.activities()) {
            a++;
            d.add(s.heading(a + ". Activitatea vulnerabilă: " + activity.name()));

            PdfPTable tasks = s.table(0.7f, 5.5f, 2.8f, 6.0f);
            for (String h : List.of("Nr. crt.", "Sarcina", "Periodicitatea", "Documente întocmite")) {
                tasks.addCell(s.header(h));
            }
            tasks.setHeaderRows(1);
            int t = 0;
            for (TaskLine task : activity.tasks()) {
                tasks.addCell(s.centredCell(a + "." + ++t));
                tasks.addCell(s.cell(task.name()));
                tasks.addCell(s.centredCell(periodicity(task.periodicity())));
                tasks.addCell(s.cell(task.documents().stream().map(doc -> "• " + doc.name()).collect(Collectors.joining("\n"))));
            }
            if (t == 0) {
                tasks.addCell(s.span("Nicio sarcină declarată.", s.text, 4, null));
            }
            d.add(tasks);

            PdfPTable relations = s.table(1.6f, 1.1f, 3.0f, 2.6f, 3.0f, 3.0f);
            relations.addCell(s.span("Relații de colaborare", s.bold, 6, PdfSheet.STAGE_FILL));
            for (String h : List.of("Sensul", "Tipul", "Structura / partenerul", "Natura relației", "Cadrul legal",
                    "Materiale și mijloace tehnice")) {
                relations.addCell(s.header(h));
            }
            relations.setHeaderRows(2);
            for (RelationLine r : activity.relations()) {
                relations.addCell(s.cell(direction(r.direction())));
                relations.addCell(s.centredCell(r.internal() ? "Internă" : "Externă"));
                relations.addCell(s.cell(r.partner()));
                relations.addCell(s.cell(r.nature()));
                relations.addCell(s.cell(r.legalFramework()));
                relations.addCell(s.cell(String.join("\n", r.materialMeans())));
            }
            if (activity.relations().isEmpty()) {
                relations.addCell(s.span("Nu au fost declarate relații de colaborare.", s.text, 6, null));
            }
            d.add(relations);
        }

        d.add(s.spacer(12));
        PdfPTable signature = s.table(1, 1);
        signature.addCell(s.cell("Întocmit de: " + e.memberName() + "\nData: " + PdfSheet.date(e.finalisedOn())
                + "\nSemnătura: ____________________"));
        signature.addCell(s.cell("Documente: " + e.activities().stream().mapToLong(x -> x.tasks().stream()
                .mapToLong(tl -> tl.documents().size()).sum()).sum() + " în " + e.activities().size() + " activități"));
        d.add(signature);
    }

    static String direction(Direction direction) {
        if (direction == null) {
            return "—";
        }
        return switch (direction) {
            case SENDS_TO -> "Transmite către";
            case RECEIVES_FROM -> "Primește de la";
        };
    }

    /** The periodicity as the methodology's forms write it. */
    public static String periodicity(Periodicity periodicity) {
        if (periodicity == null) {
            return "—";
        }
        return switch (periodicity) {
            case DAILY -> "Zilnic";
            case WEEKLY -> "Săptămânal";
            case MONTHLY -> "Lunar";
            case QUARTERLY -> "Trimestrial";
            case SEMIANNUAL -> "Semestrial";
            case ANNUAL -> "Anual";
            case PER_CASE -> "Ori de câte ori este cazul";
        };
    }
}
