package ro.marc.query.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.*;

/**
 * A recipient's notifications: the inbox (newest first), the unread count, marking as read. Every
 * read and write is restricted to the recipient's own rows.
 */
@Component
@ReadSnapshot
public class NotificationQueries {

    private final JdbcClient jdbc;

    public NotificationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The recipient's notifications, newest first (keyset on (created_at, id), both descending).
     *
     * @param after the cursor of the last notification of the previous page, or null for the first page
     */
    public Page<NotificationView> inbox(UUID recipient, boolean unreadOnly, int first, String after) {
        return inbox(recipient, unreadOnly, null, first, after);
    }

    /**
     * The recipient's notifications of the given severities (null or empty: all), newest first.
     *
     * @param after the cursor of the last notification of the previous page, or null for the first page
     */
    public Page<NotificationView> inbox(UUID recipient, boolean unreadOnly, Collection<NotificationSeverity> severities,
                                        int first, String after) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM notification WHERE recipient_user_id = ?");
        params.add(recipient);
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL");
        }
        if (severities != null && !severities.isEmpty()) {
            sql.append(" AND severity = ANY(?)");
            params.add(severities.stream().map(Enum::name).distinct().toArray(String[]::new));
        }
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            sql.append(" AND (created_at, id) < (CAST(? AS timestamptz), CAST(? AS uuid))");
            params.add(Cursor.instant(after, key[0]).toString());
            params.add(Cursor.uuid(after, key[1]).toString());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(first + 1);
        List<NotificationView> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
        return Page.of(rows, first, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()));
    }

    /**
     * One notification by id, whoever its recipient: for pushing it to its recipient's subscriptions
     * (NotificationHub), never for answering a caller.
     */
    public Optional<NotificationView> byId(UUID id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    public long unreadCount(UUID recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = ? AND read_at IS NULL")
                .param(recipient).query(Long.class).single();
    }

    /**
     * Marks the recipient's own unread notifications among {@code ids} as read (others' ids and
     * already read ones are left alone).
     *
     * @return how many notifications changed
     */
    @Transactional // a write: not the class's read-only snapshot
    public int markRead(UUID recipient, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE notification SET read_at = now()
                WHERE recipient_user_id = ? AND id = ANY(?) AND read_at IS NULL""")
                .params(recipient, ids.toArray(UUID[]::new)).update();
    }

    /** @return how many notifications changed */
    @Transactional // a write: not the class's read-only snapshot
    public int markAllRead(UUID recipient) {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE recipient_user_id = ? AND read_at IS NULL")
                .param(recipient).update();
    }

    private static NotificationView row(ResultSet rs) throws SQLException {
        List<String> workUnits = new ArrayList<>();
        for (Object element : (Object[]) rs.getArray("work_unit_names").getArray()) {
            workUnits.add((String) element);
        }
        Timestamp readAt = rs.getTimestamp("read_at");
        return new NotificationView(rs.getObject("id", UUID.class), rs.getObject("recipient_user_id", UUID.class),
                NotificationKind.valueOf(rs.getString("kind")), NotificationSeverity.valueOf(rs.getString("severity")),
                rs.getString("title"), rs.getString("message"),
                rs.getObject("subject_id", UUID.class), rs.getString("subject_kind"), List.copyOf(workUnits),
                rs.getString("activity_name"), rs.getString("task_name"), rs.getString("actor_user_id"),
                rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
    }
}
