package ro.marc.query.nomenclature;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.text.RomanianText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Projects the nomenclature (domains, vulnerable activities with their tasks, documents and risks,
 * reference lists, regulatory causes: one aggregate each) into the PostgreSQL read model (tables
 * nomenclature_domain, nomenclature_item, nomenclature_item_work_unit, nomenclature_attachment,
 * reference_entry, regulatory_cause). Every row belongs to one entity, whose own sequence number orders
 * its events: each statement is guarded by the row's {@code last_event_seq} (the activity's for its
 * work units and attachments), so an event delivered twice (replay, retry after a crash) or late changes
 * nothing, not even {@code updated_at}; the version a client sees is {@link EntityVersion#of} the
 * sequence number.
 * <p>
 * {@code proposer_county} comes from the group's own copy of the org units' counties
 * ({@code nomenclature_org_unit_county}, filled by {@link OrgUnitCreated} here): a proposal projected before its
 * org unit is known keeps no county until the org unit arrives, which then writes it into the proposals already
 * there, so the county comes out the same whichever came first ({@link OrgFactsLock} orders the two when two
 * segments handle them at the same time). A document's {@code activity_id} is its task's, projected earlier (a task's proposal precedes
 * its documents' in the event store; a document whose task is not there yet fails and is retried).
 */
@Component
@ProcessingGroup(NomenclatureReadModelProjection.PROCESSING_GROUP)
public class NomenclatureReadModelProjection {

    public static final String PROCESSING_GROUP = "nomenclature-postgres";

    private static final String INSERT_ITEM = """
            INSERT INTO nomenclature_item (id, kind, parent_id, activity_id, task_id, name, name_folded, description,
                                           domain_id, periodicity, status, proposer_user_id, proposer_org_unit_id,
                                           proposer_county, version, last_event_seq, created_at, updated_at)
            VALUES (:id, :kind, :parent, %s, :task, :name, :folded, :description, :domain, :periodicity, 'PROPOSED',
                    :proposer, :orgUnit,
                    (SELECT c.county FROM nomenclature_org_unit_county c WHERE c.org_unit_id = :orgUnit),
                    :version, :seq, :at, :at)
            ON CONFLICT (id) DO NOTHING""";

    /** The advisory lock of this group's org facts ({@link OrgFactsLock}). */
    private static final long ORG_FACTS_LOCK = 0x6d617263_00000101L;

    private final JdbcClient jdbc;

    public NomenclatureReadModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every batch takes the org facts' lock (shared) before its first row lock; see {@link OrgFactsLock}. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object orgFactsFirst(EventMessage<?> event, InterceptorChain chain) throws Exception {
        OrgFactsLock.shared(jdbc, ORG_FACTS_LOCK);
        return chain.proceed();
    }

    // ------------------------------------------------------------------ org units (the proposers' counties)

    /** The org unit's county (set when it is created, never changed), also into the proposals made before. */
    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long seq) {
        OrgFactsLock.exclusive(jdbc, ORG_FACTS_LOCK);
        String county = event.county() == null ? null : event.county().name();
        int changed = jdbc.sql("""
                INSERT INTO nomenclature_org_unit_county AS c (org_unit_id, county, last_event_seq) VALUES (?, ?, ?)
                ON CONFLICT (org_unit_id) DO UPDATE SET county = excluded.county, last_event_seq = excluded.last_event_seq
                WHERE c.last_event_seq < excluded.last_event_seq""")
                .params(event.orgUnitId(), county, seq).update();
        if (changed == 1) {
            // not the entries' own event: their version and last_event_seq stay
            jdbc.sql("""
                    UPDATE nomenclature_item SET proposer_county = ?
                    WHERE proposer_org_unit_id = ? AND proposer_county IS DISTINCT FROM ?""")
                    .params(county, event.orgUnitId(), county).update();
        }
    }

    // ------------------------------------------------------------------ domains

    @EventHandler
    void on(DomainDefined event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO nomenclature_domain (id, parent_id, name, name_folded, version, last_event_seq,
                                                 created_at, updated_at)
                VALUES (:id, :parent, :name, :folded, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.domainId()).param("parent", event.parentDomainId())
                .param("name", event.name()).param("folded", RomanianText.fold(event.name()))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(DomainRenamed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE nomenclature_domain SET name = :name, name_folded = :folded, version = :version,
                                               last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.domainId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    // ------------------------------------------------------------------ proposals

    @EventHandler
    void on(ActivityProposed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        int inserted = jdbc.sql(INSERT_ITEM.formatted(":id"))
                .param("id", event.activityId()).param("kind", ItemKind.ACTIVITY.name()).param("parent", null)
                .param("task", null).param("name", event.name()).param("folded", RomanianText.fold(event.name()))
                .param("description", event.description()).param("domain", event.domainId())
                .param("periodicity", null).param("proposer", event.proposerUserId())
                .param("orgUnit", event.proposerOrgUnitId()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (inserted == 1) {
            replaceWorkUnits(event.activityId(), event.workUnitIds());
            List<Attachment> attachments = event.attachments() == null ? List.of() : event.attachments();
            for (int i = 0; i < attachments.size(); i++) {
                jdbc.sql("""
                        INSERT INTO nomenclature_attachment (activity_id, position, name, reference)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(event.activityId(), i, attachments.get(i).name(), attachments.get(i).reference())
                        .update();
            }
        }
    }

    @EventHandler
    void on(TaskProposed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql(INSERT_ITEM.formatted(":parent"))
                .param("id", event.taskId()).param("kind", ItemKind.TASK.name()).param("parent", event.activityId())
                .param("task", null).param("name", event.name()).param("folded", RomanianText.fold(event.name()))
                .param("description", null).param("domain", null).param("periodicity", null)
                .param("proposer", event.proposerUserId()).param("orgUnit", event.proposerOrgUnitId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(DocumentProposed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql(INSERT_ITEM.formatted("(SELECT t.activity_id FROM nomenclature_item t WHERE t.id = :parent)"))
                .param("id", event.documentId()).param("kind", ItemKind.DOCUMENT.name())
                .param("parent", event.taskId()).param("task", event.taskId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("description", null)
                .param("domain", null).param("periodicity", name(event.periodicity()))
                .param("proposer", event.proposerUserId()).param("orgUnit", event.proposerOrgUnitId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RiskProposed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql(INSERT_ITEM.formatted(":parent"))
                .param("id", event.riskId()).param("kind", ItemKind.RISK.name()).param("parent", event.activityId())
                .param("task", null).param("name", event.name()).param("folded", RomanianText.fold(event.name()))
                .param("description", event.description()).param("domain", null).param("periodicity", null)
                .param("proposer", event.proposerUserId()).param("orgUnit", event.proposerOrgUnitId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    /** The proposal as it now stands (every field); an activity's work units are replaced. */
    @EventHandler
    void on(ProposalRevised event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        revised(event.itemId(), event.kind(), event.name(), event.description(), event.workUnitIds(), event.periodicity(),
                seq, at);
    }

    /** The description a task's proposal came with, or a document's content (§3.1 b, c). */
    @EventHandler
    void on(ProposalDescribed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE nomenclature_item
                   SET description = :description, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("description", event.description())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    /** An approved entry corrected by a central administrator: as it now stands, like a revision. */
    @EventHandler
    void on(ApprovedItemCorrected event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        revised(event.itemId(), event.kind(), event.name(), event.description(), event.workUnitIds(), event.periodicity(),
                seq, at);
    }

    private void revised(UUID itemId, ItemKind kind, String name, String description, List<UUID> workUnitIds,
                         Periodicity periodicity, long seq, Instant at) {
        int updated = jdbc.sql("""
                UPDATE nomenclature_item
                   SET name = COALESCE(:name, name), name_folded = COALESCE(:folded, name_folded),
                       description = :description, periodicity = :periodicity,
                       version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", itemId).param("name", name)
                .param("folded", RomanianText.fold(name)).param("description", description)
                .param("periodicity", name(periodicity)).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (updated == 1 && kind == ItemKind.ACTIVITY && workUnitIds != null) {
            jdbc.sql("DELETE FROM nomenclature_item_work_unit WHERE item_id = ?").param(itemId).update();
            replaceWorkUnits(itemId, workUnitIds);
        }
    }

    @EventHandler
    void on(ProposalAccepted event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String byUserId) {
        jdbc.sql("""
                UPDATE nomenclature_item
                   SET status = 'APPROVED', rejection_reason = NULL, decided_at = :at, decided_by = :by,
                       version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("by", byUserId).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ProposalRejected event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String byUserId) {
        jdbc.sql("""
                UPDATE nomenclature_item
                   SET status = 'REJECTED', rejection_reason = :reason, decided_at = :at, decided_by = :by,
                       version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("reason", event.reason()).param("by", byUserId)
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ItemDeactivated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE nomenclature_item SET status = 'INACTIVE', version = :version, last_event_seq = :seq,
                                             updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    // ------------------------------------------------------------------ reference lists

    @EventHandler
    void on(ReferenceEntryDefined event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO reference_entry (id, list, name, name_folded, active, version, last_event_seq,
                                             created_at, updated_at)
                VALUES (:id, :list, :name, :folded, TRUE, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.entryId()).param("list", event.list().name()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ReferenceEntryRenamed event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE reference_entry SET name = :name, name_folded = :folded, version = :version,
                                           last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.entryId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(ReferenceEntryDeactivated event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE reference_entry SET active = FALSE, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.entryId()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    // ------------------------------------------------------------------ regulatory causes

    @EventHandler
    void on(RegulatoryCauseAdded event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        RegulatoryCauseDetails d = event.details();
        jdbc.sql("""
                INSERT INTO regulatory_cause (id, work_unit_id, activity_id, issuer_id, act_type_id, act_number,
                                              year_in_force, act_status_id, act_title, article_number,
                                              additional_info, extract, corruption_factors, corruption_threats,
                                              recommendations, proposed_text, author_user_id, author_org_unit_id,
                                              active, version, last_event_seq, created_at, updated_at)
                VALUES (:id, :workUnit, :activity, :issuer, :actType, :actNumber, :year, :actStatus, :actTitle,
                        :article, :additionalInfo, :extract, :factors, :threats, :recommendations, :proposedText,
                        :author, :authorOrgUnit, TRUE, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.causeId()).param("author", event.authorUserId())
                .param("authorOrgUnit", event.authorOrgUnitId()).params(detailParams(d))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RegulatoryCauseEdited event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE regulatory_cause
                   SET work_unit_id = :workUnit, activity_id = :activity, issuer_id = :issuer,
                       act_type_id = :actType, act_number = :actNumber, year_in_force = :year,
                       act_status_id = :actStatus, act_title = :actTitle, article_number = :article,
                       additional_info = :additionalInfo, extract = :extract, corruption_factors = :factors,
                       corruption_threats = :threats, recommendations = :recommendations,
                       proposed_text = :proposedText, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.causeId()).params(detailParams(event.details()))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(RegulatoryCauseDeactivated event, @SequenceNumber long seq,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE regulatory_cause SET active = FALSE, version = :version, last_event_seq = :seq,
                                            updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.causeId()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    // ------------------------------------------------------------------ reset

    /**
     * Before a replay from the start of the stream (a processor reset): the guards would skip every
     * event already applied, so the rows are removed and rebuilt. Notifications are not part of this
     * read model and are kept.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM nomenclature_attachment").update();
        jdbc.sql("DELETE FROM nomenclature_item_work_unit").update();
        jdbc.sql("DELETE FROM nomenclature_item").update();
        jdbc.sql("DELETE FROM nomenclature_domain").update();
        jdbc.sql("DELETE FROM reference_entry").update();
        jdbc.sql("DELETE FROM regulatory_cause").update();
        jdbc.sql("DELETE FROM nomenclature_org_unit_county").update();
    }

    // ------------------------------------------------------------------ helpers

    private void replaceWorkUnits(UUID activityId, List<UUID> workUnitIds) {
        if (workUnitIds == null) {
            return;
        }
        for (UUID workUnitId : workUnitIds) {
            jdbc.sql("INSERT INTO nomenclature_item_work_unit (item_id, work_unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(activityId, workUnitId).update();
        }
    }

    private static java.util.Map<String, Object> detailParams(RegulatoryCauseDetails d) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("workUnit", d.workUnitId());
        params.put("activity", d.activityId());
        params.put("issuer", d.issuerId());
        params.put("actType", d.actTypeId());
        params.put("actNumber", d.actNumber());
        params.put("year", d.yearInForce());
        params.put("actStatus", d.actStatusId());
        params.put("actTitle", d.actTitle());
        params.put("article", d.articleNumber());
        params.put("additionalInfo", d.additionalInfo());
        params.put("extract", d.extract());
        params.put("factors", d.corruptionFactors());
        params.put("threats", d.corruptionThreats());
        params.put("recommendations", d.recommendations());
        params.put("proposedText", d.proposedText());
        return params;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
