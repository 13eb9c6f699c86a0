package ro.marc.query.notification;

/**
 * N01: how a front end shows a notification. Every notification has one; those written before it existed are
 * {@link #INFO}.
 */
public enum NotificationSeverity {
    /** Plain information (the default). */
    INFO,
    /** Something needs attention soon, e.g. a deadline about to pass. */
    WARNING,
    /** Overdue or late: a front end shows it in red bold. */
    URGENT
}
