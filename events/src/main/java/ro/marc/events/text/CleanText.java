package ro.marc.events.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one cleaner of free text that clients send (names, descriptions, reasons, the Anexa 5
 * fields, display names, e-mail addresses, identity parts). Every aggregate calls it (through the
 * command side's {@code Names} and {@code Texts}), so commands from GraphQL, demo seeders and
 * bootstraps are held to the same rules.
 *
 * <p>The policy, per kind of field:
 * <ul>
 *   <li><b>Refused</b> (all kinds), with {@link Refused} naming the field, the character as
 *       {@code U+XXXX} and its position: C0 and C1 control characters (NUL, BEL, ESC, DEL, U+0085 …)
 *       other than the line breaks and tab below; lone surrogates; every format character
 *       (Unicode category Cf), which covers the bidi controls (U+061C, U+200E, U+200F,
 *       U+202A–U+202E, U+2066–U+2069), the zero-width characters (U+200B–U+200D, U+2060–U+2064),
 *       a byte order mark inside the text (U+FEFF) and the tag characters (U+E0000–U+E007F); the
 *       invisible letters and fillers that pass for blanks (U+034F, U+115F, U+1160, U+17B4,
 *       U+17B5, U+180B–U+180F, U+2800, U+3164, U+FFA0), the variation selectors
 *       (U+FE00–U+FE0F, U+E0100–U+E01EF) and the noncharacters (U+FDD0–U+FDEF, U+xxFFFE/F).</li>
 *   <li><b>Removed or replaced</b>, because a user pasting from a word processor expects it and
 *       sees no difference: white space (including a byte order mark U+FEFF) at either end is
 *       trimmed; the soft hyphen U+00AD is removed (names, texts); no-break and other Unicode
 *       spaces (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000, U+1680) become a plain space.</li>
 *   <li><b>Single-line</b> fields (names, display names, e-mail addresses): tab, CR, LF, U+2028
 *       and U+2029 count as white space; every run of white space becomes one space.</li>
 *   <li><b>Multi-line</b> fields (descriptions, reasons, the Anexa 5 texts): tab and line breaks
 *       are kept, CR LF and CR (and U+2028, U+2029) become LF; inner spaces are kept.</li>
 *   <li><b>Identifiers</b> (the identity provider's issuer and subject, user ids): trimmed, the
 *       refused characters above refused, and nothing else changed (no NFC, no space mapping):
 *       they are compared with token claims byte for byte. Inner tab, line breaks and non-ASCII
 *       spaces are refused too.</li>
 * </ul>
 * Names and texts are then composed (Unicode NFC), so composed text {@link RomanianText#fold folds}
 * character for character. Uniqueness ({@link RomanianText#nameKey}) is decided on the cleaned text.
 */
public final class CleanText {

    /** The {@code code} of a refusal: the text holds a character MARC does not store. */
    public static final String INVALID_CHARACTERS = "INVALID_CHARACTERS";

    private CleanText() {
    }

    /** A name-like field: one line, single-spaced, NFC. Null stays null; may return "" (callers decide on blanks). */
    public static String singleLine(String field, String text) {
        return clean(field, text, Kind.SINGLE_LINE);
    }

    /** A free-text field that may span lines: tabs and line feeds kept, NFC. Null stays null. */
    public static String multiLine(String field, String text) {
        return clean(field, text, Kind.MULTI_LINE);
    }

    /** An identifier (issuer, subject, user id): trimmed and checked, never rewritten. Null stays null. */
    public static String identifier(String field, String text) {
        return clean(field, text, Kind.IDENTIFIER);
    }

    private enum Kind { SINGLE_LINE, MULTI_LINE, IDENTIFIER }

    private static String clean(String field, String text, Kind kind) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        int position = 0; // 1-based code point position in the text as received, for messages
        while (start < end && isEdgeBlank(text.charAt(start))) {
            start++;
            position++;
        }
        while (end > start && isEdgeBlank(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        boolean lastWasSpace = false;
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            position++;
            if (Character.getType(cp) == Character.SURROGATE) {
                throw new Refused(field, cp, position);
            }
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
                switch (kind) {
                    case IDENTIFIER -> throw new Refused(field, cp, position);
                    case SINGLE_LINE -> {
                        if (!lastWasSpace) {
                            out.append(' ');
                        }
                        lastWasSpace = true;
                    }
                    case MULTI_LINE -> {
                        if (cp == '\t') {
                            out.append('\t');
                        } else if (cp == '\r' && next < end && text.charAt(next) == '\n') {
                            // CR LF: one line feed, counted when the LF comes
                        } else {
                            out.append('\n');
                        }
                        lastWasSpace = false;
                    }
                }
            } else if (cp == ' ' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                if (kind == Kind.IDENTIFIER && cp != ' ') {
                    throw new Refused(field, cp, position);
                }
                if (kind != Kind.SINGLE_LINE || !lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else if (cp == 0x00AD && kind != Kind.IDENTIFIER) {
                // soft hyphen: an invisible hyphenation hint (Word pastes it); dropped
            } else if (isUnsafe(cp)) {
                throw new Refused(field, cp, position);
            } else {
                out.appendCodePoint(cp);
                lastWasSpace = false;
            }
            i = next;
        }
        String cleaned = out.toString().strip(); // a removed soft hyphen may have stood between blanks and the text
        return kind == Kind.IDENTIFIER ? cleaned : Normalizer.normalize(cleaned, Normalizer.Form.NFC);
    }

    /** Trimmed at either end: ASCII and Unicode white space, line separators and the byte order mark. */
    private static boolean isEdgeBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /**
     * True for a code point MARC never stores: controls (including tab and line breaks — the
     * cleaner handles those before asking), surrogates, format characters, invisible fillers,
     * variation selectors and noncharacters.
     */
    public static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || isInvisible(cp) || isVariationSelector(cp) || isNoncharacter(cp);
    }

    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Letters and marks that render as nothing or as a blank, used to make look-alike names. */
    static boolean isInvisible(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800 || cp == 0x3164 || cp == 0xFFA0;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** "U+200B". */
    public static String label(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static String kindOf(int cp) {
        int type = Character.getType(cp);
        if (type == Character.SURROGATE) {
            return "a lone surrogate (half of a character)";
        }
        if (type == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
            return "a control character";
        }
        if (isBidiControl(cp)) {
            return "a bidirectional-text control";
        }
        if (isNoncharacter(cp)) {
            return "a noncharacter";
        }
        if (type == Character.SPACE_SEPARATOR) {
            return "a special space";
        }
        return "an invisible character";
    }

    /**
     * A text refused for one of its characters. {@link #field()} as the API spells it,
     * {@link #code()} {@value #INVALID_CHARACTERS}, the character ({@code U+XXXX}) and its
     * 1-based position among the code points received; the message never quotes the text.
     */
    public static final class Refused extends IllegalArgumentException {

        private final String field;
        private final int codePoint;
        private final int position;

        public Refused(String field, int codePoint, int position) {
            super("'" + field + "' contains " + kindOf(codePoint) + ", " + label(codePoint) + describe(codePoint)
                    + ", at position " + position + "; remove it", null);
            this.field = field;
            this.codePoint = codePoint;
            this.position = position;
        }

        private static String describe(int cp) {
            String name = Character.getType(cp) == Character.SURROGATE ? null : Character.getName(cp);
            return name == null ? "" : " (" + name + ")";
        }

        public String field() {
            return field;
        }

        public String code() {
            return INVALID_CHARACTERS;
        }

        /** "U+200B". */
        public String character() {
            return label(codePoint);
        }

        public int codePoint() {
            return codePoint;
        }

        public int position() {
            return position;
        }
    }
}
