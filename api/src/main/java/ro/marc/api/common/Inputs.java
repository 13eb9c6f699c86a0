package ro.marc.api.common;

import java.util.UUID;

/** Parsing of GraphQL arguments into domain values, with errors that name the argument. */
public final class Inputs {

    public static final int MAX_PAGE = 500;

    private Inputs() {
    }

    public static UUID id(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "MALFORMED_ID", "'" + value + "' is not a valid id (a UUID is expected)");
        }
    }

    public static UUID idOrNew(String field, String value) {
        return value == null ? UUID.randomUUID() : id(field, value);
    }

    public static int pageSize(String field, Integer first) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput(field, "OUT_OF_RANGE", "'" + field + "' must be between 1 and " + MAX_PAGE);
        }
        return size;
    }
}
