package ro.marc.command.common;

/** Validation of free text (descriptions, reasons, the long fields of a form). */
public final class Texts {

    private Texts() {
    }

    /** Trimmed; null when absent or blank; INVALID TOO_LONG (naming {@code field}) above {@code max} characters. */
    public static String optional(String field, String value, int max) {
        String tidy = value == null ? null : value.strip();
        if (tidy == null || tidy.isEmpty()) {
            return null;
        }
        if (tidy.length() > max) {
            throw CommandRejected.invalid(field, "TOO_LONG",
                    "The text has " + tidy.length() + " characters; at most " + max + " are allowed");
        }
        return tidy;
    }
}
