package ro.marc.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ErrorClassification;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.common.InvalidInput;
import ro.marc.command.common.CommandRejected;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns refusals into typed GraphQL errors: {@code extensions.classification} (BAD_REQUEST,
 * NOT_FOUND, CONFLICT, FORBIDDEN, SERVICE_UNAVAILABLE), {@code extensions.code} and {@code extensions.field}.
 * A database failure is typed too (DATABASE_UNAVAILABLE when transient, else DATABASE_ERROR), and its
 * message never carries the driver's text (which can quote the statement and its values). Anything
 * unexpected falls through to Spring's resolver, which answers INTERNAL_ERROR without a stack trace.
 * Every code is listed in {@code graphql/errors.graphqls} (enum ErrorCode).
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    /** A concurrent edit: the caller must reload and retry. */
    public static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

    /** A service MARC depends on (the database) is unavailable for now: retry later. */
    public static final ErrorClassification SERVICE_UNAVAILABLE = ErrorClassification.errorClassification("SERVICE_UNAVAILABLE");

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** How a refused command is classified ({@code extensions.classification}), here and on MARC's HTTP endpoints. */
    public static ErrorClassification classification(CommandRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
        };
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof CommandRejected rejected) {
            ErrorClassification type = classification(rejected.reason());
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
        if (databaseFailure(cause)) {
            // never the driver's message: it can quote the statement and its parameters (the payload)
            boolean transient_ = transientFailure(cause);
            log.error("Database error in {} ({}): {}", env.getField().getName(),
                    transient_ ? "DATABASE_UNAVAILABLE" : "DATABASE_ERROR", rootType(cause));
            return error(env, transient_ ? SERVICE_UNAVAILABLE : ErrorType.INTERNAL_ERROR, transient_
                            ? "The database is temporarily unavailable; nothing was changed by this field. Try again shortly."
                            : "A database error prevented this operation; nothing was changed by this field.",
                    Map.of("code", transient_ ? "DATABASE_UNAVAILABLE" : "DATABASE_ERROR"));
        }
        if (searchFailure(cause)) {
            log.error("Search unavailable in {}: {}", env.getField().getName(), rootType(cause));
            return error(env, SERVICE_UNAVAILABLE, "Search is temporarily unavailable; try again shortly.",
                    Map.of("code", "SEARCH_UNAVAILABLE"));
        }
        return null;
    }

    /** Elasticsearch could not be reached, timed out or refused (the search clients' I/O or transport errors). */
    static boolean searchFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.UncheckedIOException || t instanceof co.elastic.clients.transport.TransportException
                    || t instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException) {
                return true;
            }
        }
        return false;
    }

    /** A data-access failure anywhere in the chain: Spring's, JDBC's, Axon's JDBC layer, or a transaction that could not start. */
    static boolean databaseFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException || t instanceof TransactionException
                    || t instanceof org.axonframework.common.jdbc.JdbcException) {
                return true;
            }
        }
        return false;
    }

    /** The database could not be reached or refused for now (connection, timeout, serialization, admin shutdown). */
    static boolean transientFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01")))) {
                return true;
            }
        }
        return false;
    }

    private static String rootType(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql ? " SQLState " + sql.getSQLState() : "";
        return ex.getClass().getSimpleName() + " <- " + root.getClass().getName() + state;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
