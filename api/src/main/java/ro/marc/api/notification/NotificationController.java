package ro.marc.api.notification;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.Inputs;
import ro.marc.api.graphql.Connection;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessTable;
import ro.marc.query.common.Page;
import ro.marc.query.notification.NotificationQueries;
import ro.marc.query.notification.NotificationSeverity;
import ro.marc.query.notification.NotificationView;

import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/** The caller's own notification inbox, and the subscription that pushes new notifications. */
@Controller
@PreAuthorize("isAuthenticated()")
public class NotificationController {

    public record NotificationConnection(long unreadCount, List<Connection.Edge<NotificationView>> edges,
                                         Connection.PageInfo pageInfo) {
    }

    public record MarkNotificationsReadPayload(int marked, long unreadCount) {
    }

    private final NotificationQueries notifications;
    private final NotificationHub hub;
    private final AccessPolicy access;
    private final AccountAccessTable accounts;

    public NotificationController(NotificationQueries notifications, NotificationHub hub, AccessPolicy access,
                                  AccountAccessTable accounts) {
        this.notifications = notifications;
        this.hub = hub;
        this.access = access;
        this.accounts = accounts;
    }

    @QueryMapping
    public NotificationConnection notifications(@Argument Boolean unreadOnly, @Argument Integer first, @Argument String after,
                                                @Argument List<NotificationSeverity> severities) {
        UUID me = access.caller().userId();
        int size = Inputs.pageSize("first", first);
        Page<NotificationView> page;
        try {
            page = notifications.inbox(me, Boolean.TRUE.equals(unreadOnly), severities, size, after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
        Connection<NotificationView> connection = Connection.of(page);
        return new NotificationConnection(notifications.unreadCount(me), connection.edges(), connection.pageInfo());
    }

    @MutationMapping
    public MarkNotificationsReadPayload markNotificationsRead(@Argument List<String> ids) {
        UUID me = access.caller().userId();
        int marked = ids == null ? notifications.markAllRead(me)
                : notifications.markRead(me, ids.stream().map(i -> id("ids", i)).toList());
        return new MarkNotificationsReadPayload(marked, notifications.unreadCount(me));
    }

    /**
     * Pushes the caller's new notifications. The account is re-read (MARC's access record, which
     * never lags) before each push: when it is deactivated the subscription ends. The socket itself
     * is closed as soon as the account is deactivated or the token expires, without waiting for a
     * notification ({@link ro.marc.api.authorization.LiveSessions}).
     */
    @SubscriptionMapping
    public Flux<NotificationView> notificationAdded() {
        UUID me = access.caller().userId();
        return hub.of(me).takeWhile(n -> accounts.byUser(me).map(AccountAccess::active).orElse(false));
    }

    @SchemaMapping(typeName = "Notification")
    public boolean read(NotificationView notification) {
        return notification.readAt() != null;
    }
}
