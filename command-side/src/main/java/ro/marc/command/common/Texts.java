package ro.marc.command.common;

import ro.marc.events.text.CleanText;
import ro.marc.events.text.Excerpt;

import java.util.Map;

/**
 * Validation of free text (descriptions, reasons, the long fields of a form) and the one place
 * where the command side turns {@link CleanText}'s refusals into typed {@link CommandRejected}s.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * Cleaned ({@link CleanText#multiLine}: tabs and line feeds kept, NFC, no control or invisible
     * characters); null when absent or blank; INVALID TOO_LONG (naming {@code field}) above {@code max} characters.
     */
    public static String optional(String field, String value, int max) {
        return limited(field, clean(field, value, true), max);
    }

    private static String limited(String field, String tidy, int max) {
        if (tidy == null || tidy.isEmpty()) {
            return null;
        }
        if (tidy.length() > max) {
            throw CommandRejected.invalid(field, "TOO_LONG",
                    "The text has " + tidy.length() + " characters; at most " + max + " are allowed");
        }
        return tidy;
    }

    /** Like {@link #optional} for a one-line text (a reference, a title): {@link CleanText#singleLine}. */
    public static String optionalLine(String field, String value, int max) {
        return limited(field, clean(field, value, false), max);
    }

    /**
     * A number written as digits only (an act's, an article's, a criminal file's): {@code tidy} is the value already
     * tidied and present; INVALID DIGITS_ONLY, then TOO_LONG above {@code max} digits, naming {@code field}.
     */
    public static String digits(String field, String tidy, int max, String what) {
        if (!tidy.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw CommandRejected.invalid(field, "DIGITS_ONLY", what + " must contain digits only, not " + Excerpt.quoted(tidy));
        }
        if (tidy.length() > max) {
            throw CommandRejected.invalid(field, "TOO_LONG",
                    what + " has " + tidy.length() + " digits; at most " + max + " are allowed");
        }
        return tidy;
    }

    /** {@link CleanText#singleLine} or {@link CleanText#multiLine}; INVALID INVALID_CHARACTERS naming {@code field}. */
    public static String clean(String field, String value, boolean multiLine) {
        try {
            return multiLine ? CleanText.multiLine(field, value) : CleanText.singleLine(field, value);
        } catch (CleanText.Refused refused) {
            throw rejected(refused);
        }
    }

    /** {@link CleanText#identifier}: an identity part or user id, trimmed and checked, never rewritten. */
    public static String identifier(String field, String value) {
        try {
            return CleanText.identifier(field, value);
        } catch (CleanText.Refused refused) {
            throw rejected(refused);
        }
    }

    private static CommandRejected rejected(CleanText.Refused refused) {
        return new CommandRejected(CommandRejected.Reason.INVALID, refused.field(), refused.code(), refused.getMessage(),
                Map.of("character", refused.character(), "position", refused.position()));
    }
}
