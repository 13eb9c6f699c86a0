package ro.marc.ops.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ro.marc.ops.services.MarcServices.ServiceEndpoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the real services that {@link MarcServices#forTests()} selects; nothing is mocked. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MarcServicesTest {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void databaseAnswersInAScratchDatabaseOfItsOwn() throws Exception {
        ServiceEndpoints services = MarcServices.forTests();
        try (Connection connection = DriverManager.getConnection(
                     services.jdbcUrl(), services.dbUser(), services.dbPassword());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select 1, current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(1);
            assumeTrue(System.getenv("MARC_DB_URL") == null, "a given MARC_DB_URL may be used as it is");
            assertThat(row.getString(2)).startsWith("marc_it_");
        }
    }

    @Test
    void elasticsearchIndexesAndSearchesADocument() throws Exception {
        String es = MarcServices.forTests().elasticsearchUrl();
        // This distribution has no rest-root module, so GET / is not served: ask the node API instead.
        JsonNode nodes = call("GET", es + "/_nodes/_local", null, 200);
        assertThat(nodes.path("nodes").values().iterator().next().path("version").asString()).isEqualTo("9.5.3");

        String index = "marc-ops-test-" + UUID.randomUUID().toString().substring(0, 8);
        call("PUT", es + "/" + index, """
                {"settings": {"number_of_replicas": 0},
                 "mappings": {"properties": {"title": {"type": "text"}, "county": {"type": "keyword"}}}}""", 200);
        call("PUT", es + "/" + index + "/_doc/1?refresh=true",
                "{\"title\": \"Contract de lucrări Primăria Cluj-Napoca\", \"county\": \"CJ\"}", 201);
        JsonNode result = call("POST", es + "/" + index + "/_search", """
                {"query": {"bool": {"must": {"match": {"title": "primăria"}}, "filter": {"term": {"county": "CJ"}}}}}""",
                200);
        call("DELETE", es + "/" + index, null, 200);

        assertThat(result.path("hits").path("total").path("value").asInt()).isEqualTo(1);
        assertThat(result.path("hits").path("hits").get(0).path("_id").asString()).isEqualTo("1");
    }

    private static JsonNode call(String method, String url, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }
}
