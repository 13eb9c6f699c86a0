package ro.marc.api.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import ro.marc.api.authorization.AccessTrail;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.CallerAuthentication;
import ro.marc.api.audit.AccessAuditLog.AccessAuditEntry;
import ro.marc.api.audit.AccessAuditLog.Outcome;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.*;

/**
 * The audit row of a change, written in the change's own transaction: a command handler interceptor
 * on Axon's command bus (registered by Axon's Spring Boot auto-configuration for every
 * {@code MessageHandlerInterceptor<CommandMessage>} bean). The {@code SimpleCommandBus} attaches the
 * Spring transaction ({@code SpringTransactionManager}) to the command's unit of work before the
 * interceptor chain runs; the row is inserted through the same {@code DataSource}, so it joins that
 * transaction, and the events are appended to the event store in the same transaction when the unit
 * of work commits. Either both are stored or neither: a command is acknowledged only after the
 * commit, so an acknowledged change always has its row; a row that cannot be written fails the
 * command.
 *
 * <p>The row names the command ({@code command}), the aggregate its events belong to, the ids it carries (objects), the
 * caller and the request (operation, client address, MARC's and the client's correlation ids).
 * The request-level row (AccessAuditInterceptor) is still written when the request ends, best
 * effort, with the request's outcome; both share {@code correlation_id}. MARC's own commands (role
 * SYSTEM: first start, demo data) are not access and get no row.
 */
@Component
public class CommandAuditInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Unit-of-work resource: the aggregates whose events the command applied. */
    private static final String AGGREGATES = CommandAuditInterceptor.class.getName() + ".aggregates";

    private final AccessAuditLog log;

    public CommandAuditInterceptor(AccessAuditLog log, EventBus events) {
        this.log = log;
        // events applied by an aggregate are published (and dispatch-intercepted) at once, inside the
        // command's unit of work: note which aggregate they belong to
        events.registerDispatchInterceptor(messages -> (index, event) -> {
            if (event instanceof DomainEventMessage<?> domain && CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().<Set<String>>getOrComputeResource(AGGREGATES, k -> new LinkedHashSet<>())
                        .add(domain.getAggregateIdentifier());
            }
            return event;
        });
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed(); // a refused command throws: nothing changed, the request row records it
        CommandMessage<?> command = unitOfWork.getMessage();
        MetaData meta = command.getMetaData();
        if ("SYSTEM".equals(meta.get("role"))) {
            return result;
        }
        // when the unit of work commits, after the event bus has intercepted and appended the events
        // (its prepare-commit handler was registered when the first event was applied, before this one):
        // still inside the transaction, which commits only after every prepare-commit handler succeeded
        unitOfWork.onPrepareCommit(u -> {
            Set<String> aggregates = u.root().getResource(AGGREGATES);
            log.appendOrFail(entry(command, meta, aggregates == null ? null : String.join(",", aggregates)));
        });
        return result;
    }

    private AccessAuditEntry entry(CommandMessage<?> command, MetaData meta, String aggregate) {
        CallerAuthentication auth = CallerAuthentication.current();
        Caller caller = auth == null ? null : auth.caller();
        AccessTrail trail = auth == null ? null : auth.trail();
        AccessTrail.Request request = trail == null ? null : trail.request();
        Set<UUID> objects = new TreeSet<>(ids(command.getPayload()));
        List<UUID> orgUnits = List.of();
        if (trail != null) {
            objects.addAll(trail.objects());
            orgUnits = trail.orgUnits().stream().sorted().toList();
        }
        List<String> roles = caller != null ? caller.roleNames().stream().map(Enum::name).sorted().toList()
                : text(meta.get("role")) == null ? List.of() : List.of(text(meta.get("role")).split(","));
        int durationMs = request == null ? 0
                : (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - request.startNanos()) / 1_000_000);
        return new AccessAuditEntry(Instant.now(), caller != null ? caller.userId() : uuid(text(meta.get("userId"))),
                caller == null ? null : caller.issuer(), caller == null ? null : caller.subject(), roles,
                caller == null ? null : caller.orgUnitId(), request == null ? "mutation" : request.operationType(),
                request == null ? List.of() : request.operations(), request == null ? null : request.operationName(),
                List.copyOf(objects), orgUnits, Outcome.OK, List.of(), List.of(), text(meta.get("correlationId")),
                request == null ? null : request.clientAddress(), durationMs, text(meta.get("clientCorrelationId")),
                command.getPayloadType().getSimpleName(), aggregate == null || aggregate.isEmpty() ? null : aggregate);
    }

    /** The UUIDs a command carries (record components, also inside collections): the objects it covers. */
    static Set<UUID> ids(Object payload) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    if (value instanceof UUID u) {
                        ids.add(u);
                    } else if (value instanceof Collection<?> c) {
                        c.stream().filter(UUID.class::isInstance).map(UUID.class::cast).forEach(ids::add);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: skip this component
                }
            }
        }
        return ids;
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
