package ro.marc.api.web;

import jakarta.servlet.http.HttpServletResponse;
import ro.marc.command.common.CommandRejected;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL-shaped error document ({@code {"errors":[{"message":…,"extensions":{"classification":…,"code":…}}]}})
 * for refusals that happen before GraphQL runs (malformed body, no token, database down), so a
 * client reads every error the same way whatever the HTTP status.
 */
public final class GraphQlErrorResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlErrorResponse() {
    }

    public static String body(String message, String classification, String code) {
        return body(message, classification, code, Map.of());
    }

    /** With more extensions after the code: the field at fault and the rule's details (an upload's refusal). */
    public static String body(String message, String classification, String code, Map<String, Object> more) {
        return JSON.writeValueAsString(Map.of("errors", List.of(error(message, classification, code, more))));
    }

    /** One error of the document: its message, then its extensions (classification, code, then {@code more} in order). */
    public static Map<String, Object> error(String message, String classification, String code, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", classification);
        extensions.put("code", code);
        more.forEach(extensions::putIfAbsent);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return error;
    }

    /** The HTTP status of a refused command outside GraphQL (an upload, a download), by its reason. */
    public static int status(CommandRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
        };
    }

    /** Writes the status and the body unless the response is already committed. */
    public static void write(HttpServletResponse response, int status, String message, String classification,
                             String code) throws IOException {
        write(response, status, message, classification, code, Map.of());
    }

    /** As {@link #write(HttpServletResponse, int, String, String, String)}, with more extensions (field, details). */
    public static void write(HttpServletResponse response, int status, String message, String classification,
                             String code, Map<String, Object> more) throws IOException {
        write(response, status, List.of(error(message, classification, code, more)));
    }

    /** Several errors in one document (a workbook's bad rows), unless the response is already committed. */
    public static void write(HttpServletResponse response, int status, List<Map<String, Object>> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        byte[] bytes = JSON.writeValueAsString(Map.of("errors", errors)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
