package ro.marc.query.search;

import ro.marc.events.text.RomanianText;

/**
 * Elasticsearch highlights the folded text ("anticoruptie"); users must see their own spelling
 * ("Anticorupție"). Names are stored composed (NFC), so folding maps character to character and
 * the tags can be carried over position by position.
 */
final class Highlights {

    private static final String OPEN = "<em>";
    private static final String CLOSE = "</em>";

    private Highlights() {
    }

    static String onOriginal(String original, String highlightedFolded) {
        if (RomanianText.fold(original).length() != original.length()) {
            return highlightedFolded; // not a character-for-character fold: show the folded highlight
        }
        StringBuilder out = new StringBuilder(highlightedFolded.length());
        int position = 0;
        for (int i = 0; i < highlightedFolded.length(); ) {
            if (highlightedFolded.startsWith(OPEN, i)) {
                out.append(OPEN);
                i += OPEN.length();
            } else if (highlightedFolded.startsWith(CLOSE, i)) {
                out.append(CLOSE);
                i += CLOSE.length();
            } else {
                if (position >= original.length()) {
                    return highlightedFolded;
                }
                out.append(original.charAt(position++));
                i++;
            }
        }
        return position == original.length() ? out.toString() : highlightedFolded;
    }
}
