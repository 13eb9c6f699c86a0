package ro.marc.api.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import ro.marc.api.graphql.Connection.Edge;
import ro.marc.api.graphql.Connection.PageInfo;
import ro.marc.query.common.Page;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * A {@link Connection} with {@code totalCount}: how many items the list has over all its pages. The count is a
 * query of its own, so it runs only when the request selects {@code totalCount}.
 */
public record CountedConnection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    public static <T> CountedConnection<T> of(Page<T> page, DataFetchingFieldSelectionSet selection, IntSupplier count) {
        Connection<T> connection = Connection.of(page);
        Integer total = selection != null && selection.contains("totalCount") ? count.getAsInt() : null;
        return new CountedConnection<>(connection.edges(), connection.pageInfo(), total);
    }

    public static <T> CountedConnection<T> empty() {
        return new CountedConnection<>(List.of(), new PageInfo(false, null), 0);
    }
}
