package ro.marc.api.graphql;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.TypeInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variable of the wrong type is refused by graphql-java with a message naming only the variable
 * ("Variable 'input' has an invalid value: …"). This finds the input field at fault — walking the
 * variable's declared type over the value sent — and names it: {@code extensions.field}
 * ({@code input.name}, {@code input.ids[2]}), {@code extensions.code} {@code INVALID_VARIABLE}, and the
 * path in the message. Runs inside the access audit (which then records the code).
 */
@Component
@Order(100)
public class VariableErrors implements WebGraphQlInterceptor {

    private static final Pattern VARIABLE = Pattern.compile("^Variable '([_A-Za-z][_0-9A-Za-z]*)' has an invalid value");
    /** graphql-java's refusal of an input field the type does not have; it names no variable. */
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("^The variables input contains a field name '[^']*' that is not defined");
    private static final int MAX_DEPTH = 20;

    private final ObjectProvider<GraphQlSource> source;

    public VariableErrors(ObjectProvider<GraphQlSource> source) {
        this.source = source;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getErrors().stream().noneMatch(VariableErrors::aboutVariables)) {
                return response;
            }
            List<GraphQLError> errors = new ArrayList<>();
            for (GraphQLError error : response.getExecutionResult().getErrors()) {
                errors.add(rewrite(error, request));
            }
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static boolean aboutVariables(GraphQLError e) {
        return e.getMessage() != null && (VARIABLE.matcher(e.getMessage()).find() || UNKNOWN_FIELD.matcher(e.getMessage()).find());
    }

    private GraphQLError rewrite(GraphQLError error, WebGraphQlRequest request) {
        if (!aboutVariables(error)) {
            return error;
        }
        Matcher m = VARIABLE.matcher(error.getMessage());
        String variable = m.find() ? m.group(1) : null;
        String field = null;
        try {
            GraphQLSchema schema = source.getObject().schema();
            List<String> candidates = variable != null ? List.of(variable) : variableNames(request);
            for (String candidate : candidates) {
                field = fieldAtFault(schema, request.getDocument(), request.getOperationName(), candidate, request.getVariables());
                if (field != null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            field = null;
        }
        if (field == null) {
            field = variable;
        }
        if (field == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", "INVALID_VARIABLE");
        extensions.put("field", field);
        String message = field.equals(variable) ? error.getMessage() : variable != null
                ? error.getMessage().replaceFirst("has an invalid value", "has an invalid value at '" + Matcher.quoteReplacement(field) + "'")
                : error.getMessage().trim() + " (at '" + field + "')";
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations())
                .errorType(error.getErrorType()).extensions(extensions).build();
    }

    private static List<String> variableNames(WebGraphQlRequest request) {
        return request.getVariables() == null ? List.of() : List.copyOf(request.getVariables().keySet());
    }

    /** The path of the first input field whose value does not fit its type, or null. */
    static String fieldAtFault(GraphQLSchema schema, String document, String operationName, String variable,
                               Map<String, Object> variables) {
        Document parsed = Parser.parse(document);
        OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.isEmpty() || operationName.equals(o.getName()))
                .findFirst().orElse(null);
        if (operation == null) {
            return null;
        }
        VariableDefinition definition = operation.getVariableDefinitions().stream()
                .filter(v -> v.getName().equals(variable)).findFirst().orElse(null);
        if (definition == null) {
            return null;
        }
        GraphQLType type = wrap(schema, definition.getType());
        if (!(type instanceof GraphQLInputType input)) {
            return null;
        }
        return walk(input, variables == null ? null : variables.get(variable), variables != null && variables.containsKey(variable),
                variable, 0);
    }

    private static GraphQLType wrap(GraphQLSchema schema, graphql.language.Type<?> type) {
        return switch (type) {
            case graphql.language.NonNullType n -> GraphQLNonNull.nonNull(wrap(schema, n.getType()));
            case graphql.language.ListType l -> GraphQLList.list(wrap(schema, l.getType()));
            default -> schema.getType(TypeInfo.typeInfo(type).getName());
        };
    }

    private static String walk(GraphQLInputType type, Object value, boolean present, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                return path;
            }
            return walk((GraphQLInputType) nonNull.getWrappedType(), value, present, path, depth + 1);
        }
        if (value == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> values) {
                for (int i = 0; i < values.size(); i++) {
                    String bad = walk(item, values.get(i), true, path + "[" + i + "]", depth + 1);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            return walk(item, value, true, path, depth + 1); // a single value stands for a list of one
        }
        if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> map)) {
                return path;
            }
            for (Object key : map.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    return path + "." + key; // a field the input type does not have
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                String bad = walk(field.getType(), map.get(field.getName()), map.containsKey(field.getName()),
                        path + "." + field.getName(), depth + 1);
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        try {
            if (type instanceof GraphQLScalarType scalar) {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
            } else if (type instanceof GraphQLEnumType enumType) {
                enumType.parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
            }
            return null;
        } catch (RuntimeException e) {
            return path;
        }
    }
}
