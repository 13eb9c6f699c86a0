package ro.marc.query.document;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.Consumer;

/**
 * What the campaign's PDF sheets share: DejaVu Sans (regular and bold, embedded as subsets with Identity-H, so
 * every Romanian diacritic — ă â î ș ț Ș Ț — renders whatever the reader has installed; licence in
 * {@code fonts/LICENSE-DejaVu.txt}), the text styles, the bordered tables of the methodology's forms, the
 * page footer ("Pagina n"), and the rendering of one document to bytes.
 */
final class PdfSheet {

    static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final Color HEADER_FILL = new Color(0xE4, 0xE8, 0xEE);
    static final Color STAGE_FILL = new Color(0xF2, 0xF4, 0xF7);

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    final Font title;
    final Font heading;
    final Font text;
    final Font bold;
    final Font small;
    final Font smallBold;

    PdfSheet() {
        // one BaseFont per document: each keeps the glyphs its document uses (the embedded subset)
        BaseFont regular = base("DejaVuSans.ttf", REGULAR);
        BaseFont boldFace = base("DejaVuSans-Bold.ttf", BOLD);
        title = new Font(boldFace, 12);
        heading = new Font(boldFace, 10);
        text = new Font(regular, 9);
        bold = new Font(boldFace, 9);
        small = new Font(regular, 7.5f);
        smallBold = new Font(boldFace, 7.5f);
    }

    /** Renders one document: {@code body} adds its elements to the open document. */
    static byte[] render(Rectangle pageSize, String title, String author, Instant at, Consumer<Document> body,
                         PdfSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(pageSize, 36, 36, 36, 42);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                PdfContentByte canvas = w.getDirectContent();
                ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                        new Phrase("Pagina " + w.getPageNumber(), sheet.small),
                        d.right(), d.bottom() - 18, 0);
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(title, sheet.small),
                        d.left(), d.bottom() - 18, 0);
            }
        });
        document.addTitle(title);
        document.addAuthor(author == null || author.isBlank() ? "MARC" : author);
        document.addCreator("MARC");
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(ZONE));
        created.setTimeInMillis(at.toEpochMilli());
        document.addCreationDate(new PdfDate(created));
        document.open();
        body.accept(document);
        document.close();
        return out.toByteArray();
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    static String date(Instant at) {
        return DATE.format(at.atZone(ZONE).toLocalDate());
    }

    Paragraph right(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }

    Paragraph centred(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    Paragraph spacer(float height) {
        Paragraph p = new Paragraph(new Chunk(" ", small));
        p.setLeading(height);
        return p;
    }

    /** A full-width table with relative column widths. */
    PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(0);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        return table;
    }

    PdfPCell header(String text) {
        PdfPCell cell = cell(text, smallBold);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    PdfPCell cell(String text) {
        return cell(text, this.text);
    }

    PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isBlank() ? "—" : text, font));
        cell.setPadding(4);
        cell.setPaddingTop(2);
        cell.setLeading(0, 1.3f); // room for the diacritics above capitals (Ș, Ț, Î) on multi-line cells
        cell.setBorderColor(Color.GRAY);
        return cell;
    }

    PdfPCell centredCell(String text) {
        PdfPCell cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    /** A label/value row of a header table. */
    void row(PdfPTable table, String label, String value) {
        PdfPCell l = cell(label, bold);
        l.setBackgroundColor(STAGE_FILL);
        table.addCell(l);
        table.addCell(cell(value));
    }

    /** A row spanning the whole table (a stage, an activity). */
    PdfPCell span(String text, Font font, int columns, Color fill) {
        PdfPCell cell = cell(text, font);
        cell.setColspan(columns);
        cell.setBackgroundColor(fill);
        return cell;
    }

    private static BaseFont base(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfSheet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
