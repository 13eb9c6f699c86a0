package ro.marc.api.web;

import ro.marc.api.common.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Refusals of a {@code /graphql} HTTP request before GraphQL runs — a body that is not JSON, a JSON
 * array (batches are not supported), a body too large, a wrong content type — answered directly with
 * their HTTP status (400, 413, 415…) and a GraphQL-shaped body, instead of Spring's error page
 * (which the security chain denied: clients saw 403 with an empty body).
 */
@Component
public class GraphQlHttpErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GraphQlHttpErrors.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/graphql")) {
            return null;
        }
        int status;
        String code;
        String message;
        if (Causes.causedBy(ex, RequestBodyLimitFilter.BodyTooLarge.class)) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            code = "REQUEST_TOO_LARGE";
            message = causeMessage(ex, RequestBodyLimitFilter.BodyTooLarge.class);
        } else if (ex instanceof HttpMessageNotReadableException || Causes.causedBy(ex, HttpMessageNotReadableException.class)) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            code = "MALFORMED_REQUEST";
            message = "The request body is not a GraphQL request: a JSON object with \"query\" (and optional "
                    + "\"variables\", \"operationName\") is expected; batches (JSON arrays) are not supported";
        } else if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            status = error.getStatusCode().value();
            code = status == 415 ? "UNSUPPORTED_MEDIA_TYPE" : status == 405 ? "METHOD_NOT_ALLOWED"
                    : status == 406 ? "NOT_ACCEPTABLE" : "MALFORMED_REQUEST";
            message = status == 415 ? "Send the request as Content-Type: application/json"
                    : status == 405 ? "Use POST (or GET for queries)" : status == 406
                    ? "Accept application/json or application/graphql-response+json"
                    : "The request is not a valid GraphQL request";
            if (Causes.causedBy(ex, HttpMessageNotReadableException.class)) {
                code = "MALFORMED_REQUEST";
            }
        } else {
            return null;
        }
        log.debug("GraphQL HTTP request refused: {} {}", status, ex.toString());
        try {
            GraphQlErrorResponse.write(response, status, message, "BAD_REQUEST", code);
        } catch (IOException e) {
            log.debug("Could not write the error response", e);
        }
        return new ModelAndView();
    }


    private static String causeMessage(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return ex.getMessage();
    }
}
