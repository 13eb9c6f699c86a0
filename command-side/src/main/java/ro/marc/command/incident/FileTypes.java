package ro.marc.command.incident;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import ro.marc.command.common.CommandRejected;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * The types an incident document may have, told from the bytes themselves (never from the name or the type
 * the client claims): PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}), PNG (its 8-byte signature), and the ZIP
 * containers of office documents told apart by their entries — DOCX ({@code [Content_Types].xml} and
 * {@code word/…}), XLSX ({@code [Content_Types].xml} and {@code xl/…}), ODT (first entry {@code mimetype},
 * stored, holding {@code application/vnd.oasis.opendocument.text}, as the ODF specification requires).
 *
 * <p>A ZIP is read with Apache Commons Compress through its central directory (names only; nothing is inflated
 * but ODF's stored 39-byte {@code mimetype}): a crafted archive costs nothing to look at. Anything else — an executable renamed {@code .pdf}, a plain ZIP, HTML, text — is no
 * allowed type.
 */
public final class FileTypes {

    /** An allowed type: its media type as stored and served, and the file name extensions that name it. */
    public enum FileType {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ODT("application/vnd.oasis.opendocument.text", "odt"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        PNG("image/png", "png");

        private final String mediaType;
        private final List<String> extensions;

        FileType(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = List.of(extensions);
        }

        public String mediaType() {
            return mediaType;
        }

        public List<String> extensions() {
            return extensions;
        }
    }

    static final String ALLOWED = "PDF, DOCX, XLSX, ODT, JPEG, PNG";
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};

    private FileTypes() {
    }

    /** The allowed type of this content, or empty when it is none of them. */
    public static Optional<FileType> detect(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (startsWith(content, 0, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(content, 0, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(content, 0, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(content, 0, ZIP_LOCAL)) {
            return office(content);
        }
        return Optional.empty();
    }

    /**
     * The checks of an uploaded file, in the order the client can act on them: present (REQUIRED on
     * {@code file}), within {@link IncidentFiles#MAX_SIZE} (FILE_TOO_LARGE, details {@code limit}), of an
     * allowed type (FILE_TYPE_NOT_ALLOWED), and not named with another type's extension (FILE_TYPE_MISMATCH on
     * {@code fileName}; a name without an extension is taken as it is).
     */
    public static FileType check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw CommandRejected.invalid("file", "REQUIRED", "The file is empty");
        }
        if (content.length > IncidentFiles.MAX_SIZE) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "file", "FILE_TOO_LARGE",
                    "The file has " + content.length + " bytes; at most " + IncidentFiles.MAX_SIZE + " (20 MiB) are accepted",
                    Map.of("limit", IncidentFiles.MAX_SIZE));
        }
        FileType type = detect(content).orElseThrow(() -> CommandRejected.invalid("file", "FILE_TYPE_NOT_ALLOWED",
                "The file's content is not of an allowed type (" + ALLOWED + "), whatever its name says"));
        Optional<String> extension = extension(fileName);
        if (extension.isPresent() && !type.extensions().contains(extension.get())) {
            throw CommandRejected.invalid("fileName", "FILE_TYPE_MISMATCH",
                    "The file's name ends in ." + extension.get() + " but its content is " + type.name()
                            + ": name it ." + type.extensions().getFirst());
        }
        return type;
    }

    /** The extension after the last dot, lower case; empty when the name has none. */
    static Optional<String> extension(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- ZIP containers

    private static Optional<FileType> office(byte[] zip) {
        List<ZipArchiveEntry> entries;
        boolean odt;
        try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            entries = Collections.list(archive.getEntriesInPhysicalOrder());
            odt = !entries.isEmpty() && isOdtMimetype(archive, entries.getFirst());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged or hostile archive is no office document
        }
        if (odt) {
            return Optional.of(FileType.ODT);
        }
        List<String> names = entries.stream().map(ZipArchiveEntry::getName).toList();
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        boolean word = names.stream().anyMatch(n -> n.startsWith("word/"));
        boolean excel = names.stream().anyMatch(n -> n.startsWith("xl/"));
        if (word == excel) {
            return Optional.empty(); // neither, or an odd container claiming both
        }
        return Optional.of(word ? FileType.DOCX : FileType.XLSX);
    }

    /** ODF: the first entry is "mimetype", stored (not compressed), holding the media type itself. */
    private static boolean isOdtMimetype(ZipFile archive, ZipArchiveEntry first) throws IOException {
        byte[] expected = FileType.ODT.mediaType().getBytes(StandardCharsets.US_ASCII);
        if (!"mimetype".equals(first.getName()) || first.getMethod() != ZipEntry.STORED || first.getSize() != expected.length) {
            return false;
        }
        try (InputStream in = archive.getInputStream(first)) {
            return Arrays.equals(in.readNBytes(expected.length + 1), expected);
        }
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        return at >= 0 && content.length >= at + prefix.length
                && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }


}
