package ro.marc.query.incident;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentDocument;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.IncidentDocumentAttached;
import ro.marc.events.incident.event.IncidentDocumentRemoved;
import ro.marc.events.incident.event.IncidentDocumentRevised;
import ro.marc.events.incident.event.IncidentRiskLinkRevised;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IncidentRiskUnlinked;
import ro.marc.events.incident.event.IntegrityIncidentArchived;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.text.RomanianText;
import ro.marc.events.text.Uuids;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the integrity incidents (one aggregate each) into PostgreSQL: {@code incident} (the details, the sort
 * keys, archived), {@code incident_risk_link} (the live links, with the names the events carry) and
 * {@code incident_document} (the live documents' metadata; the content is in the command side's file store).
 * It needs nothing but the incident's own events. Every event first moves the incident row's
 * {@code last_event_seq} forward ({@code WHERE last_event_seq < seq}); only when that changed a row are the links
 * and documents touched, in the same transaction, so a redelivered or replayed event changes nothing. A removed
 * link or document is deleted here: it stays in the event store (the history).
 */
@Component
@ProcessingGroup(IncidentReadModelProjection.PROCESSING_GROUP)
public class IncidentReadModelProjection {

    public static final String PROCESSING_GROUP = "incident-postgres";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public IncidentReadModelProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(IntegrityIncidentRecorded event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        IncidentDetails d = event.details();
        jdbc.sql("""
                INSERT INTO incident (id, title, title_folded, county, county_folded, org_unit_id, org_unit_name,
                                      org_unit_name_folded, type, type_rank, incident_date, file_number,
                                      file_registered_on, content, archived, recorded_by, version, last_event_seq,
                                      created_at, updated_at)
                VALUES (:id, :title, :titleFolded, :county, :countyFolded, :orgUnit, :orgUnitName, :orgUnitFolded,
                        :type, :typeRank, :incidentDate, :fileNumber, :registeredOn, :content, FALSE, :recordedBy,
                        :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .params(details(d)).param("id", event.incidentId())
                .param("recordedBy", actor == null ? null : Uuids.parseOrNull(actor))
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(IntegrityIncidentEdited event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE incident SET title = :title, title_folded = :titleFolded, county = :county,
                                    county_folded = :countyFolded, org_unit_id = :orgUnit, org_unit_name = :orgUnitName,
                                    org_unit_name_folded = :orgUnitFolded, type = :type, type_rank = :typeRank,
                                    incident_date = :incidentDate, file_number = :fileNumber,
                                    file_registered_on = :registeredOn, content = :content, version = :version,
                                    last_event_seq = :seq, updated_at = :at
                 WHERE id = :id AND last_event_seq < :seq""")
                .params(details(event.details())).param("id", event.incidentId())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(IntegrityIncidentArchived event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE incident SET archived = TRUE, version = :version, last_event_seq = :seq, updated_at = :at
                 WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.incidentId()).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(IncidentRiskLinked event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            RiskLink link = event.link();
            jdbc.sql("""
                    INSERT INTO incident_risk_link (incident_id, link_id, position, org_unit_id, org_unit_name,
                                                    work_unit_id, work_unit_name, domain_id, domain_name, activity_id,
                                                    activity_name, risk_id, risk_name, categories)
                    VALUES (:incident, :link, :position, :orgUnit, :orgUnitName, :workUnit, :workUnitName, :domain,
                            :domainName, :activity, :activityName, :risk, :riskName, CAST(:categories AS jsonb))
                    ON CONFLICT (incident_id, link_id) DO NOTHING""")
                    .params(linkParams(event.incidentId(), link)).param("position", seq).update();
        }
    }

