package ro.marc.events.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds Romanian text for comparison and search: lower case, no diacritics.
 * Both the comma-below letters (ș ț) and the legacy cedilla letters (ş ţ) fold to s/t, so
 * "Anticorupţie", "Anticorupție" and "anticoruptie" compare equal. The Elasticsearch build we
 * run has no asciifolding filter, so this is applied in Java before indexing and querying.
 *
 * <p>The fold works character by character and never makes a text longer: a letter with
 * accents becomes its base letter, in lower case; a letter without a base-plus-accents
 * decomposition (a Hangul syllable, a CJK ideograph, a ligature) stays one character, so
 * "한"×200 folds to 200 characters, not 400–600 jamo; a combining accent on its own (one NFC
 * could not compose with its letter) is dropped, other marks (Indic vowel signs …) are kept.
 * For composed (NFC) text without such lone accents the fold has exactly the length of the
 * text, character for character, which search highlights rely on ({@code Highlights}).
 */
public final class RomanianText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RomanianText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isAccent(cp)) {
                continue; // an accent not composed with its letter: dropped, as composed accents are
            }
            int base = baseLetter(cp);
            int lower = Character.toLowerCase(base);
            out.appendCodePoint(Character.charCount(lower) == Character.charCount(base) ? lower : base);
        }
        return out.toString();
    }

    /**
     * The letter under the accents (ș → s, Ă → A), or the character itself when its canonical
     * decomposition is not one letter followed by marks only (Hangul syllables decompose into
     * several jamo and stay whole).
     */
    private static int baseLetter(int cp) {
        if (cp < 0xC0) {
            return cp; // ASCII and Latin-1 symbols decompose to nothing else
        }
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        int first = decomposed.codePointAt(0);
        if (isMark(first) || Character.charCount(first) != Character.charCount(cp)) {
            return cp;
        }
        for (int j = Character.charCount(first); j < decomposed.length(); ) {
            int next = decomposed.codePointAt(j);
            if (!isMark(next)) {
                return cp;
            }
            j += Character.charCount(next);
        }
        return first;
    }

    /**
     * A combining accent of the diacritical-mark blocks (U+0300–U+036F, U+1AB0–U+1AFF,
     * U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F). Other marks on their own (the vowel signs of
     * Indic scripts, Hebrew points, Arabic vowels) are letters of their script and are kept.
     */
    private static boolean isAccent(int cp) {
        return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
                || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * The key under which two names count as "the same name": folded, trimmed, single-spaced.
     * Names are {@link CleanText cleaned} before they are stored, so on stored names this is just
     * the fold; for text stored before the cleaner existed it also leaves out invisible and control
     * characters and the soft hyphen and reads every Unicode space as a space, so "Bir\u200Boul"
     * already stored still clashes with "Biroul".
     */
    public static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder visible = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                visible.append(' ');
            } else if (cp != 0x00AD && !CleanText.isUnsafe(cp)) {
                visible.appendCodePoint(cp);
            }
        }
        return WHITESPACE.matcher(fold(visible.toString()).strip()).replaceAll(" ");
    }

    /**
     * Trims and collapses inner white space and composes letters (NFC), keeping the user's
     * letters and case; composed text folds character for character, which search highlights rely on.
     * Refuses nothing: commands go through {@link CleanText#singleLine}, which also refuses
     * control and invisible characters.
     */
    public static String normaliseName(String name) {
        return name == null ? null
                : WHITESPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }
}
