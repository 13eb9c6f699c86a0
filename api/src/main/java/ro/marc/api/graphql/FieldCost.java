package ro.marc.api.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import ro.marc.api.common.Inputs;

import java.util.Map;

/**
 * What one field of a GraphQL document costs, in points; a request may spend at most
 * {@code marc.graphql.max-cost} of them (checked by {@link QueryLimits} before anything runs).
 *
 * <pre>
 * cost(field) = weight(field) + multiplier(field) × (sum of the costs of its selected sub-fields)
 * </pre>
 *
 * <ul>
 *   <li><b>weight</b>: the {@link #WEIGHTS} table by field coordinate ({@code Type.field}); else by shape:
 *       a scalar or enum (also a list of them) {@value #LEAF}; an object {@value #OBJECT}; a list of objects
 *       {@value #LIST}; a nested field with a {@code first} argument (a page read from PostgreSQL once per
 *       parent item) {@value #PAGE}; a top-level query field (pages included) {@value #ROOT_QUERY}; a
 *       mutation {@value #MUTATION}; introspection
 *       ({@code __schema}, {@code __type}, {@code __typename} and every field of the {@code __} types) 0.
 *       New schema fields are therefore covered without touching this class.</li>
 *   <li><b>multiplier</b>: how many times the sub-selection is resolved. A list of objects: its page size
 *       ({@code first}, also inside an input object such as {@code searchNomenclature(query: {first})}, with the
 *       schema's default when not given, at most 500 — larger pages are refused by the field), or for the
 *       {@code edges} of a connection the page size of the connection; a list without {@code first}: {@link #LIST_SIZES} or {@value #DEFAULT_LIST_SIZE}. Anything
 *       else: 1.</li>
 * </ul>
 * Examples: the README's first query costs 5,821 (its search 1,103), its nomenclature query 1,265;
 * {@code root { children(first: 500) { edges { node { children(first: 500) { edges { node { name } } } } } } }}
 * costs 507,017 points and is refused; the same with the inner {@code first: 5} costs 12,017 (500 per-unit page
 * reads): refused too; {@code first: 500} alone costs 1,017.
 */
public final class FieldCost implements FieldComplexityCalculator {

    /** An Elasticsearch query (full text, highlighting, aggregations for the facets). */
    public static final int ELASTICSEARCH = 1000;
    static final int LEAF = 1;
    static final int OBJECT = 1;
    static final int LIST = 2;
    static final int PAGE = 10;
    static final int ROOT_QUERY = 5;
    /** A command through the aggregate, the event store and (for the payload) the read model. */
    static final int MUTATION = 100;
    static final int DEFAULT_LIST_SIZE = 10;
    /** Whatever a multiplied sub-tree adds up to, a field counts at most this much (no int overflow). */
    static final int CAP = 1_000_000;

    /**
     * Field coordinate → weight, where the shape alone would be wrong. Elasticsearch-backed fields are
     * the expensive ones; event-store and audit reads scan more than a page of a read model.
     */
    static final Map<String, Integer> WEIGHTS = Map.ofEntries(
            Map.entry("Query.search", ELASTICSEARCH),
            Map.entry("Query.searchNomenclature", ELASTICSEARCH),
            Map.entry("Query.history", 50),
            Map.entry("Query.accessAudit", 50),
            Map.entry("Query.users", 20),
            Map.entry("OrgUnit.subtree", 20));

    /** Lists without {@code first}: how many items to expect (else {@value #DEFAULT_LIST_SIZE}). */
    static final Map<String, Integer> LIST_SIZES = Map.ofEntries(
            Map.entry("Query.history", 100),
            Map.entry("Query.workUnits", 20),
            Map.entry("Query.referenceEntries", 30),
            Map.entry("NomenclatureFacets.workUnits", 20),
            Map.entry("NomenclatureFacets.activities", 20),
            // the register (Anexa 10) is read whole: a few assessments and measures per risk, one to three indicators
            // per measure, a value per period and a few evaluations per indicator (so that the register with its
            // monitoring and evaluations, ~5,000 points for ten risks, fits one document)
            Map.entry("RegisterRisk.assessments", 2),
            Map.entry("RegisterRisk.measures", 4),
            Map.entry("RegisterMeasure.indicators", 2),
            Map.entry("RegisterIndicator.values", 4),
            Map.entry("RegisterIndicator.evaluations", 4));

