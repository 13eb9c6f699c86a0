package ro.marc.api.audit;

import ro.marc.api.common.BoundedCache;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ro.marc.api.authorization.AccessTrail;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.CallerAuthentication;
import ro.marc.api.audit.AccessAuditLog.AccessAuditEntry;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.common.CorrelationIdFilter;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every GraphQL request in the access audit: who (from {@link CallerAuthentication}),
 * which operation and top-level fields, which objects and org units it touched (the request's
 * {@link AccessTrail}), when, how long, and how it ended. First in the interceptor chain, so it also
 * sees requests that later interceptors refuse. Refusals (DENIED, UNAUTHORIZED) are also logged as
 * security events at WARN on {@code ro.marc.security}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after WebSocketAuthentication, before everything else
public class AccessAuditInterceptor implements WebGraphQlInterceptor {

    static final Logger SECURITY = LoggerFactory.getLogger("ro.marc.security");

    /** What is known of the request before it runs. */
    private record Started(long startNanos, Instant at, CallerAuthentication auth, String issuer, String subject,
                           Operation operation, String correlationId, String clientCorrelationId, String clientAddress) {
    }

    /**
     * The operation a document runs: its type, its name (as the client gave it or as the document
     * names its only operation) and its top-level field names; type null when unknown.
     */
    record Operation(String type, String name, List<String> fields) {
    }

    private record DocumentOperation(String document, String operationName) {
    }

    /** The operation of each document already seen: parsing it again per request was a visible cost. */
    private static final BoundedCache<DocumentOperation, Operation> OPERATIONS = new BoundedCache<>(2000);

    private final AccessAuditLog log;

    public AccessAuditInterceptor(AccessAuditLog log) {
        this.log = log;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Started started;
        try {
            started = start(request);
        } catch (RuntimeException e) {
            AccessAuditLog.LOG.error("Access audit: could not read the request; it runs unaudited", e);
            return chain.next(request);
        }
        AtomicBoolean recorded = new AtomicBoolean();
        return chain.next(request)
                .doOnNext(response -> {
                    if (recorded.compareAndSet(false, true)) {
                        finish(started, response.getErrors());
                    }
                })
                .doOnError(e -> {
                    if (recorded.compareAndSet(false, true)) {
                        finish(started, Outcome.ERROR, List.of(e.getClass().getSimpleName()));
                    }
                })
                .doOnCancel(() -> {
                    if (recorded.compareAndSet(false, true)) {
                        finish(started, Outcome.ERROR, List.of("CANCELLED"));
                    }
                });
    }

    private static Started start(WebGraphQlRequest request) {
        long startNanos = System.nanoTime();
        CallerAuthentication auth = CallerAuthentication.current();
        String issuer = null;
        String subject = null;
        if (auth != null) {
            issuer = auth.caller().issuer();
            subject = auth.caller().subject();
        } else {
            // no MARC caller (should not happen on /graphql): keep at least the token's identity
            Authentication other = SecurityContextHolder.getContext().getAuthentication();
            if (other != null && other.getPrincipal() instanceof Jwt jwt) {
                issuer = jwt.getClaimAsString("iss"); // not getIssuer(): issuers need not be URLs
                subject = jwt.getSubject();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        String client = remote == null ? null
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        Operation operation = OPERATIONS.get(new DocumentOperation(request.getDocument(), request.getOperationName()),
                k -> operation(k.document(), k.operationName()));
        if (auth != null) {
            // what the command audit rows written while the request runs say of it (CommandAuditInterceptor)
            auth.trail().request(new AccessTrail.Request(operation.type(), operation.fields(), operation.name(), client,
                    startNanos));
        }
        return new Started(startNanos, Instant.now(), auth, issuer, subject, operation,
                MDC.get(CorrelationIdFilter.MDC_KEY), MDC.get(CorrelationIdFilter.CLIENT_MDC_KEY), client);
    }

    private void finish(Started started, List<ResponseError> errors) {
        try {
            List<String> codes = new ArrayList<>();
            Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
            for (ResponseError error : errors) {
                outcomes.add(outcome(classification(error)));
                Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
                if (code != null && !codes.contains(code.toString())) {
                    codes.add(code.toString());
                }
            }
            finish(started, worst(outcomes), codes);
        } catch (RuntimeException e) {
            AccessAuditLog.LOG.error("Access audit: could not record a request", e);
        }
    }

    private void finish(Started s, Outcome outcome, List<String> errorCodes) {
        try {
            int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - s.startNanos()) / 1_000_000);
            Caller caller = s.auth() == null ? null : s.auth().caller();
            AccessTrail trail = s.auth() == null ? null : s.auth().trail();
            List<String> roles = caller == null ? List.of()
                    : caller.roleNames().stream().map(Enum::name).sorted().toList();
            List<String> denials = trail == null ? List.of() : trail.denials();
            List<UUID> objects = trail == null ? List.of() : trail.objects().stream().sorted().toList();
            List<UUID> orgUnits = trail == null ? List.of() : trail.orgUnits().stream().sorted().toList();
            AccessAuditEntry entry = new AccessAuditEntry(s.at(), caller == null ? null : caller.userId(), s.issuer(),
                    s.subject(), roles, caller == null ? null : caller.orgUnitId(), s.operation().type(),
                    s.operation().fields(), s.operation().name(), objects, orgUnits, outcome, errorCodes, denials,
                    s.correlationId(), s.clientAddress(), durationMs, s.clientCorrelationId(), null, null);
            if (outcome == Outcome.DENIED || outcome == Outcome.UNAUTHORIZED) {
                SECURITY.warn("Access {}: who={} operations={} objects={} orgUnits={} at={} denials={} errorCodes={} "
                                + "correlationId={} client={}", outcome,
                        entry.userId() != null ? entry.userId() : entry.issuer() + "|" + entry.subject(),
                        entry.operations(), objects, orgUnits, entry.at(), denials, errorCodes, entry.correlationId(),
                        entry.clientAddress());
            }
            log.append(entry);
        } catch (RuntimeException e) {
            AccessAuditLog.LOG.error("Access audit: could not record a request", e);
        }
    }

