package ro.marc.api.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsed-document cache changes no answer: an invalid document is refused the same way every time,
 * the alias / field limits (counted while a document is validated) still hold for a document already
 * validated for another of its operations, and depth and cost (decided at execution) still hold.
 */
class ParsedDocumentCacheTest extends ApiTestSupport {

    @Autowired
    ParsedDocumentCache cache;

    private static String code(JsonNode response) {
        return firstError(response).path("extensions").path("code").asString();
    }

    private static String aliases(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining("\n"));
    }

    @Test
    void cached_documents_answer_as_uncached_ones_did() {
        // a valid document is kept and answers the same twice
        int before = cache.size();
        JsonNode first = data("admin", "{ viewer { user { displayName } } }", Map.of());
        assertThat(cache.size()).as("the document is kept").isGreaterThan(before);
        assertThat(data("admin", "{ viewer { user { displayName } } }", Map.of())).isEqualTo(first);

        // an invalid one is refused with the same validation error every time
        JsonNode invalid = graphql("admin", "{ viewer { user { noSuchField } } }", Map.of());
        assertThat(firstError(invalid).path("extensions").path("classification").asString()).isEqualTo("ValidationError");
        for (int i = 0; i < 3; i++) {
            assertThat(graphql("admin", "{ viewer { user { noSuchField } } }", Map.of()).path("errors"))
                    .isEqualTo(invalid.path("errors"));
        }

        // too many aliases: refused every time (the refusal is not kept as a valid document)
        String thirtyOne = "{ " + aliases(31, "viewer { user { displayName } }") + " }";
        for (int i = 0; i < 3; i++) {
            assertThat(code(graphql("admin", thirtyOne, Map.of()))).isEqualTo("TOO_MANY_ALIASES");
        }

        // one document, two operations: validated (and kept) for the small one, the big one is still counted
        String both = "query Small { viewer { user { displayName } } }\nquery Big { "
                + aliases(31, "viewer { user { displayName } }") + " }";
        assertThat(graphqlNamed(both, "Small").has("errors")).isFalse();
        assertThat(graphqlNamed(both, "Small").has("errors")).isFalse();
        assertThat(code(graphqlNamed(both, "Big"))).isEqualTo("TOO_MANY_ALIASES");
        assertThat(code(graphqlNamed(both, "Big"))).isEqualTo("TOO_MANY_ALIASES");

        // cost is decided at execution: refused again once the document is kept
        String oneSearch = "searchNomenclature(query: {text: \"fals\"}) { totalCount edges { node { name highlight } } }";
        String costly = "{ " + aliases(10, oneSearch) + " }";
        for (int i = 0; i < 2; i++) {
            assertThat(code(graphql("admin", costly, Map.of()))).isEqualTo("QUERY_TOO_COSTLY");
        }
    }

    private JsonNode graphqlNamed(String document, String operationName) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", document, "operationName", operationName));
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token("admin"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
