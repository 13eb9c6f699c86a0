package ro.marc.api.authorization;

/**
 * An authorization refusal: the caller may not perform the operation, or not on this object.
 * Becomes a FORBIDDEN GraphQL error; the message says what was refused, never why beyond that
 * (no hints about objects outside the caller's scope).
 */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message, null, false, false);
    }
}
