package ro.marc.api.common;

import ro.marc.events.text.CleanText;
import ro.marc.events.text.Excerpt;
import ro.marc.events.text.Uuids;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Parsing of GraphQL arguments into domain values, with errors that name the argument. */
public final class Inputs {

    public static final int MAX_PAGE = 500;

    private Inputs() {
    }

    /**
     * A client-sent id: the canonical 36-character UUID form only ({@link Uuids}; "1-1-1-1-1",
     * which {@link UUID#fromString} would read, is refused); MALFORMED_ID quotes at most a short prefix.
     */
    public static UUID id(String field, String value) {
        if (value == null) {
            return null;
        }
        UUID id = Uuids.parseOrNull(value);
        if (id == null) {
            throw new InvalidInput(field, "MALFORMED_ID",
                    Excerpt.quoted(value) + " is not a valid id (a UUID xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx is expected)");
        }
        return id;
    }

    /**
     * Search words as typed: {@link CleanText#singleLine} (NFC, single-spaced), so a NUL or a
     * zero-width character is a BAD_REQUEST INVALID_CHARACTERS naming {@code field}, never a
     * database error. Null stays null.
     */
    public static String searchText(String field, String text) {
        try {
            return CleanText.singleLine(field, text);
        } catch (CleanText.Refused refused) {
            throw new InvalidInput(field, refused.code(), refused.getMessage());
        }
    }

    /** {@link #searchText(String, String)} of at most {@code max} characters, else TOO_LONG naming {@code field}. */
    public static String searchText(String field, String text, int max) {
        String words = searchText(field, text);
        if (words != null && words.length() > max) {
            throw new InvalidInput(field, "TOO_LONG", "Search text is limited to " + max + " characters");
        }
        return words;
    }

    /** A day, ISO-8601 (2026-11-02); blank stays null; anything else is INVALID_INSTANT naming {@code field}. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "INVALID_INSTANT", Excerpt.quoted(value) + " is not a date (2026-11-02 is expected)");
        }
    }

    /**
     * A list of client-sent ids, each parsed as {@link #id} and named by its place ({@code field[2]}); a missing
     * element is REQUIRED. An absent list is empty.
     */
    public static List<UUID> ids(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) == null) {
                throw new InvalidInput(field + "[" + k + "]", "REQUIRED", "An id is required");
            }
            ids.add(id(field + "[" + k + "]", values.get(k)));
        }
        return ids;
    }

    public static UUID idOrNew(String field, String value) {
        return value == null ? UUID.randomUUID() : id(field, value);
    }

    public static int pageSize(String field, Integer first) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput(field, "OUT_OF_RANGE", "'" + field + "' must be between 1 and " + MAX_PAGE);
        }
        return size;
    }
}
