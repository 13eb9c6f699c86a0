package ro.marc.query.search;

/**
 * Search highlights as safe HTML. Elasticsearch highlights the folded text ("anticoruptie"),
 * HTML-escaped by its {@code html} encoder, with {@code <em>} around the matches; users must see
 * their own spelling ("Anticorupție"). Names are stored composed (NFC), and the fold keeps one
 * character per character ({@link ro.marc.events.text.RomanianText#fold}), so the marked
 * positions are carried over to the original text. The result is the text HTML-escaped
 * ({@code & < > " '}) with only our own {@code <em>}/{@code </em>} tags: a name like
 * {@code <img src=x onerror=alert(1)>} comes back as {@code &lt;img …}, never as markup.
 */
public final class Highlights {

    public static final String OPEN = "<em>";
    public static final String CLOSE = "</em>";

    private Highlights() {
    }

    /**
     * {@code original} escaped, with the matches that {@code highlightedFolded} (Elasticsearch's
     * html-encoded highlight of the folded text) marks; when the two cannot be lined up character
     * for character, the folded text with its marks; when the highlight cannot be read, the
     * original escaped without marks.
     */
    public static String onOriginal(String original, String highlightedFolded) {
        if (original == null) {
            return null;
        }
        if (highlightedFolded == null) {
            return escape(original);
        }
        StringBuilder plain = new StringBuilder(highlightedFolded.length());
        StringBuilder marks = new StringBuilder(highlightedFolded.length()); // '1' = inside <em>
        boolean inside = false;
        for (int i = 0; i < highlightedFolded.length(); ) {
            if (highlightedFolded.startsWith(OPEN, i)) {
                inside = true;
                i += OPEN.length();
            } else if (highlightedFolded.startsWith(CLOSE, i)) {
                inside = false;
                i += CLOSE.length();
            } else if (highlightedFolded.charAt(i) == '&') {
                int end = highlightedFolded.indexOf(';', i);
                int decoded = end < 0 || end - i > 10 ? -1 : entity(highlightedFolded.substring(i + 1, end));
                if (decoded < 0) {
                    return escape(original);
                }
                int before = plain.length();
                plain.appendCodePoint(decoded);
                marks.repeat(inside ? '1' : '0', plain.length() - before);
                i = end + 1;
            } else {
                plain.append(highlightedFolded.charAt(i));
                marks.append(inside ? '1' : '0');
                i++;
            }
        }
        String text = plain.length() == original.length() ? original : plain.toString();
        return render(text, marks);
    }

    /** The text HTML-escaped, no marks: what {@code highlight} carries when nothing matched. */
    public static String escape(String text) {
        return text == null ? null : render(text, null);
    }

    private static String render(String text, CharSequence marks) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            boolean marked = marks != null && marks.charAt(i) == '1';
            if (marked != open) {
                out.append(marked ? OPEN : CLOSE);
                open = marked;
            }
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        if (open) {
            out.append(CLOSE);
        }
        return out.toString();
    }

    /** The character an HTML entity stands for (the ones Elasticsearch's html encoder writes, and numeric ones); -1 if unknown. */
    private static int entity(String name) {
        switch (name) {
            case "amp": return '&';
            case "lt": return '<';
            case "gt": return '>';
            case "quot": return '"';
            case "apos": return '\'';
            default:
        }
        try {
            int cp;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                cp = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                cp = Integer.parseInt(name.substring(1));
            } else {
                return -1;
            }
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
