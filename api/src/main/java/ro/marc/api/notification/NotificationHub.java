package ro.marc.api.notification;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import ro.marc.query.notification.NotificationListener;
import ro.marc.query.notification.NotificationView;

import java.util.UUID;

/**
 * Fans committed notifications out to the open subscriptions of this node. Best effort by
 * design: the inbox (read model) is the record; a client that reconnects reads what it missed
 * with the {@code notifications} query.
 */
@Component
public class NotificationHub implements NotificationListener {

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public void notificationCommitted(NotificationView notification) {
        sink.tryEmitNext(notification);
    }

    /** The notifications of one recipient, from now on. */
    public Flux<NotificationView> of(UUID recipient) {
        return sink.asFlux().filter(n -> recipient.equals(n.recipientUserId()));
    }
}
