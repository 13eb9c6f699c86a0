package ro.marc.api.register.workbook;

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

import java.io.IOException;
import java.util.Map;

/**
 * Refusals of a workbook import ({@link MeasureWorkbookController}) before the controller runs, in the same
 * GraphQL-shaped JSON as the incident upload's ({@code IncidentUploadErrors}): a body past the multipart limits 413
 * {@code FILE_TOO_LARGE}, a body that is not multipart 415 {@code UNSUPPORTED_MEDIA_TYPE}, a multipart body that
 * cannot be read 400 {@code MALFORMED_REQUEST}. Other paths are not its business.
 */
@Component
public class MeasureWorkbookErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MeasureWorkbookErrors.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!MeasureWorkbookController.isWorkbook(request)) {
            return null;
        }
        int status;
        String code;
        String message;
        if (ex instanceof MaxUploadSizeExceededException || Causes.causedBy(ex, MaxUploadSizeExceededException.class)) {
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            code = "FILE_TOO_LARGE";
            message = "The workbook is larger than the upload limit";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            code = "UNSUPPORTED_MEDIA_TYPE";
            message = "Send the workbook as Content-Type: multipart/form-data (part file)";
        } else if (ex instanceof MultipartException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            code = "MALFORMED_REQUEST";
            message = "The multipart body could not be read";
        } else {
            return null;
        }
        log.debug("Workbook import refused before the controller: {} {}", status, ex.toString());
        try {
            GraphQlErrorResponse.write(response, status, message, "BAD_REQUEST", code, Map.of("field", "file"));
        } catch (IOException e) {
            log.debug("Could not write the error response", e);
        }
        return new ModelAndView();
    }
}
