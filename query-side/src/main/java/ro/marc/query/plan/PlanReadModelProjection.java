package ro.marc.query.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.*;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Projects the plans (Anexa 1, one aggregate each) into PostgreSQL (tables plan, plan_member, plan_edition,
 * plan_history), from the plan's own events only. Every event belongs to the plan's stream, so its sequence
 * number orders them: each change is guarded by the plan row's {@code last_event_seq}, and an event
 * delivered twice changes nothing. A draft's members are kept by id (their names are resolved by the API);
 * a published edition brings every name as the command side resolved it at that moment.
 */
@Component
@ProcessingGroup(PlanReadModelProjection.PROCESSING_GROUP)
public class PlanReadModelProjection {

    public static final String PROCESSING_GROUP = "plan-postgres";

    private final JdbcClient jdbc;

    public PlanReadModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanDrafted event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(value = "userId", required = false) String by) {
        int inserted = jdbc.sql("""
                INSERT INTO plan (id, org_unit_id, status, purpose, purpose_folded, start_date, identification_deadline,
                                  evaluation_deadline, measures_deadline, org_unit_name, edition, version, last_event_seq,
                                  created_by, created_at, updated_at)
                VALUES (:id, :orgUnit, :status, :purpose, :folded, :start, :identification, :evaluation, :measures,
                        NULL, NULL, :version, :seq, :by, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.planId()).param("orgUnit", event.orgUnitId()).param("status", PlanStatus.DRAFT.name())
                .param("purpose", event.purpose()).param("folded", fold(event.purpose()))
                .param("start", date(event.startDate()))
                .param("identification", deadline(event.deadlines(), 0)).param("evaluation", deadline(event.deadlines(), 1))
                .param("measures", deadline(event.deadlines(), 2))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("by", by).param("at", Sql.timestamp(at))
                .update();
        if (inserted == 1) {
            replaceDraftMembers(event.planId(), event.members());
            history(event.planId(), seq, "PlanDrafted", at, by, null);
        }
    }

    @EventHandler
    void on(PlanDraftSaved event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(value = "userId", required = false) String by) {
        if (content(event.planId(), PlanStatus.DRAFT, event.purpose(), event.startDate(), event.deadlines(), null, seq, at)) {
            replaceDraftMembers(event.planId(), event.members());
            history(event.planId(), seq, "PlanDraftSaved", at, by, null);
        }
    }

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(value = "userId", required = false) String by) {
        published(event.planId(), event.purpose(), event.startDate(), event.deadlines(), event.members(), event.edition(),
                "PlanActivated", seq, at, by);
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(value = "userId", required = false) String by) {
        published(event.planId(), event.purpose(), event.startDate(), event.deadlines(), event.members(), event.edition(),
                "PlanRevised", seq, at, by);
    }

    @EventHandler
    void on(PlanClosed event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(value = "userId", required = false) String by) {
        int updated = jdbc.sql("""
                UPDATE plan SET status = :status, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.planId()).param("status", PlanStatus.CLOSED.name())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (updated == 1) {
            history(event.planId(), seq, "PlanClosed", at, by, null);
        }
    }

    /** Before a replay from the start (a rebuild): the guards would skip every event already applied. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM plan_history").update();
        jdbc.sql("DELETE FROM plan_edition").update();
        jdbc.sql("DELETE FROM plan_member").update();
        jdbc.sql("DELETE FROM plan").update();
    }

    // ------------------------------------------------------------------ writes

    private void published(UUID planId, String purpose, LocalDate startDate, StageDeadlines deadlines,
                           List<PlanMember> members, PlanEdition edition, String type, long seq, Instant at, String by) {
        if (!content(planId, PlanStatus.ACTIVE, purpose, startDate, deadlines, edition, seq, at)) {
            return;
        }
        jdbc.sql("DELETE FROM plan_member WHERE plan_id = ?").param(planId).update();
        int position = 0;
        for (PlanEdition.MemberEdition m : edition.members()) {
            jdbc.sql("""
                    INSERT INTO plan_member (plan_id, position, user_id, display_name, role, active, questionnaire_required,
                                             follows_member_workflow, work_unit_ids, work_unit_names)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planId, position++, m.userId(), m.displayName(), m.role() == null ? null : m.role().name(),
                            m.active(), m.questionnaireRequired(), m.followsMemberWorkflow(),
                            m.workUnits().stream().map(PlanEdition.WorkUnitRef::workUnitId).toArray(UUID[]::new),
                            m.workUnits().stream().map(PlanEdition.WorkUnitRef::name).toArray(String[]::new))
                    .update();
        }
        // members of the content the edition does not list (it lists them all; kept for safety) stay by id
        for (PlanMember m : members) {
            if (edition.members().stream().noneMatch(e -> e.userId().equals(m.userId()))) {
                insertDraftMember(planId, position++, m);
            }
        }
        jdbc.sql("""
                INSERT INTO plan_edition (plan_id, edition, published_at, published_by, published_by_name, event_seq)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(planId, edition.edition(), Sql.timestamp(at), edition.publishedBy(), edition.publishedByName(), seq)
                .update();
        history(planId, seq, type, at, by, edition.edition());
    }

    /** Replaces the plan's content and advances its guard; false when this event was applied before. */
    private boolean content(UUID planId, PlanStatus status, String purpose, LocalDate startDate, StageDeadlines deadlines,
                            PlanEdition edition, long seq, Instant at) {
        return jdbc.sql("""
                UPDATE plan SET status = :status, purpose = :purpose, purpose_folded = :folded, start_date = :start,
                                identification_deadline = :identification, evaluation_deadline = :evaluation,
                                measures_deadline = :measures,
                                org_unit_name = COALESCE(:orgUnitName, org_unit_name), edition = COALESCE(:edition, edition),
                                version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", planId).param("status", status.name()).param("purpose", purpose).param("folded", fold(purpose))
                .param("start", date(startDate)).param("identification", deadline(deadlines, 0))
                .param("evaluation", deadline(deadlines, 1)).param("measures", deadline(deadlines, 2))
                .param("orgUnitName", edition == null ? null : edition.orgUnitName())
                .param("edition", edition == null ? null : edition.edition())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update() == 1;
    }

    private void replaceDraftMembers(UUID planId, List<PlanMember> members) {
        jdbc.sql("DELETE FROM plan_member WHERE plan_id = ?").param(planId).update();
        int position = 0;
        for (PlanMember m : members == null ? List.<PlanMember>of() : members) {
            insertDraftMember(planId, position++, m);
        }
    }

    private void insertDraftMember(UUID planId, int position, PlanMember m) {
        jdbc.sql("""
                INSERT INTO plan_member (plan_id, position, user_id, display_name, role, active, questionnaire_required,
                                         follows_member_workflow, work_unit_ids, work_unit_names)
                VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, ?, NULL)
                ON CONFLICT DO NOTHING""")
                .params(planId, position, m.userId(), m.questionnaireRequired(), m.followsMemberWorkflow(),
                        m.workUnitIds().toArray(UUID[]::new))
                .update();
    }

    private void history(UUID planId, long seq, String type, Instant at, String by, Integer edition) {
        jdbc.sql("INSERT INTO plan_history (plan_id, seq, type, at, by_user_id, edition) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(planId, seq, type, Sql.timestamp(at), by, edition).update();
    }

    private static String fold(String text) {
        return text == null ? null : RomanianText.fold(text);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Date deadline(StageDeadlines deadlines, int stage) {
        if (deadlines == null) {
            return null;
        }
        return date(switch (stage) {
            case 0 -> deadlines.identification();
            case 1 -> deadlines.evaluation();
            default -> deadlines.measures();
        });
    }
}
