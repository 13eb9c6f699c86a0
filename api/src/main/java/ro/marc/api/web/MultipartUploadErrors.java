package ro.marc.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import ro.marc.api.common.Causes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refusals of an upload ({@link UploadEndpoint}: an incident's document, the A1001 workbook) before its controller
 * runs, in the same GraphQL-shaped JSON as its own refusals: a body past the multipart limits
 * ({@code spring.servlet.multipart.max-file-size} / {@code max-request-size}) is 413 {@code FILE_TOO_LARGE} on
 * {@code file}, as a file over the endpoint's limit that reached MARC is; a body that is not multipart 415
 * {@code UNSUPPORTED_MEDIA_TYPE}; a multipart body that cannot be read 400 {@code MALFORMED_REQUEST}. Other paths
 * are not its business.
 */
@Component
public class MultipartUploadErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MultipartUploadErrors.class);

    private final List<UploadEndpoint> endpoints;

    public MultipartUploadErrors(List<UploadEndpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        UploadEndpoint endpoint = endpoints.stream().filter(e -> e.handles(request)).findFirst().orElse(null);
        if (endpoint == null) {
            return null;
        }
        int status;
        String code;
        String message;
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("field", "file");
        if (ex instanceof MaxUploadSizeExceededException || Causes.causedBy(ex, MaxUploadSizeExceededException.class)
                || (ex instanceof MultipartException && sizeExceeded(ex))) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            code = "FILE_TOO_LARGE";
            if (endpoint.sizeLimit() > 0) {
                message = capitalised(endpoint.what()) + " is larger than the limit of " + endpoint.sizeLimit() + " bytes";
                more.put("limit", endpoint.sizeLimit());
            } else {
                message = capitalised(endpoint.what()) + " is larger than the upload limit";
            }
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            code = "UNSUPPORTED_MEDIA_TYPE";
            message = "Send " + endpoint.what() + " as Content-Type: multipart/form-data (parts " + endpoint.parts() + ")";
            more.remove("field");
        } else if (ex instanceof MultipartException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            code = "MALFORMED_REQUEST";
            message = "The multipart body could not be read";
            more.remove("field");
        } else {
            return null;
        }
        log.debug("Upload refused before the controller: {} {}", status, ex.toString());
        try {
            GraphQlErrorResponse.write(response, status, message, "BAD_REQUEST", code, more);
        } catch (IOException e) {
            log.debug("Could not write the error response", e);
        }
        return new ModelAndView();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Tomcat's size refusal, however Spring wrapped it (its message names the size exceeded). */
    private static boolean sizeExceeded(Throwable ex) {
        return Causes.anyCause(ex, t -> {
            String text = t.getClass().getSimpleName() + " " + t.getMessage();
            return text.contains("SizeLimitExceeded") || text.contains("SizeException") || text.contains("exceeds");
        });
    }
}
