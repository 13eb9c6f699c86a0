package ro.marc.api.common;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Sends commands on behalf of the caller, attaching who acts (user id, role) and the request's
 * correlation id; Axon copies these onto every event the command produces.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends and waits; returns the handler's result (the entity version after the change). */
    public long send(Object command) {
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor()));
        return ((Number) result).longValue();
    }

    /** For MARC's own commands (first start, demo data). */
    public void sendAsSystem(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.from(Map.of("userId", "system", "role", "SYSTEM", "correlationId", UUID.randomUUID().toString()))));
    }

    private static MetaData actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String role = auth == null ? "" : auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).findFirst().orElse("");
        String user = auth instanceof JwtAuthenticationToken jwt ? jwt.getToken().getSubject() : auth == null ? "" : auth.getName();
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return MetaData.from(Map.of("userId", user, "role", role,
                "correlationId", correlationId == null ? UUID.randomUUID().toString() : correlationId));
    }
}
