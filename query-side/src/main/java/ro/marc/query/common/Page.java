package ro.marc.query.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list. {@code endCursor} is opaque to callers; {@code hasNextPage}
 * is known without a count because one extra row is fetched.
 */
public record Page<T>(List<T> items, List<String> cursors, boolean hasNextPage) {

    /**
     * The page of a keyset query that fetched {@code first + 1} rows: the extra row only tells that
     * there is a next page. {@code cursorOf} gives each kept row's cursor.
     */
    public static <T> Page<T> of(List<T> rows, int first, Function<T, String> cursorOf) {
        return of(rows, first, cursorOf, Function.identity());
    }

    /** Like {@link #of(List, int, Function)}, mapping each kept row (e.g. a row with its sort key) to its view. */
    public static <R, T> Page<T> of(List<R> rows, int first, Function<R, String> cursorOf, Function<R, T> view) {
        boolean more = rows.size() > first;
        List<R> kept = more ? rows.subList(0, first) : rows;
        return new Page<>(kept.stream().map(view).toList(), kept.stream().map(cursorOf).toList(), more);
    }

    public String endCursor() {
        return cursors.isEmpty() ? null : cursors.getLast();
    }
}
