package ro.marc.command.access;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.Savepoints;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/**
 * The command side's lookup of accounts ({@code account_access}, {@code account_access_role}): one row
 * per account with its identity, display name, org unit, active flag and roles with their terms. A
 * {@link CommandLookup}: {@link CommandLookups} applies every account event to it in the transaction
 * that appends the event, and rebuilds it from the event store when its row in
 * {@code command_lookup_build} is missing. So unlike the read model ({@code app_user}, filled by a
 * tracking processor) it is never behind a committed change, on any node:
 * <ul>
 *   <li>every request resolves its caller here (the api's {@code CallerResolver}): access decisions
 *       fail closed;</li>
 *   <li>the access handlers ask it about other accounts ({@link AccountDirectory}): the identity's
 *       holder, the account a working group adds, whether another active central administrator
 *       exists.</li>
 * </ul>
 *
 * <p>Every row is guarded by the account aggregate's own sequence number ({@code last_event_sequence};
 * {@code version} = sequence + 1, what clients send as {@code expectedVersion}): an event applied twice
 * changes nothing. The identity is unique: when two commands race for it, the second one's write
 * waits for the first and is refused at commit with the CONFLICT {@code IDENTITY_IN_USE} the handler
 * gives. After the commit, the {@link AccountAccessListener}s of this node are told which accounts
 * changed (the api closes their WebSocket sessions).
 */
@Component
public class AccountAccessTable implements CommandLookup, AccountDirectory {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "account_access";
    /** pg_advisory_xact_lock key serialising the "last active central administrator" rule: 'MARCADMN'. */
    static final long CENTRAL_ADMINS_LOCK = 0x4D41524341444D4EL;

