package ro.marc.api.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.time.Duration;
import java.util.Map;

/**
 * Bounds on what one GraphQL request may ask for and hold, so a single query (or caller) cannot exhaust
 * the server: depth, aliases, fields and cost refused before anything runs ({@link QueryLimits} with the
 * {@link FieldCost} model), expensive requests limited per caller and per node
 * ({@link ExpensiveOperationLimiter}), and a deadline for every request ({@link RequestTimeout}).
 * Keys under {@code marc.graphql} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    /** First: a document too deep is refused as such, before its (then also too high) cost is computed. */
    @Bean
    @Order(0)
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${marc.graphql.max-depth}") int depth) {
        return new MaxQueryDepthInstrumentation(depth) {
            @Override
            protected AbortExecutionException mkAbortException(int depthReached, int maxDepth) {
                return LimitError.abort(LimitError.badRequest("QUERY_TOO_DEEP",
                        "The document's depth is " + depthReached + "; at most " + maxDepth + " levels are allowed",
                        Map.of("depth", depthReached, "limit", maxDepth)));
            }
        };
    }

    @Bean
    ExpensiveOperationLimiter expensiveOperationLimiter(
            @Value("${marc.graphql.expensive.per-caller:2}") int perCaller,
            @Value("${marc.graphql.expensive.per-node:8}") int perNode) {
        return new ExpensiveOperationLimiter(perCaller, perNode);
    }

    @Bean
    @Order(1)
    QueryLimits queryLimits(@Value("${marc.graphql.max-cost:10000}") int maxCost,
                            @Value("${marc.graphql.expensive.min-cost:2000}") int expensiveCost,
                            @Value("${marc.graphql.max-aliases:30}") int maxAliases,
                            @Value("${marc.graphql.max-fields:1000}") int maxFields,
                            ExpensiveOperationLimiter limiter) {
        return new QueryLimits(maxCost, expensiveCost, maxAliases, maxFields, limiter);
    }

    @Bean
    RequestTimeout requestTimeout(@Value("${marc.graphql.request-timeout}") Duration timeout) {
        return new RequestTimeout(timeout);
    }
}
