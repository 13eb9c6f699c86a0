package ro.marc.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every response, written before anything else runs (so error pages, static
 * files, 401s and HEAD/GET alike carry them; Spring Security's own header writer is off, it wrote
 * lazily on commit and missed some responses).
 * <ul>
 *   <li>the API and everything else: {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'},
 *   {@code Cache-Control: no-store};</li>
 *   <li>GraphiQL (local profile only, {@code /graphiql/**} and its {@code /webjars/**}): a policy that
 *   allows only its self-hosted scripts and styles ({@code 'self'}; GraphiQL and CodeMirror set
 *   inline {@code style} attributes, hence {@code 'unsafe-inline'} for styles only), and its
 *   fetches and WebSocket to MARC itself.</li>
 * </ul>
 * Always: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy: no-referrer}, {@code Cross-Origin-Resource-Policy: same-origin}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the correlation id
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public static final String GRAPHIQL_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean graphiql = path.equals("/graphiql") || path.startsWith("/graphiql/") || path.startsWith("/webjars/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", graphiql ? GRAPHIQL_POLICY : API_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the headers are set on the same response; keep them on error pages too
    }
}
