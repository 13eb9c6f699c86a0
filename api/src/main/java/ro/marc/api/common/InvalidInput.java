package ro.marc.api.common;

import ro.marc.events.text.Excerpt;

/**
 * Input the API itself refuses before any command is sent (malformed id, bad cursor, bad page size).
 * Messages quote client input only through {@link Excerpt}, and are capped at
 * {@value Excerpt#MAX_MESSAGE} characters whatever they hold.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidInput(String field, String code, String message) {
        super(Excerpt.capped(message), null, false, false);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
