package ro.marc.api.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import ro.marc.api.cluster.ClusterSignals;
import ro.marc.query.notification.NotificationListener;
import ro.marc.query.notification.NotificationQueries;
import ro.marc.query.notification.NotificationView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fans committed notifications out to the open subscriptions of every node. The node whose
 * notifications processor committed one signals its id ({@link ClusterSignals#NOTIFICATION}); every
 * node, that one included, loads it by id and pushes it to its own subscribers, once (ids pushed
 * lately are remembered). While this node is not listening, its own notifications are pushed
 * directly (the other nodes' are missed until it listens again).
 *
 * <p>Best effort by design: the inbox (read model) is the record; a client that reconnects reads
 * what it missed with the {@code notifications} query.
 */
@Component
public class NotificationHub implements NotificationListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationHub.class);
    private static final int REMEMBERED = 10_000;

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();
    private final ClusterSignals signals;
    private final NotificationQueries notifications;
    /** Loads off the listener thread (which must stay quick), one at a time. */
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("notification-hub").factory());
    /** Ids pushed lately, so that a notification is pushed once per node (guarded by this). */
    private final Map<UUID, Boolean> pushed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public NotificationHub(ClusterSignals signals, NotificationQueries notifications) {
        this.signals = signals;
        this.notifications = notifications;
        signals.subscribe(ClusterSignals.NOTIFICATION, this::signalled);
    }

    /** Called after the notifications processor's commit on this node. */
    @Override
    public void notificationCommitted(NotificationView notification) {
        signals.signal(ClusterSignals.NOTIFICATION, notification.id().toString());
        if (!signals.listening()) {
            push(notification);
        }
    }

    /** The notifications of one recipient, from now on. */
    public Flux<NotificationView> of(UUID recipient) {
        return sink.asFlux().filter(n -> recipient.equals(n.recipientUserId()));
    }

    private void signalled(String payload) {
        if (sink.currentSubscriberCount() == 0) {
            return; // nobody subscribed on this node: nothing to load
        }
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Notification signal with a malformed id '{}' ignored", payload);
            return;
        }
        loader.execute(() -> {
            try {
                notifications.byId(id).ifPresent(this::push);
            } catch (RuntimeException e) {
                log.warn("Notification {} not pushed: not loaded ({})", id, e.getMessage());
            }
        });
    }

    private synchronized void push(NotificationView notification) {
        if (pushed.putIfAbsent(notification.id(), Boolean.TRUE) == null) {
            sink.tryEmitNext(notification);
        }
    }

    @Override
    public void destroy() {
        loader.shutdownNow();
    }
}
