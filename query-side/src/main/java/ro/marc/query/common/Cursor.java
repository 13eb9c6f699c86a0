package ro.marc.query.common;

import ro.marc.events.text.CleanText;
import ro.marc.events.text.Excerpt;
import ro.marc.events.text.Uuids;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque cursors for keyset pagination: the sort key of the last row seen, base64url-encoded.
 * Decoding is strict, because a cursor comes back from the client: anything {@link #encode} did
 * not produce is an {@link InvalidCursor} (never a database or Elasticsearch error), and each
 * key part is checked for its kind ({@link #uuid}, {@link #instant}, {@link #offset}) before it
 * reaches a query.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';
    /** Far above any cursor MARC produces (folded names are at most a few hundred characters). */
    static final int MAX_LENGTH = 4096;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keyParts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursor when the cursor was not produced by {@link #encode} with {@code parts} parts */
    public static String[] decode(String cursor, int parts) {
        if (cursor == null) {
            throw invalid(null, "no cursor");
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid(cursor, "too long");
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid(cursor, "not a cursor");
        }
        String[] decoded = text.split(String.valueOf(SEPARATOR), -1);
        if (decoded.length != parts) {
            throw invalid(cursor, "not a cursor of this list");
        }
        for (String part : decoded) {
            if (part.codePoints().anyMatch(CleanText::isUnsafe)) {
                throw invalid(cursor, "not a cursor of this list");
            }
        }
        return decoded;
    }

    /** A key part that must be an id (as {@link UUID#toString} wrote it). */
    public static UUID uuid(String cursor, String part) {
        UUID id = Uuids.parseOrNull(part);
        if (id == null) {
            throw invalid(cursor, "not a cursor of this list");
        }
        return id;
    }

    /** A key part that must be an instant (as {@link Instant#toString} wrote it), within years 1–9999. */
    public static Instant instant(String cursor, String part) {
        try {
            Instant instant = Instant.parse(part);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw invalid(cursor, "not a cursor of this list");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(cursor, "not a cursor of this list");
        }
    }

    /** A key part that must be a position in a result list: 0 or more. */
    public static int offset(String cursor, String part) {
        try {
            int offset = Integer.parseInt(part);
            if (offset < 0 || !part.equals(Integer.toString(offset))) {
                throw invalid(cursor, "not a cursor of this list");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid(cursor, "not a cursor of this list");
        }
    }

    /** An {@link InvalidCursor} quoting at most a short prefix of the cursor. */
    public static InvalidCursor invalid(String cursor, String why) {
        return new InvalidCursor("The cursor " + Excerpt.quoted(cursor) + " is not valid (" + why + ")");
    }
}
