package ro.marc.api.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An endpoint that takes a multipart upload (an incident's document, the A1001 workbook): its requests refused
 * before its controller runs are answered by {@link MultipartUploadErrors}, in the GraphQL-shaped JSON of its own
 * refusals.
 */
public interface UploadEndpoint {

    /** Whether the request is an upload to this endpoint. */
    boolean handles(HttpServletRequest request);

    /** What is uploaded, for the refusals' messages: "the document", "the workbook". */
    String what();

    /** The multipart parts it expects, for the 415 refusal: "file, kind, title, summary, expectedVersion". */
    String parts();

    /** The file's own size limit in bytes, named in the 413 refusal's details; 0 when only the multipart limits apply. */
    long sizeLimit();
}
