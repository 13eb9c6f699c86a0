package ro.marc.api.common;

/** Input the API itself refuses before any command is sent (malformed id, bad cursor, bad page size). */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidInput(String field, String code, String message) {
        super(message, null, false, false);
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
