package ro.marc.api.common;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request MARC's own correlation id (a random UUID, never taken from the client) and
 * keeps the client's {@code X-Correlation-Id} beside it when it is acceptable: 1–64 characters of
 * {@code A–Z a–z 0–9 . _ : -} (ASCII only, no spaces or control characters). A client id that is
 * not acceptable is dropped, not stored. Both go in the logs (MDC {@code correlationId},
 * {@code clientCorrelationId}), in the access audit and on every event the request causes; the
 * response echoes MARC's id in {@code X-Correlation-Id} (a client that sent an acceptable one finds
 * it in {@code X-Client-Correlation-Id}).
 *
 * <p>Why not reuse the client's id: it is not unique (two clients, or an attacker, can send the
 * same one) and would let a caller make its request look like part of someone else's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String CLIENT_HEADER = "X-Client-Correlation-Id";
    /** MARC's own id. */
    public static final String MDC_KEY = "correlationId";
    /** The client's id, when it sent an acceptable one. */
    public static final String CLIENT_MDC_KEY = "clientCorrelationId";
    public static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    static {
        // GraphQL data fetchers may run on other threads: Spring GraphQL carries every registered
        // ThreadLocalAccessor over (as it does the security context), so the ids reach the logs
        // and the command metadata written there (CommandSender)
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(MDC_KEY, CLIENT_MDC_KEY));
    }

    /** The client's id if acceptable, else null. */
    public static String clientId(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        String client = clientId(request.getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        if (client != null) {
            MDC.put(CLIENT_MDC_KEY, client);
            response.setHeader(CLIENT_HEADER, client);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(CLIENT_MDC_KEY);
        }
    }
}
