package ro.marc.command.plan;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.access.Savepoints;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.*;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The plans' command-side lookup ({@code plan_lookup}, {@code plan_member_lookup}): one row per plan with its
 * current content and status, kept by {@link CommandLookups} in the transaction of every plan event and read
 * by the command handlers as {@link ActivePlans}. "One active plan per org unit" is read here by the
 * activation; when two activations of two plans of one org unit race, the second one's update waits for the
 * first at the unique partial index {@code plan_lookup_one_active} and is refused at commit with the same
 * CONFLICT {@code ACTIVE_PLAN_EXISTS}. Every statement is guarded by the row's {@code last_seq}, so an
 * event applied twice changes nothing.
 */
@Component
public class PlanLookup implements CommandLookup, ActivePlans {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "plan_lookup";

    private static final Set<Class<?>> HANDLED = Set.of(PlanDrafted.class, PlanDraftSaved.class, PlanActivated.class,
            PlanRevised.class, PlanClosed.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public PlanLookup(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    // ---------------------------------------------------------------- ActivePlans

    @Override
    public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
        if (orgUnitId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM plan_lookup WHERE org_unit_id = ? AND status = 'ACTIVE'").param(orgUnitId)
                .query((rs, n) -> fact(rs)).optional();
    }

    @Override
    public Optional<PlanFact> plan(UUID planId) {
        if (planId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM plan_lookup WHERE plan_id = ?").param(planId).query((rs, n) -> fact(rs)).optional();
    }

    private PlanFact fact(ResultSet rs) throws SQLException {
        UUID planId = rs.getObject("plan_id", UUID.class);
        StageDeadlines deadlines = new StageDeadlines(date(rs, "identification_deadline"), date(rs, "evaluation_deadline"),
                date(rs, "measures_deadline"));
        return new PlanFact(planId, rs.getObject("org_unit_id", UUID.class), PlanStatus.valueOf(rs.getString("status")),
                rs.getString("purpose"), date(rs, "start_date"), deadlines, members(planId));
    }

    private Map<UUID, PlanMember> members(UUID planId) {
        Map<UUID, PlanMember> members = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT user_id, work_unit_ids, questionnaire_required, follows_member_workflow
                          FROM plan_member_lookup WHERE plan_id = ? ORDER BY position""").param(planId)
                .query((rs, n) -> new PlanMember(rs.getObject("user_id", UUID.class), uuids(rs.getArray("work_unit_ids")),
                        rs.getBoolean("questionnaire_required"), rs.getBoolean("follows_member_workflow")))
                .list().forEach(m -> members.put(m.userId(), m));
        return members;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }

    // ---------------------------------------------------------------- CommandLookup

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        long seq = event.getSequenceNumber();
        switch (event.getPayload()) {
            case PlanDrafted e -> {
                int inserted = jdbc.sql("""
                                INSERT INTO plan_lookup (plan_id, org_unit_id, status, last_seq) VALUES (?, ?, 'DRAFT', -1)
                                ON CONFLICT (plan_id) DO NOTHING""")
                        .params(e.planId(), e.orgUnitId()).update();
                if (inserted == 1) {
                    content(e.planId(), null, e.startDate(), e.purpose(), e.members(), e.deadlines(), seq);
                }
            }
            case PlanDraftSaved e -> content(e.planId(), null, e.startDate(), e.purpose(), e.members(), e.deadlines(), seq);
            case PlanActivated e -> activate(e, seq);
            case PlanRevised e -> content(e.planId(), null, e.startDate(), e.purpose(), e.members(), e.deadlines(), seq);
            case PlanClosed e -> jdbc.sql("UPDATE plan_lookup SET status = 'CLOSED', last_seq = ? WHERE plan_id = ? AND last_seq < ?")
                    .params(seq, e.planId(), seq).update();
            default -> {
            }
        }
    }

    private void activate(PlanActivated e, long seq) {
        try {
            Savepoints.within(dataSource, () -> {
                content(e.planId(), PlanStatus.ACTIVE, e.startDate(), e.purpose(), e.members(), e.deadlines(), seq);
                return null;
            });
        } catch (DuplicateKeyException taken) {
            // another plan of the org unit was activated and committed first (visible now: this update waited for it)
            Optional<PlanFact> active = activePlanOf(e.orgUnitId()).filter(p -> !p.planId().equals(e.planId()));
            throw PlanRefusals.activePlanExists(e.orgUnitId(), active.map(PlanFact::planId).orElse(null),
                    active.map(PlanFact::purpose).orElse(null));
        }
    }

    /** Replaces the plan's content (and its status when {@code status} is given) if {@code seq} is newer. */
    private void content(UUID planId, PlanStatus status, LocalDate startDate, String purpose, List<PlanMember> members,
                         StageDeadlines deadlines, long seq) {
        StageDeadlines d = deadlines == null ? new StageDeadlines(null, null, null) : deadlines;
        int updated = jdbc.sql("""
                        UPDATE plan_lookup SET status = coalesce(:status, status), purpose = :purpose, start_date = :start,
                               identification_deadline = :identification, evaluation_deadline = :evaluation,
                               measures_deadline = :measures, last_seq = :seq
                         WHERE plan_id = :plan AND last_seq < :seq""")
                .param("status", status == null ? null : status.name()).param("purpose", purpose)
                .param("start", sqlDate(startDate)).param("identification", sqlDate(d.identification()))
                .param("evaluation", sqlDate(d.evaluation())).param("measures", sqlDate(d.measures()))
                .param("seq", seq).param("plan", planId).update();
        if (updated == 0) {
            return;
        }
        jdbc.sql("DELETE FROM plan_member_lookup WHERE plan_id = ?").param(planId).update();
        int position = 0;
        for (PlanMember member : members == null ? List.<PlanMember>of() : members) {
            if (member == null || member.userId() == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO plan_member_lookup (plan_id, user_id, position, work_unit_ids, questionnaire_required,
                                                            follows_member_workflow)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(planId, member.userId(), position++, member.workUnitIds().toArray(UUID[]::new),
                            member.questionnaireRequired(), member.followsMemberWorkflow())
                    .update();
        }
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM plan_lookup").update();
    }
}
