package ro.marc.command.incident;

import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.incident.FileTypes.FileType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FileTypes}: each allowed type, built here as such a file is laid out (a minimal PDF, JPEG and PNG; DOCX,
 * XLSX and ODT as the ZIP containers office suites write), is told from its bytes; an executable renamed
 * {@code .pdf}, a plain ZIP, HTML and text are refused; a name with another type's extension is refused.
 */
class FileTypesTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
            0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
            0, 0, 0, 1, 8, 2, 0, 0, 0};

    static byte[] zip(Map<String, String> entries, boolean storeFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean first = true;
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                if (first && storeFirst) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setCrc(crc.getValue());
                }
                first = false;
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] docx() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Sentința</w:t></w:r></w:p></w:body></w:document>");
        return zip(entries, false);
    }

    static byte[] xlsx() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put("xl/workbook.xml", "<workbook/>");
        entries.put("xl/worksheets/sheet1.xml", "<worksheet/>");
        return zip(entries, false);
    }

    static byte[] odt(String mimetype) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", mimetype);
        entries.put("content.xml", "<office:document-content/>");
        entries.put("META-INF/manifest.xml", "<manifest:manifest/>");
        return zip(entries, true);
    }

    @Test
    void each_allowed_type_is_told_from_its_content() throws IOException {
        assertThat(FileTypes.detect(PDF)).contains(FileType.PDF);
        assertThat(FileTypes.detect(JPEG)).contains(FileType.JPEG);
        assertThat(FileTypes.detect(PNG)).contains(FileType.PNG);
        assertThat(FileTypes.detect(docx())).contains(FileType.DOCX);
        assertThat(FileTypes.detect(xlsx())).contains(FileType.XLSX);
        assertThat(FileTypes.detect(odt("application/vnd.oasis.opendocument.text"))).contains(FileType.ODT);
        assertThat(FileType.DOCX.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(FileTypes.check("Decizia instanței.PDF", PDF)).isEqualTo(FileType.PDF);
        assertThat(FileTypes.check("fotografie.jpeg", JPEG)).isEqualTo(FileType.JPEG);
        assertThat(FileTypes.check("fotografie.jpg", JPEG)).isEqualTo(FileType.JPEG);
        assertThat(FileTypes.check("fara-extensie", PNG)).as("a name without an extension is taken").isEqualTo(FileType.PNG);
    }

    @Test
    void executables_plain_zips_other_documents_and_text_are_no_allowed_type() throws IOException {
        byte[] mz = new byte[256];
        mz[0] = 'M';
        mz[1] = 'Z';
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(FileTypes.detect(mz)).isEmpty();
        assertThat(FileTypes.detect(elf)).isEmpty();
        assertThat(FileTypes.detect(zip(Map.of("program.exe", "MZ..."), false))).as("a plain zip").isEmpty();
        assertThat(FileTypes.detect(odt("application/vnd.oasis.opendocument.spreadsheet"))).as("an ODS").isEmpty();
        assertThat(FileTypes.detect(odt("application/vnd.oasis.opendocument.text").clone())).isPresent();
        assertThat(FileTypes.detect("<html><body>decizie</body></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileTypes.detect("Decizie în text simplu".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileTypes.detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("the signature is at the start").isEmpty();
        assertThat(FileTypes.detect(new byte[]{'P', 'K', 3, 4})).as("a truncated zip").isEmpty();
        Map<String, String> both = new LinkedHashMap<>();
        both.put("[Content_Types].xml", "<Types/>");
        both.put("word/document.xml", "<w/>");
        both.put("xl/workbook.xml", "<x/>");
        assertThat(FileTypes.detect(zip(both, false))).as("claiming both").isEmpty();

        assertThatThrownBy(() -> FileTypes.check("decizie.pdf", mz)).isInstanceOfSatisfying(CommandRejected.class, r -> {
            assertThat(r.field()).isEqualTo("file");
            assertThat(r.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        });
    }

    @Test
    void a_name_with_another_type_extension_an_empty_or_a_too_large_file_is_refused() {
        assertThatThrownBy(() -> FileTypes.check("decizie.docx", PDF)).isInstanceOfSatisfying(CommandRejected.class, r -> {
            assertThat(r.field()).isEqualTo("fileName");
            assertThat(r.code()).isEqualTo("FILE_TYPE_MISMATCH");
        });
        assertThatThrownBy(() -> FileTypes.check("poza.png", JPEG)).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.code()).isEqualTo("FILE_TYPE_MISMATCH"));
        assertThatThrownBy(() -> FileTypes.check("decizie.pdf", new byte[0])).isInstanceOfSatisfying(CommandRejected.class, r -> {
            assertThat(r.field()).isEqualTo("file");
            assertThat(r.code()).isEqualTo("REQUIRED");
        });
        byte[] large = new byte[(int) IncidentFiles.MAX_SIZE + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThatThrownBy(() -> FileTypes.check("mare.pdf", large)).isInstanceOfSatisfying(CommandRejected.class, r -> {
            assertThat(r.field()).isEqualTo("file");
            assertThat(r.code()).isEqualTo("FILE_TOO_LARGE");
            assertThat(r.details()).containsEntry("limit", IncidentFiles.MAX_SIZE);
        });
        byte[] atTheLimit = new byte[(int) IncidentFiles.MAX_SIZE];
        System.arraycopy(PDF, 0, atTheLimit, 0, PDF.length);
        assertThat(FileTypes.check("la-limita.pdf", atTheLimit)).isEqualTo(FileType.PDF);
    }
}
