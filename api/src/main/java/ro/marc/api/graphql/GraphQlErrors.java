package ro.marc.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ErrorClassification;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import ro.marc.api.access.AccessDenied;
import ro.marc.api.common.InvalidInput;
import ro.marc.command.common.CommandRejected;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns refusals into typed GraphQL errors: {@code extensions.classification} (BAD_REQUEST,
 * NOT_FOUND, CONFLICT, FORBIDDEN), {@code extensions.code} and {@code extensions.field}. Anything unexpected
 * falls through to Spring's resolver, which answers INTERNAL_ERROR without a stack trace.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    /** A concurrent edit: the caller must reload and retry. */
    public static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof CommandRejected rejected) {
            ErrorClassification type = switch (rejected.reason()) {
                case INVALID -> ErrorType.BAD_REQUEST;
                case NOT_FOUND -> ErrorType.NOT_FOUND;
                case CONFLICT -> CONFLICT;
            };
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", rejected.code());
            extensions.put("field", rejected.field());
            extensions.putAll(rejected.details());
            return error(env, type, rejected.getMessage(), extensions);
        }
        if (cause instanceof AccessDenied denied) {
            return error(env, ErrorType.FORBIDDEN, denied.getMessage(), Map.of("code", "FORBIDDEN"));
        }
        if (cause instanceof InvalidInput invalid) {
            return error(env, ErrorType.BAD_REQUEST, invalid.getMessage(), Map.of("code", invalid.code(), "field", invalid.field()));
        }
        if (cause instanceof ConcurrencyException) {
            return error(env, CONFLICT, "Someone else changed the organisation at the same moment; try again",
                    Map.of("code", "CONCURRENT_CHANGE"));
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
