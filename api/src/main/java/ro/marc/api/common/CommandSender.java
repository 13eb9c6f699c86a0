package ro.marc.api.common;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import ro.marc.api.authorization.CallerAuthentication;

import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Sends commands on behalf of the caller, attaching who acts (user id, role) and the request's
 * correlation id; Axon copies these onto every event the command produces.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

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

    /**
     * For start-up steps that two nodes may run at once: sends as MARC itself; a failure is fine when
     * {@code doneMeanwhile} shows another node did the same step meanwhile (a lost append, a stale version).
     */
    public void sendAsSystemOnce(Object command, BooleanSupplier doneMeanwhile) {
        try {
            sendAsSystem(command);
        } catch (RuntimeException e) {
            if (!doneMeanwhile.getAsBoolean()) {
                throw e;
            }
            log.info("{} was done meanwhile by another MARC node", command.getClass().getSimpleName());
        }
    }

    /** Who acts: the MARC account id and its roles (comma-separated), and the request's correlation ids (MARC's, the client's). */
    private static MetaData actor() {
        CallerAuthentication auth = CallerAuthentication.current();
        String user = auth == null ? "" : auth.caller().actorId();
        String roles = auth == null ? "" : auth.caller().roleNames().stream().map(Enum::name).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        Map<String, Object> meta = new java.util.HashMap<>(Map.of("userId", user, "role", roles,
                "correlationId", correlationId == null ? UUID.randomUUID().toString() : correlationId));
        String clientCorrelationId = MDC.get(CorrelationIdFilter.CLIENT_MDC_KEY);
        if (clientCorrelationId != null) {
            meta.put("clientCorrelationId", clientCorrelationId); // the client's own id, validated, beside MARC's
        }
        return MetaData.from(meta);
    }
}
