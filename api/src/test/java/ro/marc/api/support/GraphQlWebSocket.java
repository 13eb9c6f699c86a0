package ro.marc.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client speaking graphql-transport-ws (java.net.http): connection_init with the
 * bearer token, one subscription, and the messages the server pushes.
 */
public final class GraphQlWebSocket implements AutoCloseable, WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects and sends connection_init; returns the server's first answer (connection_ack, or null when it closed). */
    public static GraphQlWebSocket connect(int port, String token) throws Exception {
        GraphQlWebSocket client = new GraphQlWebSocket();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client).get(10, TimeUnit.SECONDS);
        client.send(token == null ? Map.of("type", "connection_init")
                : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        return client;
    }

    /** Whether the server acknowledged the connection within 10 s. */
    public boolean acknowledged() throws InterruptedException {
        JsonNode ack = messages.poll(10, TimeUnit.SECONDS);
        return ack != null && "connection_ack".equals(ack.at("/type").asString());
    }

    public static GraphQlWebSocket subscribeToNotifications(int port, String token) throws Exception {
        GraphQlWebSocket client = connect(port, token);
        if (!client.acknowledged()) {
            throw new AssertionError("no connection_ack");
        }
        client.subscribe("subscription { notificationAdded { id kind severity title message subjectId subjectKind workUnitNames activityName taskName read } }");
        Thread.sleep(300); // let the server register the subscription before anything is published
        return client;
    }

    public void subscribe(String query) {
        send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", query)));
    }

    /** The next message within the wait, or null. */
    public JsonNode poll(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the server to close the socket (other messages are skipped) and returns the close
     * frame as {@code {"type": "closed", "code": …, "reason": …, "at": epoch millis}}, or null.
     */
    public JsonNode awaitClose(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(50, TimeUnit.MILLISECONDS);
            if (message != null && "closed".equals(message.at("/type").asString())) {
                return message;
            }
        }
        return null;
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    /** The next pushed notification matching the predicate (others are skipped), within 15 s. */
    public JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(200, TimeUnit.MILLISECONDS);
            if (message == null) {
                continue;
            }
            if ("error".equals(message.at("/type").asString())) {
                throw new AssertionError("subscription error: " + message);
            }
            JsonNode notification = message.at("/payload/data/notificationAdded");
            if ("next".equals(message.at("/type").asString()) && wanted.test(notification)) {
                return notification;
            }
        }
        throw new AssertionError("no matching notification pushed within 15 s");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        messages.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode).put("reason", reason)
                .put("at", System.currentTimeMillis()));
        return null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
