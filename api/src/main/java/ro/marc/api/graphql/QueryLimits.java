package ro.marc.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refuses, before anything runs, documents that ask for too much:
 * <ol>
 *   <li>before validation (cheap, on the parsed document, fragments expanded): more than {@code maxAliases}
 *       aliased fields (TOO_MANY_ALIASES) or more than {@code maxFields} selected fields (TOO_MANY_FIELDS) —
 *       so a 1,000-alias document is not even validated;</li>
 *   <li>after validation, before execution: a cost above {@code maxCost} by the {@link FieldCost} model
 *       (QUERY_TOO_COSTLY, with {@code cost} and {@code limit});</li>
 *   <li>then, for expensive requests (an Elasticsearch-backed field, or a cost of at least
 *       {@code expensiveCost}), a permit of the {@link ExpensiveOperationLimiter} (TOO_MANY_REQUESTS),
 *       released when the request's work has finished.</li>
 * </ol>
 */
public class QueryLimits extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(QueryLimits.class);

    private final int maxCost;
    private final int expensiveCost;
    private final int maxAliases;
    private final int maxFields;
    private final ExpensiveOperationLimiter limiter;

    public QueryLimits(int maxCost, int expensiveCost, int maxAliases, int maxFields, ExpensiveOperationLimiter limiter) {
        this.maxCost = maxCost;
        this.expensiveCost = expensiveCost;
        this.maxAliases = maxAliases;
        this.maxFields = maxFields;
        this.limiter = limiter;
    }

    /** Per request: the permit held, if any. */
    private static final class State implements InstrumentationState {
        volatile ExpensiveOperationLimiter.Permit permit;

        void release() {
            ExpensiveOperationLimiter.Permit held = permit;
            if (held != null) {
                held.release();
            }
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new State());
    }

    // ------------------------------------------------------------------ aliases and fields

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        Counts counts = count(parameters.getDocument(), parameters.getOperation());
        if (counts.aliases > maxAliases) {
            throw LimitError.abort(LimitError.badRequest("TOO_MANY_ALIASES",
                    "The document uses " + counts.aliases + " aliases; at most " + maxAliases + " are allowed",
                    Map.of("aliases", counts.aliases, "limit", maxAliases)));
        }
        if (counts.fields > maxFields) {
            throw LimitError.abort(LimitError.badRequest("TOO_MANY_FIELDS",
                    "The document selects " + counts.fields + " fields; at most " + maxFields + " are allowed",
                    Map.of("fields", counts.fields, "limit", maxFields)));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Aliased and selected fields of the operation that will run, fragments expanded where used. */
    record Counts(long aliases, long fields) {
    }

    static Counts count(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = null;
        if (operationName != null && !operationName.isEmpty()) {
            operation = operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
        } else if (operations.size() == 1) {
            operation = operations.getFirst();
        }
        if (operation == null) {
            return new Counts(0, 0); // validation refuses the document (unknown or ambiguous operation)
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return count(operation.getSelectionSet(), fragments, new HashMap<>(), new java.util.HashSet<>());
    }

    /** Memoised per fragment, so nested fragment spreads cannot make the count itself expensive. */
    private static Counts count(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Counts> memo,
                                java.util.Set<String> visiting) {
        long aliases = 0;
        long fields = 0;
        if (set == null) {
            return new Counts(0, 0);
        }
        for (Selection<?> selection : set.getSelections()) {
            Counts inner = switch (selection) {
                case Field field -> {
                    Counts sub = count(field.getSelectionSet(), fragments, memo, visiting);
                    boolean aliased = field.getAlias() != null && !field.getAlias().equals(field.getName());
                    yield new Counts(sub.aliases + (aliased ? 1 : 0), sub.fields + 1);
                }
                case InlineFragment inline -> count(inline.getSelectionSet(), fragments, memo, visiting);
                case FragmentSpread spread -> {
                    Counts known = memo.get(spread.getName());
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (known == null && fragment != null && visiting.add(spread.getName())) {
                        known = count(fragment.getSelectionSet(), fragments, memo, visiting);
                        visiting.remove(spread.getName());
                        memo.put(spread.getName(), known);
                    }
                    yield known == null ? new Counts(0, 0) : known; // a cycle or unknown fragment: validation refuses it
                }
                default -> new Counts(0, 0);
            };
            aliases = saturated(aliases + inner.aliases);
            fields = saturated(fields + inner.fields);
        }
        return new Counts(aliases, fields);
    }

    private static long saturated(long value) {
        return Math.min(value, Integer.MAX_VALUE);
    }

    // ------------------------------------------------------------------ cost and expensive requests

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState instrumentationState) {
        ExecutionContext context = parameters.getExecutionContext();
        AtomicBoolean elasticsearch = new AtomicBoolean();
        FieldCost model = new FieldCost();
        int cost = QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator((env, childCost) -> {
                    if (FieldCost.isElasticsearch(env.getParentType().getName() + "." + env.getFieldDefinition().getName())) {
                        elasticsearch.set(true);
                    }
                    return model.calculate(env, childCost);
                })
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .variables(context.getCoercedVariables())
                .build()
                .calculate();
        if (cost > maxCost) {
            log.info("GraphQL request refused: cost {} > {}", cost, maxCost);
            throw LimitError.abort(LimitError.badRequest("QUERY_TOO_COSTLY",
                    "The document costs " + cost + " points; at most " + maxCost + " are allowed (fewer aliases, "
                            + "smaller pages or fewer nested lists)",
                    Map.of("cost", cost, "limit", maxCost)));
        }
        if (!elasticsearch.get() && cost < expensiveCost) {
            return SimpleInstrumentationContext.noOp();
        }
        String caller = context.getGraphQLContext().get(ExpensiveOperationLimiter.CALLER_KEY);
        switch (limiter.tryAcquire(caller)) {
            case ExpensiveOperationLimiter.Refused refused -> throw LimitError.abort(refused.error());
            case ExpensiveOperationLimiter.Granted granted -> ((State) instrumentationState).permit = granted.permit();
        }
        return SimpleInstrumentationContext.whenCompleted((result, error) -> ((State) instrumentationState).release());
    }

    /** The whole request's end, whatever path it took: the permit is released here at the latest. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                 InstrumentationState instrumentationState) {
        return SimpleInstrumentationContext.whenCompleted((result, error) -> {
            if (instrumentationState instanceof State state) {
                state.release();
            }
        });
    }
}
