package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.incident.CategoryRecord;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.InvolvedPerson;
import ro.marc.events.incident.PersonCategory;
import ro.marc.events.incident.command.ArchiveIntegrityIncident;
import ro.marc.events.incident.command.AttachIncidentDocument;
import ro.marc.events.incident.command.EditIntegrityIncident;
import ro.marc.events.incident.command.LinkIncidentRisk;
import ro.marc.events.incident.command.RecordIntegrityIncident;
import ro.marc.events.incident.event.IncidentDocumentAttached;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IntegrityIncidentArchived;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.org.County;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static ro.marc.api.local.DemoNomenclature.activityId;
import static ro.marc.api.local.DemoNomenclature.riskId;

/**
 * Demo data: six integrity incidents (issue 12) in Cluj, Iași and Bucharest, with their risk links to existing
 * associations of the demo nomenclature, their documents (small PDFs made here with OpenPDF, one PNG), one
 * conviction, one acquittal (its links removed, kept in history) and one archived incident. Sent as commands on
 * behalf of the demo administrators (admin.cluj and admin.iasi for their counties, admin for Bucharest and the
 * archiving). Two of the Cluj links are on work units member.cluj is assigned in IPJ Cluj's active plan, so their
 * inbox shows INCIDENT_LINKED.
 *
 * <p>A step of {@link ro.marc.api.startup.StartupSequence}, after the demo activity analysis. Each incident is a
 * script of steps, each done once: a step is skipped when the incident's history already holds its event (the
 * recording, a link or document by its id, an edit to its type, the archiving), and a failed step is fine when
 * the history shows another node did it meanwhile; so a start that stopped half-way is completed, and once done
 * nothing is sent again — also after a user has changed the incidents.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoIncidents {

    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");
    static final UUID DGPMB = DemoOrganisation.id("Direcția Generală de Poliție a Municipiului București");

    static final String CONTRAVENTII = "Constatarea și sancționarea contravențiilor";
    static final String MITA_CONTRAVENTII = "Primirea de foloase necuvenite pentru neaplicarea sancțiunii contravenționale";
    static final String ARME = "Eliberarea permiselor de armă și autorizarea deținerii armelor";
    static final String AVIZE_FALSE = "Acceptarea unor certificate medicale sau avize psihologice false";
    static final String CONCURSURI = "Organizarea concursurilor pentru ocuparea posturilor vacante";
    static final String SUBIECTE = "Divulgarea subiectelor de concurs către anumiți candidați, înainte de susținerea probei";
    static final String RADAR = "Supravegherea traficului rutier cu mijloace tehnice de măsurare a vitezei";
    static final String STERGERE_RADAR = "Ștergerea înregistrărilor radar în schimbul unor foloase necuvenite";
    static final String CARBURANT = "Gestionarea carburanților și lubrifianților";
    static final String BONURI = "Însușirea sau valorificarea bonurilor valorice de carburant";
    static final String INCADRARE = "Încadrarea directă și reîncadrarea personalului";
    static final String URGENTARE = "Primirea de foloase necuvenite pentru urgentarea soluționării cererii de încadrare";

    /** Cluj: indictment, then conviction; two documents; linked on Poliție rutieră (member.cluj notified). */
    public static final UUID CLUJ_CONVICTION = id("Cluj: mită la constatarea contravențiilor");
    /** Cluj: indictment; linked on Ordine publică (member.cluj notified). */
    public static final UUID CLUJ_INDICTMENT = id("Cluj: permise de armă");
    /** Iași: indictment, then acquittal: its link is removed. */
    public static final UUID IASI_ACQUITTAL = id("Iași: concurs de ocupare a posturilor");
    /** Iași: conviction, with a PNG sketch. */
    public static final UUID IASI_CONVICTION = id("Iași: înregistrări radar");
    /** Bucharest (DGPMB): conviction. */
    public static final UUID BUCHAREST_CONVICTION = id("București: bonuri de carburant");
    /** Bucharest (DGPMB): conviction, then archived by the central administrator. */
    public static final UUID BUCHAREST_ARCHIVED = id("București: încadrarea personalului");

    public static final List<UUID> ALL = List.of(CLUJ_CONVICTION, CLUJ_INDICTMENT, IASI_ACQUITTAL, IASI_CONVICTION,
            BUCHAREST_CONVICTION, BUCHAREST_ARCHIVED);

    private final EventStore eventStore;
    private final CommandSender commands;

    public DemoIncidents(EventStore eventStore, CommandSender commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    /** The id of a demo incident (or of one of its links or documents), derived from its key. */
    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("marc-demo-incident:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        int sent = 0;
        for (Script script : scripts()) {
            sent += DemoSteps.run(eventStore, commands, script.incidentId, script.steps);
        }
        if (sent > 0) {
            log.info("Demo incidents seeded: {} commands for {} incidents (Cluj, Iași, București)", sent, ALL.size());
        }
    }

    // --------------------------------------------------------------------------------------------- the incidents

    private static List<Script> scripts() {
        List<Script> scripts = new ArrayList<>();

        RecordIntegrityIncident clujConviction = new RecordIntegrityIncident(CLUJ_CONVICTION,
                "Luare de mită la constatarea contravențiilor rutiere", County.CJ, IPJ_CLUJ, IncidentType.INDICTMENT,
                LocalDate.of(2025, 3, 14), "4812025", LocalDate.of(2025, 6, 2),
                "Un agent de poliție rutieră a pretins și a primit în mod repetat sume de bani de la conducători auto "
                        + "opriți în trafic pentru a nu aplica amenzile contravenționale prevăzute de lege. Parchetul a "
                        + "dispus trimiterea în judecată pentru luare de mită.");
        scripts.add(new Script(CLUJ_CONVICTION, "admin.cluj")
                .record(clujConviction)
                .link("admin.cluj", "poliție rutieră", "Poliție rutieră", CONTRAVENTII, MITA_CONTRAVENTII, List.of(
                        new CategoryRecord(PersonCategory.AGENTS, List.of(new InvolvedPerson(7,
                                "Condamnare la 3 ani de închisoare cu suspendare sub supraveghere", "2024–2025")),
                                List.of("Faptele au fost săvârșite pe drumul județean DJ 107 în timpul serviciului de noapte."))))
                .attach("admin.cluj", "raport de evaluare", IncidentDocumentKind.EVALUATION_REPORT,
                        "Raport de evaluare a incidentului de integritate",
                        "Cauzele care au favorizat fapta și măsurile preventive propuse pentru Serviciul Rutier.",
                        "raport-evaluare-ipj-cluj.pdf", () -> pdf("Raport de evaluare a incidentului de integritate",
                                "Inspectoratul de Poliție Județean Cluj — Serviciul Rutier",
                                "Fapta a fost favorizată de lipsa controalelor ierarhice asupra echipajelor de noapte și "
                                        + "de folosirea redusă a camerelor video portabile.",
                                "Măsuri propuse: rotirea echipajelor, verificarea lunară a înregistrărilor video, "
                                        + "instruirea personalului privind consecințele faptelor de corupție."))
                .edit("admin.cluj", clujConviction, IncidentType.CONVICTION,
                        "Un agent de poliție rutieră a pretins și a primit în mod repetat sume de bani de la conducători "
                                + "auto opriți în trafic pentru a nu aplica amenzile contravenționale prevăzute de lege. "
                                + "Instanța a dispus condamnarea definitivă pentru luare de mită.")
                .attach("admin.cluj", "sentința", IncidentDocumentKind.OTHER, "Sentința penală de condamnare",
                        "Hotărârea definitivă a instanței, fără datele de identificare ale părților.",
                        "sentinta-condamnare-ipj-cluj.pdf", () -> pdf("Sentința penală (extras anonimizat)",
                                "Dosar penal nr. 4812025",
                                "Instanța a constatat săvârșirea infracțiunii de luare de mită în formă continuată.",
                                "Pedeapsa: 3 ani de închisoare cu suspendare sub supraveghere; interzicerea exercitării "
                                        + "funcției pe o durată de 3 ani.")));

        RecordIntegrityIncident clujIndictment = new RecordIntegrityIncident(CLUJ_INDICTMENT,
                "Permise de armă eliberate pe baza unor avize psihologice false", County.CJ, IPJ_CLUJ,
                IncidentType.INDICTMENT, LocalDate.of(2025, 9, 22), "7302025", LocalDate.of(2025, 11, 10),
                "Un ofițer din cadrul compartimentului arme, explozivi și substanțe periculoase a acceptat la dosarele "
                        + "solicitanților avize psihologice emise fără evaluare, în schimbul unor foloase necuvenite. "
                        + "Cauza se află pe rolul instanței.");
        scripts.add(new Script(CLUJ_INDICTMENT, "admin.cluj")
                .record(clujIndictment)
                .link("admin.cluj", "ordine publică", "Ordine publică", ARME, AVIZE_FALSE, List.of(
                        new CategoryRecord(PersonCategory.OFFICERS, List.of(new InvolvedPerson(4,
                                "Trimis în judecată, cauză în curs de soluționare", null)), List.of()),
                        new CategoryRecord(PersonCategory.OTHERS, List.of(new InvolvedPerson(4,
                                "Trimis în judecată pentru dare de mită", null)),
                                List.of("Persoana implicată este un psiholog din afara instituției."))))
                .attach("admin.cluj", "raport de evaluare", IncidentDocumentKind.EVALUATION_REPORT,
                        "Raport de evaluare privind eliberarea permiselor de armă",
                        "Verificarea dosarelor soluționate în ultimii doi ani și propuneri de control suplimentar.",
                        "raport-evaluare-permise-arma.pdf", () -> pdf("Raport de evaluare privind eliberarea permiselor de armă",
                                "Inspectoratul de Poliție Județean Cluj — Serviciul Arme, Explozivi și Substanțe Periculoase",
                                "Au fost reverificate dosarele soluționate în ultimii doi ani; la opt dosare avizele "
                                        + "psihologice proveneau de la același cabinet.",
                                "Măsuri propuse: confirmarea avizelor direct la emitent și verificarea prin sondaj de "
                                        + "către un al doilea lucrător.")));

        RecordIntegrityIncident iasiAcquittal = new RecordIntegrityIncident(IASI_ACQUITTAL,
                "Divulgarea subiectelor la concursul de ocupare a posturilor de agent", County.IS, IPJ_IASI,
                IncidentType.INDICTMENT, LocalDate.of(2024, 5, 20), "2152024", LocalDate.of(2024, 9, 16),
                "Un membru al comisiei de concurs a fost acuzat că a transmis subiectele probei scrise unor candidați "
                        + "înainte de susținerea acesteia.");
        scripts.add(new Script(IASI_ACQUITTAL, "admin.iasi")
                .record(iasiAcquittal)
                .link("admin.iasi", "resurse umane", "Resurse umane", CONCURSURI, SUBIECTE, List.of(
                        new CategoryRecord(PersonCategory.OFFICERS, List.of(new InvolvedPerson(1,
                                "Trimis în judecată", null)), List.of())))
                .edit("admin.iasi", iasiAcquittal, IncidentType.ACQUITTAL,
                        "Un membru al comisiei de concurs a fost acuzat că a transmis subiectele probei scrise unor "
                                + "candidați înainte de susținerea acesteia. Instanța a dispus achitarea, fapta nefiind "
                                + "dovedită.")
                .attach("admin.iasi", "decizia de achitare", IncidentDocumentKind.OTHER, "Decizia de achitare",
                        "Decizia definitivă a instanței de apel, fără datele de identificare ale părților.",
                        "decizie-achitare-ipj-iasi.pdf", () -> pdf("Decizia instanței de apel (extras anonimizat)",
                                "Dosar penal nr. 2152024",
                                "Instanța a constatat că nu există probe că subiectele au fost transmise înainte de "
                                        + "susținerea probei scrise.",
                                "Soluția: achitare, fapta nefiind dovedită. Decizia este definitivă.")));

        RecordIntegrityIncident iasiConviction = new RecordIntegrityIncident(IASI_CONVICTION,
                "Ștergerea înregistrărilor radar în schimbul unor foloase necuvenite", County.IS, IPJ_IASI,
                IncidentType.INDICTMENT, LocalDate.of(2024, 11, 8), "9042024", LocalDate.of(2025, 1, 27),
                "Doi agenți ai echipajului cu aparat radar au șters din memoria cinemometrului înregistrările unor "
                        + "depășiri de viteză, în schimbul unor sume de bani primite de la conducătorii auto.");
        scripts.add(new Script(IASI_CONVICTION, "admin.iasi")
                .record(iasiConviction)
                .link("admin.iasi", "poliție rutieră", "Poliție rutieră", RADAR, STERGERE_RADAR, List.of(
                        new CategoryRecord(PersonCategory.AGENTS, List.of(
                                new InvolvedPerson(12, "Condamnare la 4 ani de închisoare", "2023–2024"),
                                new InvolvedPerson(5, "Condamnare la 2 ani și 6 luni cu suspendare", "2024")), List.of())))
                .edit("admin.iasi", iasiConviction, IncidentType.CONVICTION,
                        "Doi agenți ai echipajului cu aparat radar au șters din memoria cinemometrului înregistrările "
                                + "unor depășiri de viteză, în schimbul unor sume de bani primite de la conducătorii auto. "
                                + "Ambii au fost condamnați definitiv.")
                .attach("admin.iasi", "schița", IncidentDocumentKind.OTHER, "Schița punctelor de control radar",
                        "Amplasarea punctelor de control unde au fost șterse înregistrările.",
                        "schita-puncte-radar.png", DemoIncidents::png));

        RecordIntegrityIncident bucharestConviction = new RecordIntegrityIncident(BUCHAREST_CONVICTION,
                "Însușirea bonurilor valorice de carburant", County.B, DGPMB, IncidentType.INDICTMENT,
                LocalDate.of(2025, 2, 3), "1172025", LocalDate.of(2025, 4, 14),
                "Doi funcționari din compartimentul logistic au completat foi de parcurs cu deplasări fictive și au "
                        + "valorificat bonurile valorice de carburant rămase.");
        scripts.add(new Script(BUCHAREST_CONVICTION, "admin")
                .record(bucharestConviction)
                .link("admin", "logistică", "Logistică", CARBURANT, BONURI, List.of(
                        new CategoryRecord(PersonCategory.CIVIL_SERVANTS, List.of(
                                new InvolvedPerson(23, "Condamnare la 2 ani de închisoare cu suspendare", "2023–2025"),
                                new InvolvedPerson(9, "Amânarea aplicării pedepsei", "2024–2025")),
                                List.of("Prejudiciul a fost recuperat integral.", "Bonurile erau păstrate fără registru de evidență."))))
                .edit("admin", bucharestConviction, IncidentType.CONVICTION,
                        "Doi funcționari din compartimentul logistic au completat foi de parcurs cu deplasări fictive și "
                                + "au valorificat bonurile valorice de carburant rămase. Instanța a dispus condamnarea.")
                .attach("admin", "raport de evaluare", IncidentDocumentKind.EVALUATION_REPORT,
                        "Raport de evaluare privind gestionarea carburanților",
                        "Deficiențele evidenței bonurilor valorice și măsurile de control propuse.",
                        "raport-evaluare-dgpmb-carburant.pdf", () -> pdf("Raport de evaluare privind gestionarea carburanților",
                                "Direcția Generală de Poliție a Municipiului București — Serviciul Logistic",
                                "Bonurile valorice nu erau înregistrate la primire și la predare; foile de parcurs nu erau "
                                        + "confruntate cu datele sistemului de monitorizare a flotei.",
                                "Măsuri propuse: registru de evidență a bonurilor, confruntarea lunară cu datele GPS, "
                                        + "rotirea gestionarilor.")));

        RecordIntegrityIncident bucharestArchived = new RecordIntegrityIncident(BUCHAREST_ARCHIVED,
                "Pretinderea de foloase pentru urgentarea încadrării în instituție", County.B, DGPMB,
                IncidentType.INDICTMENT, LocalDate.of(2022, 10, 11), "3062022", LocalDate.of(2023, 2, 6),
                "Un ofițer din compartimentul resurse umane a pretins foloase pentru urgentarea soluționării unor "
                        + "cereri de încadrare directă.");
        scripts.add(new Script(BUCHAREST_ARCHIVED, "admin")
                .record(bucharestArchived)
                .link("admin", "resurse umane", "Resurse umane", INCADRARE, URGENTARE, List.of(
                        new CategoryRecord(PersonCategory.OFFICERS, List.of(new InvolvedPerson(3,
                                "Condamnare la 1 an și 8 luni cu suspendare", "2022")), List.of())))
                .edit("admin", bucharestArchived, IncidentType.CONVICTION,
                        "Un ofițer din compartimentul resurse umane a pretins foloase pentru urgentarea soluționării unor "
                                + "cereri de încadrare directă. Instanța a dispus condamnarea; măsurile preventive au fost "
                                + "implementate, iar incidentul a fost arhivat.")
                .archive("admin"));
        return scripts;
    }

    // ---------------------------------------------------------------------------------------------- the scripts

    /** The steps of one demo incident, in order. */
    private static final class Script {
        final UUID incidentId;
        final String recorder;
        final List<DemoSteps.Step> steps = new ArrayList<>();

        Script(UUID incidentId, String recorder) {
            this.incidentId = incidentId;
            this.recorder = recorder;
        }

        /** A step on behalf of the demo account {@code user}. */
        private void step(String user, Predicate<List<Object>> done, Function<Long, Object> command) {
            steps.add(new DemoSteps.Step(DemoAccess.userId(user), done, command));
        }

        Script record(RecordIntegrityIncident command) {
            step(recorder, events -> events.stream().anyMatch(e -> e instanceof IntegrityIncidentRecorded),
                    version -> command);
            return this;
        }

        /** A link on the incident's own structure; ids derived from the incident and {@code key}. */
        Script link(String user, String key, String workUnit, String activity, String risk, List<CategoryRecord> categories) {
            UUID linkId = id(incidentId + "/link/" + key);
            step(user, events -> events.stream().anyMatch(e -> e instanceof IncidentRiskLinked l
                    && l.link().linkId().equals(linkId)), version -> new LinkIncidentRisk(incidentId, version, linkId,
                    null, DemoOrganisation.id("wu:" + workUnit), activityId(activity), riskId(activity, risk), categories));
            return this;
        }

        Script attach(String user, String key, IncidentDocumentKind kind, String title, String summary, String fileName,
                      Supplier<byte[]> content) {
            UUID documentId = id(incidentId + "/document/" + key);
            step(user, events -> events.stream().anyMatch(e -> e instanceof IncidentDocumentAttached a
                    && a.document().documentId().equals(documentId)), version -> new AttachIncidentDocument(incidentId,
                    version, documentId, kind, title, summary, fileName, content.get()));
            return this;
        }

        /** The incident as recorded, with a new type and content. */
        Script edit(String user, RecordIntegrityIncident recorded, IncidentType type, String content) {
            step(user, events -> events.stream().anyMatch(e -> e instanceof IntegrityIncidentEdited ed
                    && ed.details().type() == type), version -> new EditIntegrityIncident(incidentId, version,
                    recorded.title(), recorded.county(), recorded.orgUnitId(), type, recorded.incidentDate(),
                    recorded.fileNumber(), recorded.fileRegisteredOn(), content));
            return this;
        }

        Script archive(String user) {
            step(user, events -> events.stream().anyMatch(e -> e instanceof IntegrityIncidentArchived),
                    version -> new ArchiveIntegrityIncident(incidentId, version));
            return this;
        }
    }

    // -------------------------------------------------------------------------------------------- the documents

    /**
     * A one-page PDF: a title, a subtitle and paragraphs, in DejaVu Sans (the campaign sheets' font, on the class
     * path: every Romanian diacritic renders), no personal data.
     */
    static byte[] pdf(String title, String subtitle, String... paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        BaseFont regular = font("DejaVuSans.ttf");
        BaseFont bold = font("DejaVuSans-Bold.ttf");
        document.addTitle(title);
        document.addCreator("MARC (date demonstrative)");
        document.open();
        Paragraph heading = new Paragraph(title, new Font(bold, 14));
        heading.setSpacingAfter(6);
        document.add(heading);
        Paragraph sub = new Paragraph(subtitle, new Font(regular, 10));
        sub.setSpacingAfter(14);
        document.add(sub);
        for (String text : paragraphs) {
            Paragraph p = new Paragraph(text, new Font(regular, 11));
            p.setSpacingAfter(8);
            document.add(p);
        }
        document.add(new Paragraph("Document demonstrativ generat de MARC.", new Font(regular, 8)));
        document.close();
        return out.toByteArray();
    }

    private static BaseFont font(String name) {
        try (InputStream in = DemoIncidents.class.getClassLoader().getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: fonts/" + name);
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small sketch (a road, the control points): shapes only, so no font is needed on a headless server. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 200);
            g.setColor(new Color(0x9A, 0xA0, 0xA6));
            g.fillRect(0, 85, 320, 30);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{12, 10}, 0));
            g.drawLine(0, 100, 320, 100);
            g.setColor(new Color(0xC6, 0x28, 0x28));
            for (int x : new int[]{60, 170, 265}) {
                g.fillOval(x - 8, 60, 16, 16);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
