package ro.marc.command.incident;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.command.common.lookup.Savepoints;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.*;
import ro.marc.events.org.County;

import javax.sql.DataSource;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The incidents' command-side lookup ({@code incident_lookup}, {@code incident_risk_link_lookup},
 * {@code incident_document_lookup}): each incident's title, place, type, date and archived flag, its live risk
 * links and its documents (removed ones marked, their ids stay taken: {@link IncidentDocumentIds}), kept by {@link CommandLookups} in the transaction of every incident event. It
 * answers {@link MaterialisedRisks} for the risk assessment (as fresh as the event store on every node), and it
 * deletes a removed document's content from {@code incident_file} when no live document of any incident holds the
 * same hash any more ({@link JdbcIncidentFiles#forgetUnlessHeld}), in the removal's transaction.
 *
 * <p>Every statement is guarded by the incident row's {@code last_seq}, so an event applied twice changes nothing.
 */
@Component
public class IncidentLookup implements CommandLookup, MaterialisedRisks, IncidentDocumentIds {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "incident_lookup";

    private static final Set<Class<?>> HANDLED = Set.of(IntegrityIncidentRecorded.class, IntegrityIncidentEdited.class,
            IntegrityIncidentArchived.class, IncidentRiskLinked.class, IncidentRiskLinkRevised.class,
            IncidentRiskUnlinked.class, IncidentDocumentAttached.class, IncidentDocumentRevised.class,
            IncidentDocumentRemoved.class);

    /** Bound to the build's transaction from {@link #clear} until it ends. */
    private static final Object REBUILDING = new Object();

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public IncidentLookup(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    // ---------------------------------------------------------------- IncidentDocumentIds

    @Override
    public Optional<UUID> incidentOf(UUID documentId) {
        if (documentId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT incident_id FROM incident_document_lookup WHERE document_id = ?").param(documentId)
                .query(UUID.class).optional();
    }

    // ---------------------------------------------------------------- MaterialisedRisks

    @Override
    public RiskIncidents incidentsFor(UUID riskId, UUID orgUnitId) {
        if (riskId == null) {
            return RiskIncidents.none(null, orgUnitId);
        }
        List<LinkedIncident> same = new ArrayList<>();
        List<LinkedIncident> other = new ArrayList<>();
        jdbc.sql("""
                        SELECT i.incident_id, l.link_id, i.title, i.county, l.org_unit_id, l.org_unit_name, i.type, i.incident_date
                          FROM incident_risk_link_lookup l JOIN incident_lookup i ON i.incident_id = l.incident_id
                         WHERE l.risk_id = ? AND NOT i.archived AND i.type <> 'ACQUITTAL'
                         ORDER BY i.incident_date DESC, i.incident_id, l.link_id""")
                .param(riskId)
                .query((rs, n) -> new LinkedIncident(rs.getObject("incident_id", UUID.class), rs.getObject("link_id", UUID.class),
                        rs.getString("title"), County.valueOf(rs.getString("county")), rs.getObject("org_unit_id", UUID.class),
                        rs.getString("org_unit_name"), IncidentType.valueOf(rs.getString("type")),
                        rs.getDate("incident_date").toLocalDate()))
                .list()
                .forEach(incident -> (incident.orgUnitId().equals(orgUnitId) ? same : other).add(incident));
        return new RiskIncidents(riskId, orgUnitId, same, other);
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
            case IntegrityIncidentRecorded e -> {
                IncidentDetails d = e.details();
                jdbc.sql("""
                                INSERT INTO incident_lookup (incident_id, title, county, org_unit_id, org_unit_name, type,
                                                             incident_date, last_seq)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO NOTHING""")
                        .params(e.incidentId(), d.title(), d.county().name(), d.orgUnitId(), d.orgUnitName(), d.type().name(),
                                Date.valueOf(d.incidentDate()), seq)
                        .update();
            }
            case IntegrityIncidentEdited e -> {
                IncidentDetails d = e.details();
                jdbc.sql("""
                                UPDATE incident_lookup SET title = ?, county = ?, org_unit_id = ?, org_unit_name = ?, type = ?,
                                       incident_date = ?, last_seq = ?
                                 WHERE incident_id = ? AND last_seq < ?""")
                        .params(d.title(), d.county().name(), d.orgUnitId(), d.orgUnitName(), d.type().name(),
                                Date.valueOf(d.incidentDate()), seq, e.incidentId(), seq)
                        .update();
            }
            case IntegrityIncidentArchived e -> jdbc.sql("""
                            UPDATE incident_lookup SET archived = true, last_seq = ? WHERE incident_id = ? AND last_seq < ?""")
                    .params(seq, e.incidentId(), seq).update();
            case IncidentRiskLinked e -> {
                if (advance(e.incidentId(), seq)) {
                    RiskLink link = e.link();
                    jdbc.sql("""
                                    INSERT INTO incident_risk_link_lookup (incident_id, link_id, risk_id, org_unit_id, org_unit_name)
                                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id, link_id) DO NOTHING""")
                            .params(e.incidentId(), link.linkId(), link.riskId(), link.orgUnitId(), link.orgUnitName()).update();
                }
            }
            case IncidentRiskLinkRevised e -> {
                if (advance(e.incidentId(), seq)) {
                    RiskLink link = e.link();
                    jdbc.sql("""
                                    UPDATE incident_risk_link_lookup SET risk_id = ?, org_unit_id = ?, org_unit_name = ?
                                     WHERE incident_id = ? AND link_id = ?""")
                            .params(link.riskId(), link.orgUnitId(), link.orgUnitName(), e.incidentId(), link.linkId()).update();
                }
            }
            case IncidentRiskUnlinked e -> {
                if (advance(e.incidentId(), seq)) {
                    jdbc.sql("DELETE FROM incident_risk_link_lookup WHERE incident_id = ? AND link_id = ?")
                            .params(e.incidentId(), e.linkId()).update();
                }
            }
            case IncidentDocumentAttached e -> {
                if (advance(e.incidentId(), seq)) {
                    attach(e);
                }
            }
            case IncidentDocumentRevised e -> advance(e.incidentId(), seq);
            case IncidentDocumentRemoved e -> {
                if (advance(e.incidentId(), seq)) {
                    jdbc.sql("UPDATE incident_document_lookup SET live = false WHERE incident_id = ? AND document_id = ?")
                            .params(e.incidentId(), e.documentId()).update();
                    // I01: removing one document removes that one only; its content goes when nothing holds it
                    if (!TransactionSynchronizationManager.hasResource(REBUILDING)) {
                        JdbcIncidentFiles.forgetUnlessHeld(jdbc, e.sha256());
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The document's row; another incident's document with this id (a racing attach committed first) is refused. */
    private void attach(IncidentDocumentAttached e) {
        UUID documentId = e.document().documentId();
        try {
            Savepoints.within(dataSource, () -> jdbc.sql("""
                            INSERT INTO incident_document_lookup (incident_id, document_id, sha256) VALUES (?, ?, ?)""")
                    .params(e.incidentId(), documentId, e.document().sha256()).update());
        } catch (DuplicateKeyException taken) {
            throw IntegrityIncident.documentIdTaken(documentId);
        }
    }

    /** Moves the incident's row to {@code seq}; false when the event was applied already (or the incident is unknown). */
    private boolean advance(UUID incidentId, long seq) {
        return jdbc.sql("UPDATE incident_lookup SET last_seq = ? WHERE incident_id = ? AND last_seq < ?")
                .params(seq, incidentId, seq).update() == 1;
    }

    /**
     * Empties the lookup before a build. While the build replays the past, removals delete no content: a content
     * emptied by a removal and attached again later (kept again by that attach) would be lost for good. The build
     * deletes, just before it commits, every content no live document holds once the whole past is applied.
     */
    @Override
    public void clear() {
        // the links and documents go with their incident (ON DELETE CASCADE)
        jdbc.sql("DELETE FROM incident_lookup").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(REBUILDING)) {
            TransactionSynchronizationManager.bindResource(REBUILDING, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    jdbc.sql("""
                            DELETE FROM incident_file f
                             WHERE NOT EXISTS (SELECT 1 FROM incident_document_lookup d WHERE d.sha256 = f.sha256 AND d.live)""").update();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(REBUILDING);
                }
            });
        }
    }
}
