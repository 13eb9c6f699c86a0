package ro.marc.query.document;

import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfPTable;
import ro.marc.events.access.Role;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Anexa 1 PDF of one plan edition, in the layout of the methodology's "Fișa pentru stabilirea sarcinilor,
 * responsabilităților și planificarea activității grupului": the header (structure, county, purpose, start
 * date, edition and its date, who approved / drew it up), the members with their role, work units and whether
 * they answer the management questionnaire (A201), then each stage with its period and its standard
 * activities, each with the stage's deadline (A101). A102: deactivated members are left out.
 * Everything comes from the edition (names resolved when it was published), so it renders the same years later.
 */
public final class PlanSheetPdf {

    public static final String TITLE =
            "Fișa pentru stabilirea sarcinilor, responsabilităților și planificarea activității grupului";

    private PlanSheetPdf() {
    }

    /** {@code publishedAt}: when the edition was published (its date in the header; the PDF's creation date). */
    public static byte[] render(PlanEdition edition, Instant publishedAt) {
        PdfSheet s = new PdfSheet();
        return PdfSheet.render(PageSize.A4, "Anexa 1 — " + edition.purpose() + " — ediția " + edition.edition(),
                edition.publishedByName(), publishedAt, document -> body(document, s, edition, publishedAt), s);
    }

    public static String fileName(PlanEdition edition) {
        return "Anexa1-" + FileNames.safe(edition.purpose()) + "-editia-" + edition.edition() + ".pdf";
    }

    public static String title(PlanEdition edition) {
        return "Anexa 1 — " + edition.purpose() + " (ediția " + edition.edition() + ")";
    }

    private static void body(Document d, PdfSheet s, PlanEdition e, Instant publishedAt) {
        d.add(s.right("ANEXA nr. 1", s.bold));
        d.add(s.right("Ediția " + e.edition() + " din " + PdfSheet.date(publishedAt), s.small));

        PdfPTable approval = s.table(1, 1);
        approval.addCell(s.cell("APROBAT\n" + e.publishedByName() + "\n" + role(e, e.publishedBy()), s.bold));
        approval.addCell(s.cell("ÎNTOCMIT DE\n" + e.publishedByName() + "\n" + role(e, e.publishedBy()), s.bold));
        approval.setSpacingBefore(6);
        d.add(approval);

        d.add(s.spacer(6));
        d.add(s.centred(PlanSheetPdf.TITLE.toUpperCase(java.util.Locale.forLanguageTag("ro")), s.title));
        d.add(s.spacer(6));

        PdfPTable header = s.table(2, 5);
        s.row(header, "Structura", e.orgUnitName());
        s.row(header, "Județul", e.county() == null ? "—" : e.county().displayName());
        s.row(header, "Scopul", e.purpose());
        s.row(header, "Data începerii activității", PdfSheet.date(e.startDate()));
        s.row(header, "Ediția", String.valueOf(e.edition()));
        s.row(header, "Data ediției", PdfSheet.date(publishedAt));
        s.row(header, "Aprobat / întocmit de", e.publishedByName());
        d.add(header);

        d.add(s.heading("I. Membrii grupului de lucru și responsabilitățile acestora"));
        PdfPTable members = s.table(0.6f, 3.0f, 3.4f, 3.8f, 1.8f);
        for (String h : List.of("Nr. crt.", "Numele și prenumele", "Calitatea în grup", "Unitățile de muncă de care răspunde",
                "Chestionar de management (Anexa 2)")) {
            members.addCell(s.header(h));
        }
        members.setHeaderRows(1);
        int n = 0;
        for (MemberEdition m : e.members()) {
            if (!m.active()) {
                continue; // A102
            }
            members.addCell(s.centredCell(++n + "."));
            members.addCell(s.cell(m.displayName()));
            members.addCell(s.cell(roleName(m.role())));
            members.addCell(s.cell(workUnits(m)));
            members.addCell(s.centredCell(m.questionnaireRequired() ? "Da" : "Nu"));
        }
        if (n == 0) {
            members.addCell(s.span("Niciun membru activ.", s.text, 5, null));
        }
        d.add(members);

        d.add(s.heading("II. Planificarea activităților pe etape de management al riscurilor de corupție"));
        PdfPTable plan = s.table(0.6f, 8.0f, 2.0f);
        for (String h : List.of("Nr. crt.", "Activitatea", "Termen")) {
            plan.addCell(s.header(h));
        }
        plan.setHeaderRows(1);
        int stageNo = 0;
        for (StageSchedule stage : e.stages()) {
            stageNo++;
            plan.addCell(s.span(stageNo + ". " + stage.stage().title() + "\nPerioada: " + PdfSheet.date(stage.start())
                    + " – " + PdfSheet.date(stage.deadline()), s.bold, 3, PdfSheet.STAGE_FILL));
            int a = 0;
            for (String activity : stage.stage().standardActivities()) {
                plan.addCell(s.centredCell(stageNo + "." + ++a));
                plan.addCell(s.cell(activity));
                plan.addCell(s.centredCell(PdfSheet.date(stage.deadline())));
            }
        }
        d.add(plan);

        d.add(s.spacer(12));
        PdfPTable signatures = s.table(1, 1);
        signatures.addCell(s.cell("Întocmit de: " + e.publishedByName() + "\nData: " + PdfSheet.date(publishedAt)
                + "\nSemnătura: ____________________"));
        signatures.addCell(s.cell("Membrii grupului de lucru au luat la cunoștință sarcinile, responsabilitățile "
                + "și termenele stabilite prin prezenta fișă."));
        d.add(signatures);
    }

    private static String workUnits(MemberEdition m) {
        String listed = m.workUnits().stream().map(WorkUnitRef::name).collect(Collectors.joining("\n"));
        if (m.followsMemberWorkflow()) {
            String all = "Toate unitățile de muncă ale structurii (parcurge fluxul de membru)";
            return listed.isEmpty() ? all : listed + "\n" + all;
        }
        return listed;
    }

    private static String role(PlanEdition e, java.util.UUID userId) {
        return e.members().stream().filter(m -> m.userId().equals(userId)).findFirst()
                .map(m -> roleName(m.role())).orElse("");
    }

    static String roleName(Role role) {
        if (role == null) {
            return "—";
        }
        return switch (role) {
            case WORKING_GROUP_HEAD -> "Șeful grupului de lucru";
            case INTEGRITY_COUNSELLOR -> "Consilier pentru integritate";
            case WORKING_GROUP_MEMBER -> "Membru al grupului de lucru";
            case RISK_OWNER -> "Proprietar de risc";
            case CENTRAL_COUNSELLOR -> "Consilier central";
            case TERRITORIAL_ADMIN -> "Administrator teritorial";
            case CENTRAL_ADMIN -> "Administrator central";
            case AUDITOR -> "Auditor";
            case SYSTEM -> "MARC";
        };
    }
}
