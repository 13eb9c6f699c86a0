package ro.marc.api.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import ro.marc.api.authorization.CallerAuthentication;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Sends commands on behalf of the caller, attaching who acts (user id, role) and the request's
 * correlation id; Axon copies these onto every event the command produces.
 *
 * <p>Two nodes, no distributed command bus: each node loads the aggregate from the event store for every
 * command, so two nodes may handle commands for one aggregate at the same moment. The event store's
 * unique key on (aggregate, sequence) lets one append win; the other's transaction rolls back with Axon's
 * {@link ConcurrencyException} (nothing of it is stored: events, lookups, audit row). That command is sent
 * again, at most {@link #ATTEMPTS} times in all, after a short random pause: it reloads the aggregate with
 * the winner's events, so a command without {@code expectedVersion} (a grant, a create repeated) now
 * succeeds, and one whose {@code expectedVersion} the winner made stale gets the aggregate's typed
 * CONFLICT {@code STALE_VERSION}. Only then, still losing, the caller sees CONFLICT {@code CONCURRENT_CHANGE}
 * (GraphQlErrors). The retry runs on the caller's thread (not Axon's {@code RetryScheduler}, which
 * re-dispatches on its own executor): the handler interceptors read the caller and the request's audit
 * trail from it.
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Attempts of one command that lost a concurrent append (see the class comment). */
    static final int ATTEMPTS = 3;

    /** Sends and waits; returns the handler's result (the entity version after the change). */
    public long send(Object command) {
        Object result = sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor()));
        return ((Number) result).longValue();
    }

    /** For MARC's own commands (first start, demo data). */
    public void sendAsSystem(Object command) {
        sendAsSystem(command, "system");
    }

    /**
     * MARC's own command, attributed to {@code userId}: "system", or a demo account on whose behalf the demo
     * data is written. The role is SYSTEM either way, so the access audit leaves it out like any start-up command.
     */
    private void sendAsSystem(Object command, String userId) {
        sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.from(Map.of("userId", userId, "role", "SYSTEM", "correlationId", UUID.randomUUID().toString()))));
    }

    private Object sendAndWait(CommandMessage<?> message) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostConcurrentAppend(e)) {
                    throw e;
                }
                log.debug("{} lost a concurrent append (attempt {} of {}); sending it again",
                        message.getPayloadType().getSimpleName(), attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    static boolean lostConcurrentAppend(Throwable e) {
        return Causes.causedBy(e, ConcurrencyException.class);
    }

    /** 5–25 ms, then 10–50 ms: random, so two losers do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(attempt * ThreadLocalRandom.current().nextLong(5, 26));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a command", e);
        }
    }

    /**
     * For start-up steps that two nodes may run at once: sends as MARC itself; a failure is fine when
     * {@code doneMeanwhile} shows another node did the same step meanwhile (a lost append, a stale version).
     */
    public void sendAsSystemOnce(Object command, BooleanSupplier doneMeanwhile) {
        sendOnce(command, "system", doneMeanwhile);
    }

    /**
     * For demo data that a person would have made (the demo plans drawn up by their heads): sent by MARC on
     * behalf of that demo account, once like {@link #sendAsSystemOnce}.
     */
    public void sendAsDemoUserOnce(Object command, UUID userId, BooleanSupplier doneMeanwhile) {
        sendOnce(command, userId.toString(), doneMeanwhile);
    }

    private void sendOnce(Object command, String userId, BooleanSupplier doneMeanwhile) {
        try {
            sendAsSystem(command, userId);
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
