package ro.marc.api.graphql;

import graphql.GraphQLError;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;
import ro.marc.api.authorization.CallerAuthentication;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perCaller} expensive requests of one caller, and {@code global} of all callers, run at
 * the same time on this node (the counts are per node: behind a load balancer with n nodes a caller
 * may run n × perCaller). A request is expensive when it selects an Elasticsearch-backed field or costs
 * at least {@code marc.graphql.expensive-cost} points ({@link QueryLimits} decides, before it runs). One
 * more is refused at once with TOO_MANY_REQUESTS rather than queued; cheap requests never wait here.
 * A permit is held until graphql-java has finished the request's work, which after a TIMEOUT may be a
 * little later than the answer (an Elasticsearch call in flight ends at the client's own timeout).
 * <p>
 * As an interceptor it only hands the caller's id to the execution (the GraphQL context), where the
 * instrumentation can read it whatever thread it runs on.
 */
@Order(5) // after CallerGate (0): only callers with an active account get here
public class ExpensiveOperationLimiter implements WebGraphQlInterceptor {

    static final String CALLER_KEY = ExpensiveOperationLimiter.class.getName() + ".caller";

    private final int perCaller;
    private final int global;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();

    public ExpensiveOperationLimiter(int perCaller, int global) {
        this.perCaller = perCaller;
        this.global = global;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        CallerAuthentication auth = CallerAuthentication.current();
        String caller = auth == null ? "anonymous" : auth.caller().actorId();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CALLER_KEY, caller)).build());
        return chain.next(request);
    }

    /** A held permit; {@link #release()} is idempotent. */
    public final class Permit {
        private final String caller;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String caller) {
            this.caller = caller;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
                byCaller.computeIfPresent(caller, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
        }
    }

    /** A permit, or the TOO_MANY_REQUESTS error to answer with. */
    public sealed interface Outcome permits Granted, Refused {
    }

    public record Granted(Permit permit) implements Outcome {
    }

    public record Refused(GraphQLError error) implements Outcome {
    }

    public Outcome tryAcquire(String caller) {
        String key = caller == null ? "anonymous" : caller;
        boolean[] admitted = {false};
        byCaller.compute(key, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < perCaller) {
                c.incrementAndGet();
                admitted[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        if (!admitted[0]) {
            return new Refused(refusal("CALLER", perCaller,
                    "You already run " + perCaller + " expensive requests (searches or large reads); wait for them to finish"));
        }
        if (running.incrementAndGet() > global) {
            running.decrementAndGet();
            byCaller.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
            return new Refused(refusal("NODE", global, "The server is busy with expensive requests; retry in a moment"));
        }
        return new Granted(new Permit(key));
    }

    /** Expensive requests running now (all callers), for tests and diagnostics. */
    public int running() {
        return running.get();
    }

    private static GraphQLError refusal(String scope, int limit, String message) {
        return LimitError.of(LimitError.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", message,
                Map.of("scope", scope, "limit", limit));
    }
}
