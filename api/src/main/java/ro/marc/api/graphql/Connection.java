package ro.marc.api.graphql;

import ro.marc.query.common.Page;

import java.util.ArrayList;
import java.util.List;

/** Relay-style connection built from a keyset page. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public static <T> Connection<T> of(Page<T> page) {
        List<Edge<T>> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new Edge<>(page.cursors().get(i), page.items().get(i)));
        }
        return new Connection<>(edges, new PageInfo(page.hasNextPage(), page.endCursor()));
    }
}
