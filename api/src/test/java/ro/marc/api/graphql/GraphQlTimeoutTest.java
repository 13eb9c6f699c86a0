package ro.marc.api.graphql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import ro.marc.api.config.QuerySideConfig;
import org.springframework.test.context.TestPropertySource;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.TcpFaultProxy;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request timeout with Elasticsearch stalled (a proxy that holds every byte): a search answers
 * HTTP 200 with a TIMEOUT error after request-timeout (3 s here), the stalled work keeps the caller's
 * expensive-request permits until it ends (a third search of the same caller is refused at once), cheap
 * requests are not affected, and everything works again once Elasticsearch answers. The searches'
 * Elasticsearch client waits 30 s here, so that the request timeout is what stops them.
 */
@TestPropertySource(properties = "marc.graphql.request-timeout=3s")
class GraphQlTimeoutTest extends ApiTestSupport {

    private static TcpFaultProxy proxy;

    @Autowired
    ExpensiveOperationLimiter limiter;

    /**
     * Elasticsearch behind a proxy. (A @DynamicPropertySource here cannot override ApiTestSupport's
     * marc.elasticsearch.url, so the client beans themselves are replaced, built as QuerySideConfig builds
     * them: the searches' with the 30 s of this test, so that the request timeout is what stops them.)
     */
    @TestBean(name = "elasticsearchClient", methodName = "writeClientThroughAProxy")
    ElasticsearchClient elasticsearchClient;

    @TestBean(name = "searchClient", methodName = "searchClientThroughAProxy")
    QuerySideConfig.SearchClient searchClient;

    static ElasticsearchClient writeClientThroughAProxy() {
        return QuerySideConfig.client(proxy().url(), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    static QuerySideConfig.SearchClient searchClientThroughAProxy() {
        return new QuerySideConfig.SearchClient(QuerySideConfig.client(proxy().url(), Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    private static synchronized TcpFaultProxy proxy() {
        if (proxy == null) {
            try {
                proxy = TcpFaultProxy.toUrl(MarcServices.forTests().elasticsearchUrl());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.restore();
        }
    }

    private static final String SEARCH = "{ search(text: \"anticoruptie\") { totalCount edges { node { name } } } }";

    @Test
    void a_search_on_a_stalled_elasticsearch_answers_timeout_in_about_the_request_timeout() throws Exception {
        assertThat(graphql("admin", SEARCH, Map.of()).has("errors")).isFalse();
        proxy.stall();
        try {
            String token = token("admin");
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(token, SEARCH, Map.of()));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> post(token, SEARCH, Map.of()));
            HttpResponse<String> a = first.get();
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            HttpResponse<String> b = second.get();
            long bothMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[timeout] stalled Elasticsearch: two searches answered in %d ms and %d ms: HTTP %d %s%n",
                    firstMs, bothMs, a.statusCode(), a.body());
            for (HttpResponse<String> r : java.util.List.of(a, b)) {
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode error = firstError(JSON.readTree(r.body()));
                assertThat(error.path("extensions").path("code").asString()).isEqualTo("TIMEOUT");
                assertThat(error.path("extensions").path("classification").asString()).isEqualTo("TIMEOUT");
                assertThat(error.path("extensions").path("timeoutMs").asLong()).isEqualTo(3000);
            }
            assertThat(firstMs).isBetween(2_500L, 8_000L);
            assertThat(bothMs).isLessThan(8_000L);

            // both stalled searches still hold the caller's permits: a third is refused at once
            long s = System.nanoTime();
            JsonNode third = graphql("admin", SEARCH, Map.of());
            long thirdMs = (System.nanoTime() - s) / 1_000_000;
            System.out.printf("[timeout] a third search of the same caller: %d ms: %s%n", thirdMs, firstError(third));
            assertThat(firstError(third).path("extensions").path("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(firstError(third).path("extensions").path("scope").asString()).isEqualTo("CALLER");
            assertThat(thirdMs).isLessThan(2_000);

            // another caller may search (and times out too); cheap requests are not affected at all
            s = System.nanoTime();
            JsonNode cheap = graphql("admin", "{ viewer { user { displayName } } }", Map.of());
            long cheapMs = (System.nanoTime() - s) / 1_000_000;
            System.out.printf("[timeout] a trivial query of the same caller meanwhile: %d ms%n", cheapMs);
            assertThat(cheap.has("errors")).as(cheap.toString()).isFalse();
            assertThat(cheapMs).isLessThan(2_000);
            JsonNode other = graphql("auditor", SEARCH, Map.of());
            assertThat(firstError(other).path("extensions").path("code").asString()).isEqualTo("TIMEOUT");
        } finally {
            proxy.restore();
        }

        // the stalled calls end once Elasticsearch answers, and release their permits
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (limiter.running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(limiter.running()).isZero();
        JsonNode again = graphql("admin", SEARCH, Map.of());
        assertThat(again.has("errors")).as(again.toString()).isFalse();
    }
}
