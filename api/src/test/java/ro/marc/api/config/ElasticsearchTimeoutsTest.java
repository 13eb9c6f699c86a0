package ro.marc.api.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.api.support.TcpFaultProxy;
import ro.marc.ops.services.MarcServices;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Elasticsearch client as QuerySideConfig builds it, against a real Elasticsearch behind a proxy
 * that stalls: a search gives up after the search timeout, while a write (the projections' client)
 * waits longer and completes once Elasticsearch answers again.
 */
class ElasticsearchTimeoutsTest {

    private TcpFaultProxy proxy;
    private ElasticsearchClient client;

    @BeforeEach
    void start() throws Exception {
        proxy = TcpFaultProxy.toUrl(MarcServices.forTests().elasticsearchUrl());
        client = QuerySideConfig.client(proxy.url(), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.restore();
        client.close();
        proxy.close();
    }

    @Test
    void a_search_fails_after_the_search_timeout_while_a_write_waits_for_the_stall_to_end() throws Exception {
        ElasticsearchClient searches = QuerySideConfig.client(proxy.url(), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(searches.cluster().health().clusterName()).isNotBlank(); // both work through the proxy
        assertThat(client.cluster().health().clusterName()).isNotBlank();

        proxy.stall();
        long start = System.nanoTime();
        assertThatThrownBy(() -> searches.cluster().health()).isInstanceOf(Exception.class);
        long searchMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[es-timeouts] stalled: the search client gave up after %d ms%n", searchMs);
        assertThat(searchMs).isBetween(800L, 4_000L);

        long writeStart = System.nanoTime();
        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> {
            try {
                return client.cluster().health().clusterName();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(3_000);
        assertThat(write).as("the write client still waits after 3 s").isNotDone();
        proxy.restore();
        assertThat(write.get(20, TimeUnit.SECONDS)).isNotBlank();
        searches.close();
        System.out.printf("[es-timeouts] stalled for 3 s: the write client waited and completed after %d ms%n",
                (System.nanoTime() - writeStart) / 1_000_000);
    }
}
