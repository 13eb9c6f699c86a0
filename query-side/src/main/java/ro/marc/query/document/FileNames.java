package ro.marc.query.document;

import java.text.Normalizer;

/** File names for generated documents: ASCII letters, digits and dashes (diacritics folded), at most 80 characters. */
final class FileNames {

    private FileNames() {
    }

    static String safe(String text) {
        if (text == null || text.isBlank()) {
            return "document";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (folded.isEmpty()) {
            return "document";
        }
        return folded.length() > 80 ? folded.substring(0, 80).replaceAll("-+$", "") : folded;
    }
}
