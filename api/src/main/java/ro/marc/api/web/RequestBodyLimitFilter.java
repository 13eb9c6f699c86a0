package ro.marc.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import ro.marc.api.incident.IncidentDocumentUploadController;

import java.io.IOException;

/**
 * Bounds the body of a GraphQL request ({@code marc.http.max-body-size}, 4 MB by default): a
 * declared {@code Content-Length} above it is refused at once with HTTP 413 and a GraphQL-shaped
 * body, before anything is read; a chunked body is counted while it is read and refused the same
 * way when it passes the bound ({@link BodyTooLarge}, mapped by {@link GraphQlHttpErrors}). An incident document's
 * upload is bounded instead by the multipart limits ({@code spring.servlet.multipart}, just above the 20 MiB of a file).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The body passed {@code marc.http.max-body-size}. */
    public static final class BodyTooLarge extends IOException {
        public BodyTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    private final long limit;

    public RequestBodyLimitFilter(@Value("${marc.http.max-body-size:4MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    public long limit() {
        return limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return IncidentDocumentUploadController.isUpload(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            GraphQlErrorResponse.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + limit + " bytes", "BAD_REQUEST", "REQUEST_TOO_LARGE");
            return;
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response); // no body (and WebSocket upgrades stay unwrapped)
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream counted;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (counted == null) {
                    counted = new Counted(super.getInputStream(), limit);
                }
                return counted;
            }
        }, response);
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(in.read(b, off, len));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
