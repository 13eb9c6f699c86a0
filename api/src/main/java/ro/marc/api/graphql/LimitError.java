package ro.marc.api.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import org.springframework.graphql.execution.ErrorType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed errors of the request limits ({@link QueryLimits}, {@link ExpensiveOperationLimiter},
 * {@link RequestTimeout}): {@code extensions.classification} and {@code extensions.code}, plus the figures
 * the client needs (the computed cost and the limit, …).
 *
 * <table>
 *   <tr><th>code</th><th>classification</th><th>meaning</th></tr>
 *   <tr><td>QUERY_TOO_COSTLY</td><td>BAD_REQUEST</td><td>the document's cost ({@code cost}) exceeds {@code limit}; nothing ran</td></tr>
 *   <tr><td>QUERY_TOO_DEEP</td><td>BAD_REQUEST</td><td>nesting ({@code depth}) deeper than {@code limit}; nothing ran</td></tr>
 *   <tr><td>TOO_MANY_ALIASES</td><td>BAD_REQUEST</td><td>more aliased fields ({@code aliases}) than {@code limit}; nothing ran</td></tr>
 *   <tr><td>TOO_MANY_FIELDS</td><td>BAD_REQUEST</td><td>more selected fields ({@code fields}, fragments expanded) than {@code limit}; nothing ran</td></tr>
 *   <tr><td>TOO_MANY_REQUESTS</td><td>TOO_MANY_REQUESTS</td><td>the caller ({@code scope: CALLER}) or this node ({@code scope: NODE})
 *       already runs {@code limit} expensive requests; nothing ran, retry later</td></tr>
 *   <tr><td>TIMEOUT</td><td>TIMEOUT</td><td>the request did not finish within {@code timeoutMs}; its remaining work was
 *       cancelled (a mutation may still have taken effect: read before retrying)</td></tr>
 * </table>
 */
public final class LimitError {

    public static final ErrorClassification TOO_MANY_REQUESTS = ErrorClassification.errorClassification("TOO_MANY_REQUESTS");
    public static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private LimitError() {
    }

    public static GraphQLError of(ErrorClassification type, String code, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(details);
        return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(extensions).build();
    }

    public static GraphQLError badRequest(String code, String message, Map<String, Object> details) {
        return of(ErrorType.BAD_REQUEST, code, message, details);
    }

    /** Thrown from an instrumentation: graphql-java stops the request and answers exactly this error. */
    static AbortExecutionException abort(GraphQLError error) {
        return new AbortExecutionException(List.of(error));
    }
}