    /** The fields whose presence makes a request expensive, whatever its total (see {@link ExpensiveOperationLimiter}). */
    static boolean isElasticsearch(String coordinate) {
        Integer weight = WEIGHTS.get(coordinate);
        return weight != null && weight >= ELASTICSEARCH;
    }

    /** Called by graphql-java once per selected field, bottom-up, with the summed cost of its sub-fields. */
    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        GraphQLFieldDefinition definition = env.getFieldDefinition();
        String typeName = env.getParentType().getName();
        String fieldName = definition.getName();
        if (fieldName.startsWith("__") || typeName.startsWith("__")) {
            return 0; // introspection: answered from the schema in memory (and off outside the local profile)
        }
        String coordinate = typeName + "." + fieldName;
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        boolean leaf = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type));
        if (leaf) {
            return WEIGHTS.getOrDefault(coordinate, LEAF);
        }
        long multiplier = 1;
        if (type instanceof GraphQLList) {
            multiplier = listSize(env, coordinate);
        }
        int weight = WEIGHTS.getOrDefault(coordinate, defaultWeight(env, typeName, type));
        return (int) Math.min(CAP, weight + multiplier * (long) childComplexity);
    }

    private static int defaultWeight(FieldComplexityEnvironment env, String typeName, GraphQLType type) {
        if ("Mutation".equals(typeName)) {
            return MUTATION;
        }
        if ("Query".equals(typeName)) {
            return ROOT_QUERY;
        }
        if (firstArgument(env.getFieldDefinition()) != null) {
            return PAGE;
        }
        return type instanceof GraphQLList ? LIST : OBJECT;
    }

    /** How many items a list of objects holds: its page size, its connection's, or the expected size. */
    private static long listSize(FieldComplexityEnvironment env, String coordinate) {
        Integer own = pageSize(env);
        if (own != null) {
            return own;
        }
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        if ("edges".equals(env.getFieldDefinition().getName()) && parent != null) {
            Integer connection = pageSize(parent);
            if (connection != null) {
                return connection;
            }
        }
        return LIST_SIZES.getOrDefault(coordinate, DEFAULT_LIST_SIZE);
    }

    /**
     * The page size a field asks for: its {@code first} argument, or {@code first} inside an input object
     * argument, with the schema's default when not given; null when the field takes none.
     */
    static Integer pageSize(FieldComplexityEnvironment env) {
        GraphQLFieldDefinition definition = env.getFieldDefinition();
        Map<String, Object> arguments = env.getArguments() == null ? Map.of() : env.getArguments();
        GraphQLArgument first = definition.getArgument("first");
        if (first != null) {
            return size(arguments.get("first"), first.getArgumentDefaultValue().getValue());
        }
        for (GraphQLArgument argument : definition.getArguments()) {
            if (GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLInputObjectType input
                    && input.getField("first") != null) {
                GraphQLInputObjectField field = input.getField("first");
                Object given = arguments.get(argument.getName()) instanceof Map<?, ?> value ? value.get("first") : null;
                return size(given, field.getInputFieldDefaultValue().getValue());
            }
        }
        return null;
    }

    private static GraphQLArgument firstArgument(GraphQLFieldDefinition definition) {
        GraphQLArgument first = definition.getArgument("first");
        if (first != null) {
            return first;
        }
        for (GraphQLArgument argument : definition.getArguments()) {
            if (GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLInputObjectType input
                    && input.getField("first") != null) {
                return argument;
            }
        }
        return null;
    }

    /**
     * The given page size, else the default, else MARC's default page (50); between 1 and
     * {@link Inputs#MAX_PAGE}: every page field refuses more itself (OUT_OF_RANGE, naming the argument),
     * and that refusal is the more useful answer.
     */
    private static int size(Object given, Object schemaDefault) {
        Object value = given != null ? given : schemaDefault;
        if (value instanceof graphql.language.IntValue literal) {
            value = literal.getValue().intValue();
        }
        long size = value instanceof Number n ? n.longValue() : 50;
        return (int) Math.max(1, Math.min(Inputs.MAX_PAGE, size));
    }
}
