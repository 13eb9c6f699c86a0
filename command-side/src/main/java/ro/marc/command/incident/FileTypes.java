package ro.marc.command.incident;

import ro.marc.command.common.CommandRejected;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The types an incident document may have, told from the bytes themselves (never from the name or the type
 * the client claims): PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}), PNG (its 8-byte signature), and the ZIP
 * containers of office documents told apart by their entries — DOCX ({@code [Content_Types].xml} and
 * {@code word/…}), XLSX ({@code [Content_Types].xml} and {@code xl/…}), ODT (first entry {@code mimetype},
 * stored, holding {@code application/vnd.oasis.opendocument.text}, as the ODF specification requires).
 *
 * <p>A ZIP is read only through its central directory (names, no decompression): a crafted archive costs
 * nothing to look at. Anything else — an executable renamed {@code .pdf}, a plain ZIP, HTML, text — is no
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
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    /** An office document has some dozens of entries; this only bounds a hostile directory. */
    private static final int MAX_ENTRIES = 100_000;

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
        if (isOdt(zip)) {
            return Optional.of(FileType.ODT);
        }
        List<String> names = entryNames(zip);
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

    /** ODF: the first local entry is "mimetype", stored (not compressed), holding the media type itself. */
    private static boolean isOdt(byte[] zip) {
        if (zip.length < 30) {
            return false;
        }
        int method = u16(zip, 8);
        long size = u32(zip, 18);
        int nameLength = u16(zip, 26);
        int extraLength = u16(zip, 28);
        byte[] expected = FileType.ODT.mediaType().getBytes(StandardCharsets.US_ASCII);
        int data = 30 + nameLength + extraLength;
        return method == 0 && nameLength == 8 && startsWith(zip, 30, "mimetype".getBytes(StandardCharsets.US_ASCII))
                && size == expected.length && startsWith(zip, data, expected);
    }

    /** The names in the central directory; empty when the archive has none or it is not readable. */
    private static List<String> entryNames(byte[] zip) {
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (u32(zip, i) == END_OF_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return List.of();
        }
        int entries = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        List<String> names = new ArrayList<>();
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < Math.min(entries, MAX_ENTRIES); i++) {
            if (at < 0 || at + 46 > zip.length || u32(zip, at) != DIRECTORY_ENTRY) {
                return List.of();
            }
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            if (at + 46 + nameLength > zip.length) {
                return List.of();
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        return at >= 0 && content.length >= at + prefix.length
                && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int u16(byte[] b, int at) {
        return at + 2 > b.length ? -1 : (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return at < 0 || at + 4 > b.length ? -1
                : (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
