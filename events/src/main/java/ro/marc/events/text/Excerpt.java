package ro.marc.events.text;

/**
 * What an error message may quote of something a client sent: at most {@value #MAX_CHARACTERS}
 * characters, then "…", with control, format (bidi, zero-width) and surrogate characters shown as
 * {@code [U+XXXX]} so a message never carries them raw. Every refusal that echoes input goes
 * through here (ids, cursors, names, numbers), so a 1 MB argument is never sent back whole.
 */
public final class Excerpt {

    public static final int MAX_CHARACTERS = 40;
    /** Longest message a refusal may carry at all (a safety net behind the per-site excerpts). */
    public static final int MAX_MESSAGE = 500;

    private Excerpt() {
    }

    /** The first {@value #MAX_CHARACTERS} characters of {@code input}, made printable, "…" when cut. */
    public static String of(String input) {
        return of(input, MAX_CHARACTERS);
    }

    /** The first {@code maxCharacters} characters of {@code input}, made printable, "…" when cut. */
    public static String of(String input, int maxCharacters) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), maxCharacters) + 8);
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            if (count == maxCharacters) {
                return out.append('…').toString();
            }
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (CleanText.isUnsafe(cp)) {
                out.append('[').append(CleanText.label(cp)).append(']');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** {@link #of} between single quotes. */
    public static String quoted(String input) {
        return "'" + of(input) + "'";
    }

    /** {@code message} cut to {@value #MAX_MESSAGE} characters (with "…"); null stays null. */
    public static String capped(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = MAX_MESSAGE - 1;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "…";
    }
}
