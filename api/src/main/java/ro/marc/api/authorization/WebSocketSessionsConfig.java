package ro.marc.api.authorization;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's GraphQL WebSocket handler, told when sockets open and close so that {@link LiveSessions}
 * can close a socket itself when its token expires or its account is deactivated. (The
 * interceptor API only sees a session's id and attributes, never the socket.) Replaces Boot's
 * handler bean, which backs off when one exists; Boot still maps it on {@code spring.graphql.websocket.path}.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketSessionsConfig {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
                                                    JsonMapper json, LiveSessions sessions) {
        return new GraphQlWebSocketHandler(graphQlHandler, new JacksonJsonHttpMessageConverter(json),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive()) {

            @Override
            public void afterConnectionEstablished(WebSocketSession session) {
                sessions.opened(session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                sessions.closed(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }
}
