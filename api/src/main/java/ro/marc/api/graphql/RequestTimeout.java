package ro.marc.api.graphql;

import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * Answers every GraphQL request within {@code marc.graphql.request-timeout}: past it, the client gets
 * HTTP 200 with a TIMEOUT error (extensions.code TIMEOUT, timeoutMs) and the execution is cancelled —
 * Spring for GraphQL then cancels the graphql-java execution ({@code ExecutionInput.cancel()}), so no
 * further field is fetched; a fetch already in flight ends at its own client timeout (Elasticsearch:
 * {@code marc.elasticsearch.search-timeout}).
 * <p>
 * Spring's {@code TimeoutWebGraphQlInterceptor} does the same but answers HTTP 408 with no GraphQL body;
 * clients of MARC expect a GraphQL error. For subscriptions the timeout covers only the start of the
 * stream, as there.
 */
@Order(10) // after the access audit (which records the TIMEOUT) and the caller gate
public class RequestTimeout implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration timeout;

    public RequestTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).timeout(timeout, Mono.fromSupplier(() -> timedOut(request)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        log.warn("GraphQL request stopped after {} ms (operation {})", timeout.toMillis(), request.getOperationName());
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(LimitError.of(LimitError.TIMEOUT, "TIMEOUT",
                        "The request did not finish within " + timeout.toMillis() + " ms and was stopped; "
                                + "a mutation may still have taken effect, read it back before retrying",
                        Map.of("timeoutMs", timeout.toMillis())))
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
