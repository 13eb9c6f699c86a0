package ro.marc.api.org;

import org.junit.jupiter.api.Test;
import ro.marc.api.support.ApiTestSupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL works on a closed intranet: the page and every script and style come from MARC itself. */
class GraphiqlPageTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void graphiql_is_served_without_any_external_resource() throws Exception {
        HttpResponse<String> redirect = get("/graphiql?user=admin");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/graphiql/index.html?user=admin");

        HttpResponse<String> page = get("/graphiql/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("//unpkg")
                .doesNotContain("esm.sh");

        Matcher assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page.body());
        List<String> paths = assets.results().map(m -> m.group(1)).toList();
        assertThat(paths).hasSize(4);
        for (String path : paths) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
