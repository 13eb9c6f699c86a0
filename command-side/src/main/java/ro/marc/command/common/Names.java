package ro.marc.command.common;

import ro.marc.events.text.CleanText;

/**
 * Validation shared by every named thing: present, clean ({@link CleanText#singleLine}: one line,
 * single-spaced, NFC, no control or invisible characters), not too long.
 */
public final class Names {

    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** Returns the cleaned name, or throws naming {@code field} (REQUIRED, INVALID_CHARACTERS, TOO_LONG). */
    public static String require(String field, String name) {
        String tidy = Texts.clean(field, name, false);
        if (tidy == null || tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "The name must not be empty");
        }
        if (tidy.length() > MAX_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG",
                    "The name has " + tidy.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        return tidy;
    }
}
