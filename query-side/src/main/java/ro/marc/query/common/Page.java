package ro.marc.query.common;

import java.util.List;

/**
 * One page of a keyset-paginated list. {@code endCursor} is opaque to callers; {@code hasNextPage}
 * is known without a count because one extra row is fetched.
 */
public record Page<T>(List<T> items, List<String> cursors, boolean hasNextPage) {

    public String endCursor() {
        return cursors.isEmpty() ? null : cursors.getLast();
    }
}
