package ro.marc.api.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessListener;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;

/**
 * This node's open GraphQL WebSockets, closed when their credentials end (issue 8, finding 3):
 * <ul>
 *   <li>at the token's {@code exp}, to the millisecond (a timer per socket): close status
 *       {@value #TOKEN_EXPIRED} — the client reconnects with a fresh token;</li>
 *   <li>when the account is deactivated or no longer linked to the socket's identity (transfer):
 *       close status {@value #ACCOUNT_REVOKED}. Pushed, not on the next notification: right after
 *       the commit when the change is made on this node ({@link AccountAccessListener}), and by a
 *       sweep of every open socket against the command side's access record every
 *       {@code marc.sessions.sweep-interval} (default 2 s) when it is made on another node — the
 *       record is written in the change's transaction, so the sweep sees every committed change,
 *       whichever node made it.</li>
 * </ul>
 * A failed sweep (database unreachable) closes nothing and is retried at the next one; operations
 * on the socket are still refused, since each re-resolves its caller.
 */
@Component
public class LiveSessions implements AccountAccessListener, DisposableBean {

    /** Close status for a socket whose token expired: authenticate again (like HTTP 401). */
    public static final int TOKEN_EXPIRED = 4401;
    /** Close status for a socket whose account was deactivated or handed to someone else (like HTTP 403). */
    public static final int ACCOUNT_REVOKED = 4403;

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    private static final Logger security = LoggerFactory.getLogger("ro.marc.security");

    private final CallerResolver callers;
    private final Map<String, Live> sessions = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform()
            .name("marc-websocket-sessions").daemon(true).factory());

    public LiveSessions(CallerResolver callers, @Value("${marc.sessions.sweep-interval:2s}") Duration sweepInterval) {
        this.callers = callers;
        timers.setRemoveOnCancelPolicy(true); // expiry timers of closed sockets do not pile up
        timers.scheduleWithFixedDelay(this::sweep, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static final class Live {
        final WebSocketSession session;
        volatile CallerAuthentication auth;
        volatile ScheduledFuture<?> expiry;

        Live(WebSocketSession session) {
            this.session = session;
        }
    }

    /** A socket was opened (not yet authenticated: that comes with connection_init). */
    void opened(WebSocketSession session) {
        sessions.put(session.getId(), new Live(session));
    }

    void closed(String sessionId) {
        Live live = sessions.remove(sessionId);
        if (live != null && live.expiry != null) {
            live.expiry.cancel(false);
        }
    }

    /** connection_init verified the token: the socket ends with the token, or with the account. */
    void authenticated(String sessionId, CallerAuthentication auth) {
        Live live = sessions.get(sessionId);
        if (live == null) {
            return;
        }
        live.auth = auth;
        Instant expiresAt = auth.token().getExpiresAt();
        if (expiresAt != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
            live.expiry = timers.schedule(() -> close(live, TOKEN_EXPIRED, "Token expired: reconnect with a fresh token"),
                    delay, TimeUnit.MILLISECONDS);
        }
    }

    /** After a commit on this node: re-checks that account's sockets at once (off the committing thread). */
    @Override
    public void accountAccessChanged(UUID userId) {
        timers.execute(() -> {
            try {
                check(sessions.values().stream()
                        .filter(l -> l.auth != null && userId.equals(l.auth.caller().userId())).toList());
            } catch (RuntimeException e) {
                log.warn("checking the websockets of account {} failed, the sweep retries: {}", userId, e.toString());
            }
        });
    }

    /** Every open socket against the access record (changes made on other nodes). */
    void sweep() {
        try {
            check(sessions.values().stream().filter(l -> l.auth != null).toList());
        } catch (RuntimeException e) {
            log.warn("websocket session sweep failed, retried at the next one: {}", e.toString());
        }
    }

    /** How many sockets this node holds open (tests, diagnostics). */
    public int openCount() {
        return sessions.size();
    }

    private void check(List<Live> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Set<UUID> userIds = new HashSet<>();
        for (Live live : candidates) {
            Instant expiresAt = live.auth.token().getExpiresAt();
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                close(live, TOKEN_EXPIRED, "Token expired: reconnect with a fresh token");
            } else if (live.auth.caller().userId() != null) {
                userIds.add(live.auth.caller().userId());
            }
        }
        if (userIds.isEmpty()) {
            return;
        }
        Map<UUID, AccountAccess> accounts = callers.accounts(userIds);
        for (Live live : candidates) {
            Caller caller = live.auth.caller();
            if (caller.userId() == null || !live.session.isOpen()) {
                continue;
            }
            AccountAccess account = accounts.get(caller.userId());
            if (account == null || !account.issuer().equals(caller.issuer()) || !account.subject().equals(caller.subject())) {
                close(live, ACCOUNT_REVOKED, "The account is no longer linked to this identity");
            } else if (!account.active()) {
                close(live, ACCOUNT_REVOKED, "The account is deactivated");
            }
        }
    }

    private void close(Live live, int code, String reason) {
        closed(live.session.getId());
        if (!live.session.isOpen()) {
            return;
        }
        security.warn("websocket closed: who={} code={} reason={}",
                live.auth == null ? "anonymous" : live.auth.caller().actorId(), code, reason);
        try {
            live.session.close(new CloseStatus(code, reason));
        } catch (IOException | RuntimeException e) {
            log.debug("closing websocket {} failed", live.session.getId(), e);
        }
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
