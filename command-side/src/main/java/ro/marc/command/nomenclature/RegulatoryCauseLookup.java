package ro.marc.command.nomenclature;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.nomenclature.event.RegulatoryCauseAdded;
import ro.marc.events.nomenclature.event.RegulatoryCauseDeactivated;
import ro.marc.events.nomenclature.event.RegulatoryCauseEdited;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The regulatory causes' command-side lookup ({@code regulatory_cause_lookup}), kept by
 * {@link ro.marc.command.common.lookup.CommandLookups} in the transaction of every regulatory-cause event: each
 * cause's work unit and activity, the act and article it is named by, and whether it is active. It answers
 * {@link RegulatoryCauses} for the risk assessment (Anexa 4), so a cause added a moment ago from within an
 * assessment (A501) can be chosen at once on either node. The act type's name comes from the nomenclature's own
 * lookup when asked, so a renamed type is named as it is now.
 *
 * <p>Every statement is guarded by the cause row's {@code last_seq}, so an event applied twice changes nothing.
 */
@Component
public class RegulatoryCauseLookup implements CommandLookup, RegulatoryCauses {

    public static final String NAME = "regulatory_cause_lookup";

    private static final Set<Class<?>> HANDLED = Set.of(RegulatoryCauseAdded.class, RegulatoryCauseEdited.class,
            RegulatoryCauseDeactivated.class);

    private final JdbcClient jdbc;

    public RegulatoryCauseLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a cause is named where it is used: "Lege nr. 161/2003, art. 12" (the act type's name, or "Act"). */
    public static String label(String actType, String actNumber, int yearInForce, String articleNumber) {
        String type = actType == null || actType.isBlank() ? "Act" : actType;
        return type + " nr. " + actNumber + "/" + yearInForce + ", art. " + articleNumber;
    }

    // ---------------------------------------------------------------- RegulatoryCauses

    @Override
    public Optional<CauseFact> cause(UUID causeId) {
        if (causeId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT c.cause_id, c.work_unit_id, c.activity_id, t.name AS act_type, c.act_number, c.year_in_force,
                               c.article_number, c.active
                          FROM regulatory_cause_lookup c LEFT JOIN nomenclature_entry_lookup t ON t.id = c.act_type_id
                         WHERE c.cause_id = ?""")
                .param(causeId)
                .query((rs, n) -> new CauseFact(rs.getObject("cause_id", UUID.class), rs.getObject("work_unit_id", UUID.class),
                        rs.getObject("activity_id", UUID.class), label(rs.getString("act_type"), rs.getString("act_number"),
                        rs.getInt("year_in_force"), rs.getString("article_number")), rs.getBoolean("active")))
                .optional();
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
            case RegulatoryCauseAdded e -> {
                RegulatoryCauseDetails d = e.details();
                jdbc.sql("""
                                INSERT INTO regulatory_cause_lookup (cause_id, work_unit_id, activity_id, act_type_id, act_number,
                                                                     year_in_force, article_number, last_seq)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cause_id) DO NOTHING""")
                        .params(e.causeId(), d.workUnitId(), d.activityId(), d.actTypeId(), d.actNumber(), d.yearInForce(),
                                d.articleNumber(), seq)
                        .update();
            }
            case RegulatoryCauseEdited e -> {
                RegulatoryCauseDetails d = e.details();
                jdbc.sql("""
                                UPDATE regulatory_cause_lookup SET work_unit_id = ?, activity_id = ?, act_type_id = ?, act_number = ?,
                                       year_in_force = ?, article_number = ?, last_seq = ?
                                 WHERE cause_id = ? AND last_seq < ?""")
                        .params(d.workUnitId(), d.activityId(), d.actTypeId(), d.actNumber(), d.yearInForce(),
                                d.articleNumber(), seq, e.causeId(), seq)
                        .update();
            }
            case RegulatoryCauseDeactivated e -> jdbc.sql("""
                            UPDATE regulatory_cause_lookup SET active = false, last_seq = ? WHERE cause_id = ? AND last_seq < ?""")
                    .params(seq, e.causeId(), seq).update();
            default -> {
            }
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM regulatory_cause_lookup").update();
    }
}
