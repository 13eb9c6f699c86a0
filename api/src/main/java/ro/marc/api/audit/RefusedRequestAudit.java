package ro.marc.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import ro.marc.api.audit.AccessAuditLog.AccessAuditEntry;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.common.CorrelationIdFilter;
import ro.marc.events.text.Excerpt;

import java.time.Instant;
import java.util.List;

/**
 * Requests refused before authentication (no token, a bad signature, an expired or {@code alg: none}
 * token, a token from another issuer) go to the access audit with what can be known: when, the
 * client address, MARC's and the client's correlation ids, the path and the reason, outcome
 * UNAUTHORIZED. Nothing from the refused token is stored (its claims are not trusted).
 */
@Component
public class RefusedRequestAudit {

    /** How much of a refusal reason is kept (the token library's messages can quote input). */
    static final int MAX_REASON = 200;
    /** How much of the request path is kept. */
    static final int MAX_PATH = 100;

    private final AccessAuditLog log;

    public RefusedRequestAudit(AccessAuditLog log) {
        this.log = log;
    }

    public void unauthenticated(HttpServletRequest request, String code, String reason) {
        String why = reason == null ? "" : Excerpt.of(reason, MAX_REASON);
        String denial = "unauthenticated " + request.getMethod() + " " + path(request) + " (" + code + "): " + why;
        log.append(new AccessAuditEntry(Instant.now(), null, null, null, List.of(), null, null, List.of(), null,
                List.of(), List.of(), Outcome.UNAUTHORIZED, List.of(code), List.of(denial),
                MDC.get(CorrelationIdFilter.MDC_KEY), request.getRemoteAddr(), 0,
                MDC.get(CorrelationIdFilter.CLIENT_MDC_KEY), null, null));
    }

    private static String path(HttpServletRequest request) {
        return Excerpt.of(request.getRequestURI(), MAX_PATH);
    }
}
