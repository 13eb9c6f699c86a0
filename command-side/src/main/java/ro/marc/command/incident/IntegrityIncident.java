package ro.marc.command.incident;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Names;
import ro.marc.command.common.PersonalData;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.incident.FileTypes.FileType;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentDocument;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.UnlinkReason;
import ro.marc.events.incident.command.*;
import ro.marc.events.incident.event.*;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One integrity incident (§4, UCA 43–51): a corruption case that reached a prosecutor or a court, its documents
 * and its links to the risks of the nomenclature that materialised. Who may send which command is decided by
 * the API (central administrators, territorial administrators for their counties, the structure's head and
 * counsellor for documents); the aggregate decides everything about the incident itself — the details
 * ({@link IncidentRules}), the links ({@link RiskLinkRules}) and the files ({@link FileTypes}, kept through
 * {@link IncidentFiles} in the command's transaction, so a refused command stores nothing).
 *
 * <p>The type moves forward only; becoming an acquittal removes every risk link (one
 * {@link IncidentRiskUnlinked} each, reason ACQUITTAL, after the edit) and an acquittal takes no link. An
 * archived incident refuses every change (ARCHIVED). Every handler is {@code CREATE_IF_MISSING}: recording
 * creates the incident (a retry with the same id and content answers version 1), anything else on a missing
 * incident is a typed NOT_FOUND.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class IntegrityIncident {

    static final String ENTITY = "Integrity incident";
    /** Who attached a document sent by MARC itself (demo data). */
    static final String SYSTEM_NAME = "MARC";
    static final int MAX_DOCUMENT_SUMMARY = 4_000;
    static final int MAX_FILE_NAME = 255;

    @AggregateIdentifier
    private String id;
    private UUID incidentId;
    /** The creation as stored: a retried RecordIntegrityIncident with the same content answers version 1. */
    private IntegrityIncidentRecorded created;
    private IncidentDetails details;
    private boolean archived;
    /** The live risk links by link id. */
    private Map<UUID, RiskLink> links = new LinkedHashMap<>();
    /** Every link id ever used (an unlinked one is not reused: the history speaks of it). */
    private Set<UUID> linkIds = new LinkedHashSet<>();
    /** Every document ever attached, removed ones too (a retried attach finds its first result). */
    private Map<UUID, IncidentDocument> documents = new LinkedHashMap<>();
    private Set<UUID> removedDocuments = new LinkedHashSet<>();

    protected IntegrityIncident() {
        // for Axon
    }

    // ---------------------------------------------------------------- the incident

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordIntegrityIncident command, OrgFacts org) {
        if (command.incidentId() == null) {
            throw CommandRejected.invalid("incidentId", "REQUIRED", "An incident id is required");
        }
        IncidentDetails asked = IncidentRules.details(org, command.title(), command.county(), command.orgUnitId(),
                command.type(), command.incidentDate(), command.fileNumber(), command.fileRegisteredOn(), command.content());
        IntegrityIncidentRecorded recorded = new IntegrityIncidentRecorded(command.incidentId(), asked);
        if (exists()) {
            return Creations.repeated(created, recorded, "incidentId", command.incidentId(), ENTITY, 1);
        }
        Creations.requireUnused("incidentId", command.incidentId(), ENTITY);
        apply(recorded);
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EditIntegrityIncident command, OrgFacts org) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        IncidentDetails asked = IncidentRules.details(org, command.title(), command.county(), command.orgUnitId(),
                command.type(), command.incidentDate(), command.fileNumber(), command.fileRegisteredOn(), command.content());
        IncidentRules.typeMoves(details.type(), asked.type());
        if (asked.equals(details)) {
            throw CommandRejected.invalid("incidentId", "NO_CHANGE", "The edit changes nothing in the incident");
        }
        IncidentType previous = details.type();
        List<RiskLink> live = List.copyOf(links.values());
        apply(new IntegrityIncidentEdited(incidentId, asked, previous));
        if (asked.type() == IncidentType.ACQUITTAL && previous != IncidentType.ACQUITTAL) {
            // §4.4: an acquittal removes the incident's links; each stays in history with its reason
            for (RiskLink link : live) {
                apply(new IncidentRiskUnlinked(incidentId, link.linkId(), link.riskId(), UnlinkReason.ACQUITTAL));
            }
        }
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ArchiveIntegrityIncident command) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        apply(new IntegrityIncidentArchived(incidentId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- risk links

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(LinkIncidentRisk command, OrgFacts org, NomenclatureCatalogue catalogue) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        if (details.type() == IncidentType.ACQUITTAL) {
            throw new CommandRejected(Reason.CONFLICT, "incidentId", "ACQUITTED",
                    "The incident is an acquittal: it is linked to no risk", Map.of("id", String.valueOf(incidentId)));
        }
        if (command.linkId() == null) {
            throw CommandRejected.invalid("linkId", "REQUIRED", "A link id is required");
        }
        if (linkIds.contains(command.linkId())) {
            throw new CommandRejected(Reason.CONFLICT, "linkId", "DUPLICATE_ID",
                    "The incident already has a link " + command.linkId(), Map.of("id", String.valueOf(command.linkId())));
        }
        RiskLink link = RiskLinkRules.link(org, catalogue, command.linkId(), command.orgUnitId(), details.orgUnitId(),
                command.workUnitId(), command.activityId(), command.riskId(), command.categories(), Set.of());
        requireNotLinked(link, null);
        apply(new IncidentRiskLinked(incidentId, link));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReviseIncidentRiskLink command, OrgFacts org, NomenclatureCatalogue catalogue) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        RiskLink current = liveLink(command.linkId());
        RiskLink link = RiskLinkRules.link(org, catalogue, command.linkId(), command.orgUnitId(), details.orgUnitId(),
                command.workUnitId(), command.activityId(), command.riskId(), command.categories(),
                Set.of(current.activityId(), current.riskId()));
        requireNotLinked(link, current.linkId());
        if (link.equals(current)) {
            throw CommandRejected.invalid("linkId", "NO_CHANGE", "The revision changes nothing in the link to '"
                    + current.riskName() + "'");
        }
        apply(new IncidentRiskLinkRevised(incidentId, link));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(UnlinkIncidentRisk command) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        RiskLink link = liveLink(command.linkId());
        apply(new IncidentRiskUnlinked(incidentId, link.linkId(), link.riskId(), UnlinkReason.REMOVED));
        return Versions.current();
    }

    // ---------------------------------------------------------------- documents

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AttachIncidentDocument command, IncidentFiles files, IncidentDocumentIds documentIds,
                       AccountDirectory accounts, @MetaDataValue("userId") String userId) {
        requireExisting(command.incidentId());
        if (command.documentId() == null) {
            throw CommandRejected.invalid("documentId", "REQUIRED", "A document id is required");
        }
        IncidentDocument first = documents.get(command.documentId());
        if (first != null) {
            // a retried upload (the answer was lost) finds its first result; other content under the id is refused
            if (sameAttachment(first, command)) {
                return Versions.current();
            }
            throw new CommandRejected(Reason.CONFLICT, "documentId", "DUPLICATE_ID",
                    "The incident already has a document " + command.documentId() + " with other content",
                    Map.of("id", String.valueOf(command.documentId())));
        }
        if (documentIds.incidentOf(command.documentId()).isPresent()) {
            throw documentIdTaken(command.documentId());
        }
        requireNotArchived();
        Versions.require(ENTITY, incidentId, command.expectedVersion());
        if (command.kind() == null) {
            throw CommandRejected.invalid("kind", "REQUIRED", "The kind of document is required");
        }
        String title = PersonalData.refuse("title", Names.require("title", command.title()));
        String summary = PersonalData.refuse("summary", Texts.optional("summary", command.summary(), MAX_DOCUMENT_SUMMARY));
        String fileName = Texts.optionalLine("fileName", command.fileName(), MAX_FILE_NAME);
        if (fileName == null) {
            throw CommandRejected.invalid("fileName", "REQUIRED", "The file's name is required");
        }
        PersonalData.refuse("fileName", fileName);
        FileType type = FileTypes.check(fileName, command.content());
        String sha256 = files.keep(command.content(), type.mediaType());
        IncidentDocument document = new IncidentDocument(command.documentId(), command.kind(), title, summary, fileName,
                type.mediaType(), sha256, command.content().length);
        apply(new IncidentDocumentAttached(incidentId, document, uploaderName(accounts, userId)));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReviseIncidentDocument command) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        IncidentDocument document = liveDocument(command.documentId());
        String title = PersonalData.refuse("title", Names.require("title", command.title()));
        String summary = PersonalData.refuse("summary", Texts.optional("summary", command.summary(), MAX_DOCUMENT_SUMMARY));
        if (title.equals(document.title()) && java.util.Objects.equals(summary, document.summary())) {
            throw CommandRejected.invalid("documentId", "NO_CHANGE", "The revision changes nothing in '" + document.title() + "'");
        }
        apply(new IncidentDocumentRevised(incidentId, document.documentId(), title, summary));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RemoveIncidentDocument command) {
        requireChangeable(command.incidentId(), command.expectedVersion());
        IncidentDocument document = liveDocument(command.documentId());
        // the content goes with the last document holding it: IncidentLookup decides, in this transaction
        apply(new IncidentDocumentRemoved(incidentId, document.documentId(), document.sha256()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private boolean exists() {
        return incidentId != null;
    }

    private void requireExisting(UUID commandId) {
        if (commandId == null) {
            throw CommandRejected.invalid("incidentId", "REQUIRED", "An incident id is required");
        }
        if (!exists()) {
            throw CommandRejected.notFound("incidentId", commandId, ENTITY);
        }
    }

    /** Exists, not archived (archiving twice is refused the same way), and the caller edited the current version. */
    private void requireChangeable(UUID commandId, long expectedVersion) {
        requireExisting(commandId);
        requireNotArchived();
        Versions.require(ENTITY, incidentId, expectedVersion);
    }

    private void requireNotArchived() {
        if (archived) {
            throw new CommandRejected(Reason.CONFLICT, "incidentId", "ARCHIVED",
                    "The incident '" + details.title() + "' is archived: it is kept and readable, no longer changed",
                    Map.of("id", String.valueOf(incidentId)));
        }
    }

    private RiskLink liveLink(UUID linkId) {
        if (linkId == null) {
            throw CommandRejected.invalid("linkId", "REQUIRED", "A link id is required");
        }
        RiskLink link = links.get(linkId);
        if (link == null) {
            throw CommandRejected.notFound("linkId", linkId, "Risk link");
        }
        return link;
    }

    /** One link per risk per incident: CONFLICT ALREADY_LINKED naming the link that holds it. */
    private void requireNotLinked(RiskLink link, UUID except) {
        for (RiskLink other : links.values()) {
            if (other.riskId().equals(link.riskId()) && !other.linkId().equals(except)) {
                throw new CommandRejected(Reason.CONFLICT, "riskId", "ALREADY_LINKED",
                        "The incident is already linked to the risk '" + other.riskName() + "': edit that link",
                        Map.of("id", String.valueOf(link.riskId()), "linkId", String.valueOf(other.linkId())));
            }
        }
    }

    private IncidentDocument liveDocument(UUID documentId) {
        if (documentId == null) {
            throw CommandRejected.invalid("documentId", "REQUIRED", "A document id is required");
        }
        IncidentDocument document = documents.get(documentId);
        if (document == null || removedDocuments.contains(documentId)) {
            throw CommandRejected.notFound("documentId", documentId, "Document");
        }
        return document;
    }

    /** CONFLICT DUPLICATE_ID: another incident's document has (or had) this id. */
    static CommandRejected documentIdTaken(UUID documentId) {
        return new CommandRejected(Reason.CONFLICT, "documentId", "DUPLICATE_ID",
                "A document " + documentId + " exists already (of another incident): choose another id",
                Map.of("id", String.valueOf(documentId)));
    }

    private static boolean sameAttachment(IncidentDocument first, AttachIncidentDocument again) {
        if (again.content() == null || first.kind() != again.kind() || !first.sha256().equals(IncidentFiles.sha256(again.content()))) {
            return false;
        }
        String title = Texts.clean("title", again.title(), false);
        String summary = Texts.optional("summary", again.summary(), Integer.MAX_VALUE);
        String fileName = Texts.clean("fileName", again.fileName(), false);
        return first.title().equals(title) && java.util.Objects.equals(first.summary(), summary)
                && first.fileName().equals(fileName);
    }

    /** The uploader's display name now; MARC for the system itself. */
    private static String uploaderName(AccountDirectory accounts, String userId) {
        if (userId == null || "system".equals(userId)) {
            return SYSTEM_NAME;
        }
        try {
            UUID account = UUID.fromString(userId);
            return accounts.account(account).map(AccountFact::displayName).orElse(userId);
        } catch (IllegalArgumentException notAnAccount) {
            return userId;
        }
    }

    // ---------------------------------------------------------------- state

    /** An event of another kind of entity whose id this command named: the id is taken. */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(IntegrityIncidentRecorded event) {
        id = event.incidentId().toString();
        incidentId = event.incidentId();
        details = event.details();
        created = event;
    }

    @EventSourcingHandler
    void on(IntegrityIncidentEdited event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(IntegrityIncidentArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(IncidentRiskLinked event) {
        links.put(event.link().linkId(), event.link());
        linkIds.add(event.link().linkId());
    }

    @EventSourcingHandler
    void on(IncidentRiskLinkRevised event) {
        links.put(event.link().linkId(), event.link());
    }

    @EventSourcingHandler
    void on(IncidentRiskUnlinked event) {
        links.remove(event.linkId());
    }

    @EventSourcingHandler
    void on(IncidentDocumentAttached event) {
        documents.put(event.document().documentId(), event.document());
    }

    @EventSourcingHandler
    void on(IncidentDocumentRevised event) {
        documents.computeIfPresent(event.documentId(), (k, d) -> new IncidentDocument(d.documentId(), d.kind(),
                event.title(), event.summary(), d.fileName(), d.mediaType(), d.sha256(), d.size()));
    }

    @EventSourcingHandler
    void on(IncidentDocumentRemoved event) {
        removedDocuments.add(event.documentId());
    }
}