    // ------------------------------------------------------------------ outcome

    private static String classification(ResponseError error) {
        Object fromExtensions = error.getExtensions() == null ? null : error.getExtensions().get("classification");
        if (fromExtensions != null) {
            return fromExtensions.toString();
        }
        return error.getErrorType() == null ? null : String.valueOf(error.getErrorType());
    }

    static Outcome outcome(String classification) {
        if (classification == null) {
            return Outcome.ERROR;
        }
        return switch (classification) {
            case "FORBIDDEN" -> Outcome.DENIED;
            case "UNAUTHORIZED" -> Outcome.UNAUTHORIZED;
            // graphql-java's own refusals of the document (syntax, validation, depth/complexity limits)
            case "BAD_REQUEST", "ValidationError", "InvalidSyntax", "OperationNotSupported", "ExecutionAborted" -> Outcome.INVALID;
            case "CONFLICT" -> Outcome.CONFLICT;
            case "NOT_FOUND" -> Outcome.NOT_FOUND;
            default -> Outcome.ERROR;
        };
    }

    /** Several errors: the refusal that matters most to an auditor wins. */
    static Outcome worst(Set<Outcome> outcomes) {
        for (Outcome o : List.of(Outcome.UNAUTHORIZED, Outcome.DENIED, Outcome.ERROR, Outcome.INVALID, Outcome.CONFLICT,
                Outcome.NOT_FOUND)) {
            if (outcomes.contains(o)) {
                return o;
            }
        }
        return Outcome.OK;
    }

    // ------------------------------------------------------------------ document

    /** The operation selected by {@code operationName}, or the document's only operation. */
    static Operation operation(String document, String operationName) {
        String givenName = operationName == null || operationName.isEmpty() ? null : operationName;
        Operation unknown = new Operation(null, givenName, List.of());
        if (document == null || document.isBlank()) {
            return unknown;
        }
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return unknown; // InvalidSyntax: graphql-java refuses it too, the outcome says INVALID
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition selected = null;
        if (givenName != null) {
            selected = operations.stream().filter(o -> givenName.equals(o.getName())).findFirst().orElse(null);
        } else if (operations.size() == 1) {
            selected = operations.getFirst();
        }
        if (selected == null) {
            return unknown;
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        collectFields(selected.getSelectionSet(), fragments, fields, new HashSet<>());
        return new Operation(selected.getOperation().name().toLowerCase(Locale.ROOT),
                givenName != null ? givenName : selected.getName(), List.copyOf(fields));
    }

    private static void collectFields(SelectionSet set, Map<String, FragmentDefinition> fragments,
                                      Set<String> fields, Set<String> visitedFragments) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> fields.add(field.getName());
                case InlineFragment inline -> collectFields(inline.getSelectionSet(), fragments, fields, visitedFragments);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && visitedFragments.add(spread.getName())) {
                        collectFields(fragment.getSelectionSet(), fragments, fields, visitedFragments);
                    }
                }
                default -> {
                }
            }
        }
    }
}
