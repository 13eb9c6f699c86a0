package ro.marc.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.common.BoundedCache;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents, kept by their text (clients send the same few documents again and
 * again): a hit skips graphql-java's parse and validation. The key also holds the operation name,
 * because {@link QueryLimits} counts the aliases and fields of the selected operation while the
 * document is validated — a document validated for one operation is not validated for another — and
 * the locale (validation messages are localised). A document refused in validation by an exception
 * ({@link QueryLimits}' TOO_MANY_ALIASES / TOO_MANY_FIELDS) is not kept, so it is refused every time;
 * one refused with validation errors is kept with its errors (the same answer, cheaper). Depth, cost
 * and the expensive-request permits are decided at execution, on every request, as before.
 */
@Configuration(proxyBeanMethods = false)
public class ParsedDocumentCache implements PreparsedDocumentProvider {

    record Key(String query, String operationName, Locale locale) {
    }

    private final BoundedCache<Key, PreparsedDocumentEntry> documents;

    public ParsedDocumentCache(@Value("${marc.graphql.document-cache.max-entries:2000}") int maxEntries) {
        this.documents = new BoundedCache<>(maxEntries);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), Objects.requireNonNullElse(input.getOperationName(), ""), input.getLocale());
        return CompletableFuture.completedFuture(documents.get(key, k -> parseAndValidate.apply(input)));
    }

    int size() {
        return documents.size();
    }
}
