package ro.marc.api.authorization;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Before a top-level field runs, records in the request's {@link AccessTrail} the ids it was asked
 * for (every argument value that is a UUID, also inside input objects and lists), so a refusal
 * decided on the caller's role alone — before any object is loaded — still names the objects in the
 * access audit ({@link AccessPolicy#deny}).
 */
@Component
public class RequestedObjects extends SimplePerformantInstrumentation {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_IDS = 50;
    private static final int MAX_DEPTH = 5;

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return dataFetcher;
        }
        return env -> {
            CallerAuthentication auth = CallerAuthentication.current();
            if (auth != null && !env.getArguments().isEmpty()) {
                Set<UUID> ids = new LinkedHashSet<>();
                collect(env.getArguments().values(), ids, 0);
                auth.trail().asked(env.getField().getName(), ids);
            }
            return dataFetcher.get(env);
        };
    }

    private static void collect(Collection<?> values, Set<UUID> ids, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Object value : values) {
            if (ids.size() >= MAX_IDS) {
                return;
            }
            switch (value) {
                case String s when s.length() == 36 && UUID_TEXT.matcher(s).matches() -> ids.add(UUID.fromString(s));
                case UUID u -> ids.add(u);
                case Map<?, ?> m -> collect(m.values(), ids, depth + 1);
                case Collection<?> c -> collect(c, ids, depth + 1);
                case null, default -> {
                }
            }
        }
    }
}
