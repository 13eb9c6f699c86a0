package ro.marc.events.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Romanian text for comparison and search: lower case, no diacritics.
 * Both the comma-below letters (ș ț) and the legacy cedilla letters (ş ţ) fold to s/t, so
 * "Anticorupţie", "Anticorupție" and "anticoruptie" compare equal. The Elasticsearch build we
 * run has no asciifolding filter, so this is applied in Java before indexing and querying.
 */
public final class RomanianText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RomanianText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The key under which two names count as "the same name": folded, trimmed, single-spaced. */
    public static String nameKey(String name) {
        return WHITESPACE.matcher(fold(name).strip()).replaceAll(" ");
    }

    /**
     * Trims and collapses inner white space and composes letters (NFC), keeping the user's
     * letters and case; composed text folds character for character, which search highlights rely on.
     */
    public static String normaliseName(String name) {
        return name == null ? null
                : WHITESPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }
}
