package ro.marc.query.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;
import ro.marc.events.text.RomanianText;

import java.time.Instant;
import java.util.UUID;

/**
 * Projects the user accounts and working groups (one aggregate each) into the PostgreSQL read model
 * (tables app_user, app_user_role, app_user_transfer, working_group, working_group_member). Every
 * event belongs to the stream of the row it changes (an account's for its roles and transfers, a
 * group's for its members), so that stream's sequence number orders them: each statement is guarded
 * by the owning row's {@code last_event_seq}, and an event delivered twice (replay, retry after a
 * crash) or late changes nothing. The version a client sees is {@link EntityVersion#of} the sequence.
 */
@Component
@ProcessingGroup(AccessReadModelProjection.PROCESSING_GROUP)
public class AccessReadModelProjection {

    public static final String PROCESSING_GROUP = "access-postgres";

    private final JdbcClient jdbc;

    public AccessReadModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ accounts

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        // ON CONFLICT (id): a replayed registration is skipped before the identity's unique index is
        // consulted, even when the account has since been transferred and its old identity reused.
        jdbc.sql("""
                INSERT INTO app_user (id, issuer, subject, display_name, display_name_folded, email, org_unit_id,
                                      active, version, last_event_seq, created_at, updated_at)
                VALUES (:id, :issuer, :subject, :name, :folded, :email, :orgUnit, TRUE, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.userId()).param("issuer", event.issuer()).param("subject", event.subject())
                .param("name", event.displayName()).param("folded", RomanianText.fold(event.displayName()))
                .param("email", event.email()).param("orgUnit", event.orgUnitId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(UserDetailsUpdated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE app_user SET display_name = :name, display_name_folded = :folded, email = :email,
                                    version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.userId()).param("name", event.displayName())
                .param("folded", RomanianText.fold(event.displayName())).param("email", event.email())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RoleGranted event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (claimUser(event.userId(), seq, at)) {
            String[] counties = event.counties() == null ? new String[0]
                    : event.counties().stream().map(County::name).toArray(String[]::new);
            // a re-grant replaces the terms of the role
            jdbc.sql("""
                    INSERT INTO app_user_role (user_id, role, counties, follows_member_workflow) VALUES (?, ?, ?, ?)
                    ON CONFLICT (user_id, role)
                    DO UPDATE SET counties = EXCLUDED.counties, follows_member_workflow = EXCLUDED.follows_member_workflow""")
                    .params(event.userId(), event.role().name(), counties, event.followsMemberWorkflow()).update();
        }
    }

    @EventHandler
    void on(RoleRevoked event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (claimUser(event.userId(), seq, at)) {
            jdbc.sql("DELETE FROM app_user_role WHERE user_id = ? AND role = ?")
                    .params(event.userId(), event.role().name()).update();
        }
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        setActive(event.userId(), false, seq, at);
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        setActive(event.userId(), true, seq, at);
    }

    @EventHandler
    void on(UserTransferred event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String byUserId) {
        int updated = jdbc.sql("""
                UPDATE app_user SET issuer = :issuer, subject = :subject, display_name = :name,
                                    display_name_folded = :folded, email = :email,
                                    version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.userId()).param("issuer", event.issuer()).param("subject", event.subject())
                .param("name", event.displayName()).param("folded", RomanianText.fold(event.displayName()))
                .param("email", event.email()).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("at", Sql.timestamp(at)).update();
        if (updated == 1) {
            jdbc.sql("""
                    INSERT INTO app_user_transfer (user_id, seq, at, previous_issuer, previous_subject,
                                                   previous_display_name, previous_email, issuer, subject,
                                                   display_name, email, details, by_user_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (user_id, seq) DO NOTHING""")
                    .params(event.userId(), seq, Sql.timestamp(at), event.previousIssuer(), event.previousSubject(),
                            event.previousDisplayName(), event.previousEmail(), event.issuer(), event.subject(),
                            event.displayName(), event.email(), event.transferDetails(), byUserId)
                    .update();
        }
    }

    // ------------------------------------------------------------------ working groups

    @EventHandler
    void on(WorkingGroupDefined event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO working_group (id, org_unit_id, name, leader_id, version, last_event_seq,
                                           created_at, updated_at)
                VALUES (:id, :orgUnit, :name, NULL, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.workingGroupId()).param("orgUnit", event.orgUnitId())
                .param("name", event.name()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(WorkingGroupMemberAdded event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (claimGroup(event.workingGroupId(), seq, at)) {
            jdbc.sql("""
                    INSERT INTO working_group_member (working_group_id, user_id, since) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(event.workingGroupId(), event.userId(), Sql.timestamp(at)).update();
        }
    }

    @EventHandler
    void on(WorkingGroupMemberRemoved event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        int updated = jdbc.sql("""
                UPDATE working_group
                   SET leader_id = CASE WHEN leader_id = :user THEN NULL ELSE leader_id END,
                       version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.workingGroupId()).param("user", event.userId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM working_group_member WHERE working_group_id = ? AND user_id = ?")
                    .params(event.workingGroupId(), event.userId()).update();
            jdbc.sql("DELETE FROM working_group_member_work_unit WHERE working_group_id = ? AND user_id = ?")
                    .params(event.workingGroupId(), event.userId()).update();
        }
    }

    @EventHandler
    void on(WorkingGroupLeaderAppointed event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE working_group SET leader_id = :leader, version = :version, last_event_seq = :seq,
                                         updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.workingGroupId()).param("leader", event.userId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    // ------------------------------------------------------------------ reset

    /**
     * Before a replay from the start of the stream (a processor reset): the guards would skip every
     * event already applied, so the rows are removed and rebuilt. working_group_member_work_unit is
     * left to the projection that fills it (the plan's).
     */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM app_user_role").update();
        jdbc.sql("DELETE FROM app_user_transfer").update();
        jdbc.sql("DELETE FROM app_user").update();
        jdbc.sql("DELETE FROM working_group_member").update();
        jdbc.sql("DELETE FROM working_group").update();
    }

    // ------------------------------------------------------------------ guards

    /** Advances the account's version and guard; false when this event was applied before. */
    private boolean claimUser(UUID id, long seq, Instant at) {
        return jdbc.sql("""
                UPDATE app_user SET version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update() == 1;
    }

    /** Advances the working group's version and guard; false when this event was applied before. */
    private boolean claimGroup(UUID id, long seq, Instant at) {
        return jdbc.sql("""
                UPDATE working_group SET version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update() == 1;
    }

    private void setActive(UUID id, boolean active, long seq, Instant at) {
        jdbc.sql("""
                UPDATE app_user SET active = :active, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("active", active).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

}
