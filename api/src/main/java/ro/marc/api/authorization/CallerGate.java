package ro.marc.api.authorization;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Refuses, before anything runs, requests whose valid token belongs to no MARC account or to a
 * deactivated one: a typed UNAUTHORIZED error (codes USER_UNKNOWN, USER_DEACTIVATED). Runs after
 * the access audit interceptor, so these refusals are audited too.
 */
@Component
@Order(0)
public class CallerGate implements WebGraphQlInterceptor {

    public static final ErrorClassification UNAUTHORIZED = ErrorClassification.errorClassification("UNAUTHORIZED");

    private static final Logger security = LoggerFactory.getLogger("ro.marc.security");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        CallerAuthentication auth = CallerAuthentication.current();
        if (auth != null && auth.caller().active()) {
            return chain.next(request);
        }
        String code = auth == null ? "UNAUTHENTICATED" : auth.caller().known() ? "USER_DEACTIVATED" : "USER_UNKNOWN";
        String message = switch (code) {
            case "USER_DEACTIVATED" -> "This MARC account is deactivated";
            case "USER_UNKNOWN" -> "This identity has no MARC account; ask an administrator to create one";
            default -> "Authentication required";
        };
        security.warn("request refused: who={} reason={}", auth == null ? "anonymous" : auth.caller().actorId(), code);
        if (auth != null) {
            auth.trail().denied(code);
        }
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .errorType(UNAUTHORIZED).message(message).extensions(Map.of("code", code)).build()).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
