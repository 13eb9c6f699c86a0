package ro.marc.query.common;

/**
 * A cursor ({@code after}) that no page of this list produced: not base64url, not of the expected
 * shape, or holding a value of the wrong kind (a negative offset, a malformed id or instant).
 * The API answers it as a typed BAD_REQUEST ({@code INVALID_CURSOR}) naming the argument; the
 * message quotes at most a short prefix of the cursor.
 */
public class InvalidCursor extends IllegalArgumentException {

    public InvalidCursor(String message) {
        super(message);
    }
}