    private static final Logger log = LoggerFactory.getLogger(AccountAccessTable.class);
    private static final Set<Class<?>> ACCOUNT_EVENTS = Set.of(UserRegistered.class, RoleGranted.class,
            RoleRevoked.class, UserDeactivated.class, UserReactivated.class, UserTransferred.class,
            UserDetailsUpdated.class);
    private static final String CHANGED_ACCOUNTS = AccountAccessTable.class.getName() + ".changed";
    private static final String COLUMNS = """
            a.user_id, a.issuer, a.subject, a.display_name, a.org_unit_id, a.active, a.version, a.last_event_sequence,
            ARRAY(SELECT r.role || ':' || array_to_string(r.counties, ',') || ':' || r.follows_member_workflow::text
                    FROM account_access_role r WHERE r.user_id = a.user_id ORDER BY r.role) AS roles""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectProvider<AccountAccessListener> listeners;

    public AccountAccessTable(DataSource dataSource, ObjectProvider<AccountAccessListener> listeners) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.listeners = listeners;
    }

    // ------------------------------------------------------------------ who may act (the api)

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

    /** Whether any account exists (a new installation has none). */
    public boolean anyAccount() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account_access)").query(Boolean.class).single();
    }

    // ------------------------------------------------------------------ AccountDirectory (the handlers)

    @Override
    public Optional<AccountFact> account(UUID userId) {
        return byUser(userId).map(AccountAccessTable::fact);
    }

    @Override
    public Optional<AccountFact> holderOf(String issuer, String subject) {
        return byIdentity(issuer, subject).map(AccountAccessTable::fact);
    }

    /**
     * Takes the advisory transaction lock first, in a statement of its own: PostgreSQL takes a
     * statement's snapshot when the statement starts, so the count must be a later statement to see
     * what the previous holder of the lock committed. The lock is held until the command's
     * transaction ends, after its own event is applied here.
     */
    @Override
    public boolean anotherActiveCentralAdmin(UUID userId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // fail closed: outside the command's transaction the lock would be released at once
            throw new IllegalStateException("The last-central-administrator rule must be decided in the command's transaction");
        }
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(CENTRAL_ADMINS_LOCK)
                .query(Integer.class).single();
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM account_access a
                                         JOIN account_access_role r ON r.user_id = a.user_id AND r.role = 'CENTRAL_ADMIN'
                                        WHERE a.active AND a.user_id <> ?)""")
                .param(userId).query(Boolean.class).single();
    }

    private static AccountFact fact(AccountAccess account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        account.roles().forEach(grant -> roles.add(grant.role()));
        return new AccountFact(account.userId(), account.displayName(), account.orgUnitId(), account.active(),
                Collections.unmodifiableSet(roles));
    }

    // ------------------------------------------------------------------ CommandLookup

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return ACCOUNT_EVENTS.contains(payloadType);
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM account_access_role").update();
        jdbc.sql("DELETE FROM account_access").update();
    }

    /** Applies one account event, if it is newer than what the row holds (in the caller's transaction). */
    @Override
    public void apply(DomainEventMessage<?> event) {
        long sequence = event.getSequenceNumber();
        boolean applied = switch (event.getPayload()) {
            case UserRegistered e -> register(e, sequence);
            case RoleGranted e -> {
                boolean claimed = claim(e.userId(), sequence, "", List.of());
                if (claimed) {
                    String[] counties = e.counties() == null ? new String[0]
                            : e.counties().stream().map(County::name).toArray(String[]::new);
                    // a re-grant replaces the terms of the role
                    jdbc.sql("""
                            INSERT INTO account_access_role (user_id, role, counties, follows_member_workflow) VALUES (?, ?, ?, ?)
                            ON CONFLICT (user_id, role)
                            DO UPDATE SET counties = EXCLUDED.counties, follows_member_workflow = EXCLUDED.follows_member_workflow""")
                            .params(e.userId(), e.role().name(), counties, e.followsMemberWorkflow()).update();
                }
                yield claimed;
            }
            case RoleRevoked e -> {
                boolean claimed = claim(e.userId(), sequence, "", List.of());
                if (claimed) {
                    jdbc.sql("DELETE FROM account_access_role WHERE user_id = ? AND role = ?")
                            .params(e.userId(), e.role().name()).update();
                }
                yield claimed;
            }
            case UserDeactivated e -> claim(e.userId(), sequence, ", active = FALSE", List.of());
            case UserReactivated e -> claim(e.userId(), sequence, ", active = TRUE", List.of());
            case UserTransferred e -> {
                try {
                    yield Savepoints.within(dataSource, () -> claim(e.userId(), sequence,
                            ", issuer = ?, subject = ?, display_name = ?",
                            Arrays.asList(e.issuer(), e.subject(), e.displayName())));
                } catch (DuplicateKeyException taken) {
                    throw identityTaken(e.issuer(), e.subject(), e.userId());
                }
            }
            case UserDetailsUpdated e -> claim(e.userId(), sequence, ", display_name = ?",
                    Arrays.asList(e.displayName()));
            default -> false;
        };
        if (applied) {
            announceAfterCommit(userIdOf(event.getPayload()));
        }
    }

    /** Inserts the account unless it is there; the identity's unique index decides a race. */
    private boolean register(UserRegistered e, long sequence) {
        try {
            return Savepoints.within(dataSource, () -> jdbc.sql("""
                            INSERT INTO account_access (user_id, issuer, subject, display_name, org_unit_id, active, version,
                                                        last_event_sequence)
                            VALUES (?, ?, ?, ?, ?, TRUE, ?, ?) ON CONFLICT (user_id) DO NOTHING""")
                    .params(e.userId(), e.issuer(), e.subject(), e.displayName(), e.orgUnitId(), sequence + 1, sequence)
                    .update() == 1);
        } catch (DuplicateKeyException taken) {
            throw identityTaken(e.issuer(), e.subject(), e.userId());
        }
    }

    /** Whoever committed the identity first (visible now: the failed write waited for that commit). */
    private RuntimeException identityTaken(String issuer, String subject, UUID userId) {
        Optional<AccountFact> holder = holderOf(issuer, subject).filter(h -> !h.userId().equals(userId));
        log.info("identity of account {} was linked to {} by a command that committed first", userId,
                holder.map(AccountFact::userId).orElse(null));
        return AccessRefusals.identityInUse(holder.map(AccountFact::userId).orElse(null),
                holder.map(AccountFact::displayName).orElse(null));
    }

    /** Moves the row to {@code sequence} (with the extra assignments) if it is older; false if applied before. */
    private boolean claim(UUID userId, long sequence, String assignments, List<Object> values) {
        List<Object> params = new ArrayList<>(values);
        params.addAll(List.of(sequence + 1, sequence, userId, sequence));
        int updated = jdbc.sql("UPDATE account_access SET updated_at = now()" + assignments
                        + ", version = ?, last_event_sequence = ? WHERE user_id = ? AND last_event_sequence < ?")
                .params(params).update();
        if (updated == 0 && jdbc.sql("SELECT 1 FROM account_access WHERE user_id = ?").param(userId)
                .query(Integer.class).optional().isEmpty()) {
            // cannot happen with events written by MARC (the registration comes first); such an account cannot act
            log.warn("account event at sequence {} names account {}, which was never registered; skipped", sequence, userId);
        }
        return updated == 1;
    }

    private static UUID userIdOf(Object payload) {
        return switch (payload) {
            case UserRegistered e -> e.userId();
            case RoleGranted e -> e.userId();
            case RoleRevoked e -> e.userId();
            case UserDeactivated e -> e.userId();
            case UserReactivated e -> e.userId();
            case UserTransferred e -> e.userId();
            case UserDetailsUpdated e -> e.userId();
            default -> throw new IllegalArgumentException("not an account event: " + payload.getClass());
        };
    }

    /** Once the command's transaction committed, this node's listeners hear of each changed account once. */
    private void announceAfterCommit(UUID userId) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().<Set<UUID>>getOrComputeResource(CHANGED_ACCOUNTS, key -> {
            Set<UUID> changed = new LinkedHashSet<>();
            unitOfWork.root().afterCommit(u -> announce(changed));
            return changed;
        }).add(userId));
    }

    private void announce(Set<UUID> changed) {
        listeners.orderedStream().forEach(listener -> changed.forEach(id -> {
            try {
                listener.accountAccessChanged(id);
            } catch (RuntimeException e) {
                log.warn("account access listener {} failed for {}", listener, id, e);
            }
        }));
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
                rs.getString("display_name"), rs.getObject("org_unit_id", UUID.class), rs.getBoolean("active"),
                rs.getLong("version"), rs.getLong("last_event_sequence"), List.copyOf(roles));
    }
}
