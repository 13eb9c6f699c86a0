package ro.marc.api.org;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.security.DemoUsers;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.access.Role;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL operation, called by every demo role: only central administrators may change the
 * organisation; every authenticated role may read it; nobody without a token gets anything. Each
 * operation in the schema must have a row here, so a new operation cannot ship unchecked.
 */
class OrgAuthorizationTest extends ApiTestSupport {

    private static final String ANY = UUID.randomUUID().toString();

    private static final Map<String, String> MUTATIONS = new LinkedHashMap<>();
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        MUTATIONS.put("createOrgUnit", "mutation { createOrgUnit(input: {parentId: \"%s\", name: \"Refuzat\"}) { id } }".formatted(ANY));
        MUTATIONS.put("renameOrgUnit", "mutation { renameOrgUnit(input: {id: \"%s\", name: \"X\", expectedVersion: 1}) { id } }".formatted(ANY));
        MUTATIONS.put("moveOrgUnit", "mutation { moveOrgUnit(input: {id: \"%s\", newParentId: \"%s\", expectedVersion: 1}) { id } }".formatted(ANY, ANY));
        MUTATIONS.put("deactivateOrgUnit", "mutation { deactivateOrgUnit(input: {id: \"%s\", expectedVersion: 1}) { id } }".formatted(ANY));
        MUTATIONS.put("reactivateOrgUnit", "mutation { reactivateOrgUnit(input: {id: \"%s\", expectedVersion: 1}) { id } }".formatted(ANY));
        MUTATIONS.put("assignWorkUnits", "mutation { assignWorkUnits(input: {orgUnitId: \"%s\", workUnitIds: [\"%s\"], expectedVersion: 1}) { id } }".formatted(ANY, ANY));
        MUTATIONS.put("unassignWorkUnit", "mutation { unassignWorkUnit(input: {orgUnitId: \"%s\", workUnitId: \"%s\", expectedVersion: 1}) { id } }".formatted(ANY, ANY));
        MUTATIONS.put("defineWorkUnit", "mutation { defineWorkUnit(input: {name: \"Refuzat %s\"}) { id } }".formatted(ANY));
        MUTATIONS.put("renameWorkUnit", "mutation { renameWorkUnit(input: {id: \"%s\", name: \"X\", expectedVersion: 1}) { id } }".formatted(ANY));
        MUTATIONS.put("retireWorkUnit", "mutation { retireWorkUnit(input: {id: \"%s\", expectedVersion: 1}) { id } }".formatted(ANY));

        QUERIES.put("root", "{ root { id } }");
        QUERIES.put("orgUnit", "{ orgUnit(id: \"%s\") { id } }".formatted(ANY));
        QUERIES.put("workUnit", "{ workUnit(id: \"%s\") { id } }".formatted(ANY));
        QUERIES.put("workUnits", "{ workUnits { id } }");
        QUERIES.put("orgUnitsByWorkUnit", "{ orgUnitsByWorkUnit(workUnitId: \"%s\") { edges { cursor } } }".formatted(ANY));
        QUERIES.put("search", "{ search(text: \"x\") { totalCount } }");
        QUERIES.put("history", "{ history(id: \"%s\") { type } }".formatted(ANY));
    }

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_operation_of_the_schema_has_authorization_rows() {
        assertThat(MUTATIONS.keySet()).containsExactlyInAnyOrderElementsOf(fields(graphQlSource.schema().getMutationType()));
        assertThat(QUERIES.keySet()).containsExactlyInAnyOrderElementsOf(fields(graphQlSource.schema().getQueryType()));
    }

    @Test
    void only_central_administrators_may_call_mutations_and_refusals_change_nothing() {
        long eventsBefore = eventCount();
        SoftAssertions softly = new SoftAssertions();
        for (var mutation : MUTATIONS.entrySet()) {
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                if (user.role() != Role.CENTRAL_ADMIN) {
                    JsonNode response = graphql(user.username(), mutation.getValue(), Map.of());
                    softly.assertThat(classification(response)).as("%s by %s", mutation.getKey(), user.username())
                            .isEqualTo("FORBIDDEN");
                    softly.assertThat(response.at("/data/" + mutation.getKey()).isNull() || response.at("/data").isNull())
                            .as("%s by %s returns no data", mutation.getKey(), user.username()).isTrue();
                }
            }
        }
        softly.assertAll();
        assertThat(eventCount()).as("events appended by refused calls").isEqualTo(eventsBefore);

        // the same rows pass authorization for a central administrator (the rules may still refuse unknown ids)
        for (var mutation : MUTATIONS.entrySet()) {
            softly.assertThat(classification(graphql("admin", mutation.getValue(), Map.of()))).as(mutation.getKey())
                    .isNotIn("FORBIDDEN", "UNAUTHORIZED");
        }
        softly.assertAll();
    }

    @Test
    void every_role_may_read_and_nobody_reads_without_a_token() {
        SoftAssertions softly = new SoftAssertions();
        for (var query : QUERIES.entrySet()) {
            softly.assertThat(post(null, query.getValue(), Map.of()).statusCode()).as("%s without a token", query.getKey())
                    .isEqualTo(401);
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                JsonNode response = graphql(user.username(), query.getValue(), Map.of());
                softly.assertThat(response.has("errors")).as("%s by %s: %s", query.getKey(), user.username(), response)
                        .isFalse();
            }
        }
        softly.assertAll();
    }

    private static List<String> fields(GraphQLObjectType type) {
        return type.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).collect(Collectors.toList());
    }

    private static String classification(JsonNode response) {
        JsonNode errors = response.get("errors");
        return errors == null || errors.isEmpty() ? "NONE" : errors.get(0).at("/extensions/classification").asString();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
