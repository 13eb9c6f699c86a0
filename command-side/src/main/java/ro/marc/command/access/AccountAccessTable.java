package ro.marc.command.access;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/**
 * The command side's lookup of who may act ({@code account_access}, {@code account_access_role}):
 * one row per account, identity, org unit, active flag and roles with their terms.
 *
 * <p>Written only by {@link AccountAccessWriter}, in the transaction that appends the account's
 * event, and by {@link AccountAccessCatchUp} from the event store; so unlike the read model
 * ({@code app_user}, filled by a tracking processor) it can never be behind a committed change,
 * on any node. Reads are one indexed query each.
 *
 * <p>Every write is guarded by the event's aggregate sequence number ({@code last_event_sequence}):
 * applying an event twice (the catch-up racing a live write) changes nothing.
 */
@Component
public class AccountAccessTable {

    private static final String COLUMNS = """
            a.user_id, a.issuer, a.subject, a.org_unit_id, a.active, a.version, a.last_event_sequence,
            ARRAY(SELECT r.role || ':' || array_to_string(r.counties, ',') || ':' || r.follows_member_workflow::text
                    FROM account_access_role r WHERE r.user_id = a.user_id ORDER BY r.role) AS roles""";

    /** What applying one event did. */
    enum Outcome { APPLIED, ALREADY_APPLIED, NO_ACCOUNT, NOT_AN_ACCOUNT_EVENT }

    private final JdbcClient jdbc;

    public AccountAccessTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ reads

    /** The account linked to an identity of the identity provider (the token's {@code iss} and {@code sub}). */
    public Optional<AccountAccess> byIdentity(String issuer, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_access a WHERE a.issuer = ? AND a.subject = ?")
                .params(issuer, subject).query(ROW).optional();
    }

    public Optional<AccountAccess> byUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_access a WHERE a.user_id = ?")
                .param(userId).query(ROW).optional();
    }

    /** The accounts among {@code userIds} (unknown ids left out), by id. */
    public Map<UUID, AccountAccess> byUsers(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, AccountAccess> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM account_access a WHERE a.user_id = ANY(?)")
                .param(userIds.toArray(UUID[]::new)).query(ROW).list().forEach(a -> found.put(a.userId(), a));
        return found;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Applies one event of an account, if it is newer than what the row holds. Must run inside the
     * caller's transaction (the writer's: the command's; the catch-up's: its own).
     */
    Outcome apply(Object event, long sequence) {
        return switch (event) {
            case UserRegistered e -> jdbc.sql("""
                            INSERT INTO account_access (user_id, issuer, subject, org_unit_id, active, version, last_event_sequence)
                            VALUES (?, ?, ?, ?, TRUE, ?, ?) ON CONFLICT (user_id) DO NOTHING""")
                    .params(e.userId(), e.issuer(), e.subject(), e.orgUnitId(), e.version(), sequence).update() == 1
                    ? Outcome.APPLIED : Outcome.ALREADY_APPLIED;
            case RoleGranted e -> {
                Outcome outcome = claim(e.userId(), e.version(), sequence, "", List.of());
                if (outcome == Outcome.APPLIED) {
                    String[] counties = e.counties() == null ? new String[0]
                            : e.counties().stream().map(County::name).toArray(String[]::new);
                    // a re-grant replaces the terms of the role
                    jdbc.sql("""
                            INSERT INTO account_access_role (user_id, role, counties, follows_member_workflow) VALUES (?, ?, ?, ?)
                            ON CONFLICT (user_id, role)
                            DO UPDATE SET counties = EXCLUDED.counties, follows_member_workflow = EXCLUDED.follows_member_workflow""")
                            .params(e.userId(), e.role().name(), counties, e.followsMemberWorkflow()).update();
                }
                yield outcome;
            }
            case RoleRevoked e -> {
                Outcome outcome = claim(e.userId(), e.version(), sequence, "", List.of());
                if (outcome == Outcome.APPLIED) {
                    jdbc.sql("DELETE FROM account_access_role WHERE user_id = ? AND role = ?")
                            .params(e.userId(), e.role().name()).update();
                }
                yield outcome;
            }
            case UserDeactivated e -> claim(e.userId(), e.version(), sequence, ", active = FALSE", List.of());
            case UserReactivated e -> claim(e.userId(), e.version(), sequence, ", active = TRUE", List.of());
            case UserTransferred e -> claim(e.userId(), e.version(), sequence, ", issuer = ?, subject = ?",
                    List.of(e.issuer(), e.subject()));
            case UserDetailsUpdated e -> claim(e.userId(), e.version(), sequence, "", List.of());
            default -> Outcome.NOT_AN_ACCOUNT_EVENT;
        };
    }

    /** Moves the row to {@code sequence} (with the extra assignments) if it is older; says what happened. */
    private Outcome claim(UUID userId, long version, long sequence, String assignments, List<Object> values) {
        List<Object> params = new ArrayList<>(values);
        params.addAll(List.of(version, sequence, userId, sequence));
        int updated = jdbc.sql("UPDATE account_access SET updated_at = now()" + assignments
                        + ", version = ?, last_event_sequence = ? WHERE user_id = ? AND last_event_sequence < ?")
                .params(params).update();
        if (updated == 1) {
            return Outcome.APPLIED;
        }
        return jdbc.sql("SELECT 1 FROM account_access WHERE user_id = ?").param(userId).query(Integer.class)
                .optional().isPresent() ? Outcome.ALREADY_APPLIED : Outcome.NO_ACCOUNT;
    }

    private static final RowMapper<AccountAccess> ROW = AccountAccessTable::row;

    private static AccountAccess row(ResultSet rs, int n) throws SQLException {
        List<AccountAccess.Grant> roles = new ArrayList<>();
        for (Object element : (Object[]) rs.getArray("roles").getArray()) {
            // ROLE:CODE,CODE:true|false
            String[] parts = ((String) element).split(":", -1);
            List<County> counties = parts[1].isEmpty() ? List.of()
                    : Arrays.stream(parts[1].split(",")).map(County::valueOf).toList();
            roles.add(new AccountAccess.Grant(Role.valueOf(parts[0]), counties, Boolean.parseBoolean(parts[2])));
        }
        return new AccountAccess(rs.getObject("user_id", UUID.class), rs.getString("issuer"), rs.getString("subject"),
                rs.getObject("org_unit_id", UUID.class), rs.getBoolean("active"), rs.getLong("version"),
                rs.getLong("last_event_sequence"), List.copyOf(roles));
    }
}
