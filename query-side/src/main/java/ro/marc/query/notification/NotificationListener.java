package ro.marc.query.notification;

/**
 * Told about each notification once it is committed to the read model: the API pushes it to the
 * recipient's open GraphQL subscriptions. Implementations must be quick and never throw.
 */
public interface NotificationListener {

    void notificationCommitted(NotificationView notification);
}
