package ro.marc.api.incident;

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
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.command.incident.IncidentFiles;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals of an upload ({@link IncidentDocumentUploadController}) before the controller runs, in the same
 * GraphQL-shaped JSON: a body past the multipart limits ({@code spring.servlet.multipart.max-file-size} /
 * {@code max-request-size}, just above {@link IncidentFiles#MAX_SIZE}) is 413 {@code FILE_TOO_LARGE} on {@code file},
 * as a file over the limit that reached MARC is; a body that is not multipart 415 {@code UNSUPPORTED_MEDIA_TYPE}; a
 * multipart body that cannot be read 400 {@code MALFORMED_REQUEST}. Other paths are not its business.
 */
@Component
public class IncidentUploadErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(IncidentUploadErrors.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!IncidentDocumentUploadController.isUpload(request)) {
            return null;
        }
        int status;
        String code;
        String message;
        Map<String, Object> more = new LinkedHashMap<>();
        if (ex instanceof MaxUploadSizeExceededException || Causes.causedBy(ex, MaxUploadSizeExceededException.class)
                || (ex instanceof MultipartException && sizeExceeded(ex))) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            code = "FILE_TOO_LARGE";
            message = "The file is larger than the limit of " + IncidentFiles.MAX_SIZE + " bytes (20 MiB)";
            more.put("field", "file");
            more.put("limit", IncidentFiles.MAX_SIZE);
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            code = "UNSUPPORTED_MEDIA_TYPE";
            message = "Send the document as Content-Type: multipart/form-data (parts file, kind, title, summary, expectedVersion)";
        } else if (ex instanceof MultipartException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            code = "MALFORMED_REQUEST";
            message = "The multipart body could not be read";
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

    /** Tomcat's size refusal, however Spring wrapped it (its message names the size exceeded). */
    private static boolean sizeExceeded(Throwable ex) {
        return Causes.anyCause(ex, t -> {
            String text = t.getClass().getSimpleName() + " " + t.getMessage();
            return text.contains("SizeLimitExceeded") || text.contains("SizeException") || text.contains("exceeds");
        });
    }
}
