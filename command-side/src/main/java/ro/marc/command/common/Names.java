package ro.marc.command.common;

import ro.marc.events.text.RomanianText;

/** Validation shared by every named thing: present, not too long, tidy white space. */
public final class Names {

    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** Returns the tidied name, or throws naming {@code field}. */
    public static String require(String field, String name) {
        String tidy = RomanianText.normaliseName(name);
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
