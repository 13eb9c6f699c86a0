package ro.marc.query.search;

/**
 * Elasticsearch refused a write (a bulk item or the whole request), with the HTTP status it gave:
 * 429 and 5xx mean "try again later" (the processor retries the batch with back-off), other statuses
 * mean this document cannot be written as it is (the event is dead-lettered).
 */
public class IndexingFailed extends RuntimeException {

    private final int status;

    public IndexingFailed(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
