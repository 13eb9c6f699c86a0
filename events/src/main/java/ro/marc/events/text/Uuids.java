package ro.marc.events.text;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict parsing of ids that clients send: only the canonical 36-character form
 * {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} (hex digits, either case).
 * {@link UUID#fromString} alone is lenient: it reads "1-1-1-1-1" as
 * 00000001-0001-0001-0001-000000000001, so two spellings would name one entity.
 */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The id, or null when {@code text} is null or not a canonical UUID. */
    public static UUID parseOrNull(String text) {
        if (text == null || text.length() != 36 || !CANONICAL.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }
}