    @EventHandler
    void on(IncidentRiskLinkRevised event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            jdbc.sql("""
                    UPDATE incident_risk_link SET org_unit_id = :orgUnit, org_unit_name = :orgUnitName,
                                                  work_unit_id = :workUnit, work_unit_name = :workUnitName,
                                                  domain_id = :domain, domain_name = :domainName,
                                                  activity_id = :activity, activity_name = :activityName,
                                                  risk_id = :risk, risk_name = :riskName,
                                                  categories = CAST(:categories AS jsonb)
                     WHERE incident_id = :incident AND link_id = :link""")
                    .params(linkParams(event.incidentId(), event.link())).update();
        }
    }

    @EventHandler
    void on(IncidentRiskUnlinked event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            jdbc.sql("DELETE FROM incident_risk_link WHERE incident_id = ? AND link_id = ?")
                    .params(event.incidentId(), event.linkId()).update();
        }
    }

    @EventHandler
    void on(IncidentDocumentAttached event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            IncidentDocument d = event.document();
            jdbc.sql("""
                    INSERT INTO incident_document (incident_id, document_id, position, kind, title, summary, file_name,
                                                   media_type, sha256, size, uploaded_by_name, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (incident_id, document_id) DO NOTHING""")
                    .params(event.incidentId(), d.documentId(), seq, d.kind().name(), d.title(), d.summary(),
                            d.fileName(), d.mediaType(), d.sha256(), d.size(), event.uploadedByName(), Sql.timestamp(at))
                    .update();
        }
    }

    @EventHandler
    void on(IncidentDocumentRevised event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            jdbc.sql("UPDATE incident_document SET title = ?, summary = ? WHERE incident_id = ? AND document_id = ?")
                    .params(event.title(), event.summary(), event.incidentId(), event.documentId()).update();
        }
    }

    @EventHandler
    void on(IncidentDocumentRemoved event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(event.incidentId(), seq, at)) {
            jdbc.sql("DELETE FROM incident_document WHERE incident_id = ? AND document_id = ?")
                    .params(event.incidentId(), event.documentId()).update();
        }
    }

    /** Before a replay from the start of the stream: the rows are removed and rebuilt. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM incident_document").update();
        jdbc.sql("DELETE FROM incident_risk_link").update();
        jdbc.sql("DELETE FROM incident").update();
    }

    // ---------------------------------------------------------------- helpers

    /** Moves the incident to {@code seq}; false when the event was applied before (nothing else to do). */
    private boolean advance(UUID incidentId, long seq, Instant at) {
        return jdbc.sql("""
                UPDATE incident SET version = :version, last_event_seq = :seq, updated_at = :at
                 WHERE id = :id AND last_event_seq < :seq""")
                .param("id", incidentId).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("at", Sql.timestamp(at)).update() == 1;
    }

    private static Map<String, Object> details(IncidentDetails d) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", d.title());
        params.put("titleFolded", fold(d.title()));
        params.put("county", d.county() == null ? null : d.county().name());
        params.put("countyFolded", d.county() == null ? "" : fold(d.county().displayName()));
        params.put("orgUnit", d.orgUnitId());
        params.put("orgUnitName", d.orgUnitName());
        params.put("orgUnitFolded", fold(d.orgUnitName()));
        IncidentType type = d.type() == null ? IncidentType.INDICTMENT : d.type();
        params.put("type", type.name());
        params.put("typeRank", type.ordinal());
        params.put("incidentDate", d.incidentDate());
        params.put("fileNumber", d.fileNumber());
        params.put("registeredOn", d.fileRegisteredOn());
        params.put("content", d.content());
        return params;
    }

    private Map<String, Object> linkParams(UUID incidentId, RiskLink link) {
        Map<String, Object> params = new HashMap<>();
        params.put("incident", incidentId);
        params.put("link", link.linkId());
        params.put("orgUnit", link.orgUnitId());
        params.put("orgUnitName", link.orgUnitName());
        params.put("workUnit", link.workUnitId());
        params.put("workUnitName", link.workUnitName());
        params.put("domain", link.domainId());
        params.put("domainName", link.domainName());
        params.put("activity", link.activityId());
        params.put("activityName", link.activityName());
        params.put("risk", link.riskId());
        params.put("riskName", link.riskName());
        params.put("categories", json.writeValueAsString(link.categories()));
        return params;
    }

    private static String fold(String text) {
        return text == null ? "" : RomanianText.fold(text);
    }
}
