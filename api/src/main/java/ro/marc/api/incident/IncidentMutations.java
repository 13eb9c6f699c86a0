package ro.marc.api.incident;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.events.incident.CategoryRecord;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.InvolvedPerson;
import ro.marc.events.incident.PersonCategory;
import ro.marc.events.incident.command.ArchiveIntegrityIncident;
import ro.marc.events.incident.command.EditIntegrityIncident;
import ro.marc.events.incident.command.LinkIncidentRisk;
import ro.marc.events.incident.command.RecordIntegrityIncident;
import ro.marc.events.incident.command.RemoveIncidentDocument;
import ro.marc.events.incident.command.ReviseIncidentDocument;
import ro.marc.events.incident.command.ReviseIncidentRiskLink;
import ro.marc.events.incident.command.UnlinkIncidentRisk;
import ro.marc.events.org.County;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Integrity incident mutations (§4, UCA 43–51): each authorised first, its input translated, ONE command sent; the
 * payload shows the incident once the read model has it (read-your-writes). Recording and editing need
 * INCIDENT_EDIT over the incident's structure (central administrators, territorial administrators in their
 * counties) — over both the old and the new one when an edit moves it; archiving INCIDENT_ARCHIVE; a document's
 * title and removal INCIDENT_DOCUMENT_WRITE (also the structure's head and integrity counsellor, UCA 48, 50). An
 * existing incident's structure comes from the read model (fail closed: unknown to a caller without national
 * reach is refused). The content rules — dates, digits, personal data, the nomenclature association — are the
 * aggregate's. Uploading a document is HTTP (IncidentDocumentUploadController), not GraphQL: GraphQL has no files.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class IncidentMutations {

    public record RecordIncidentInput(String id, String title, County county, String orgUnitId, IncidentType type,
                                      String incidentDate, String fileNumber, String fileRegisteredOn, String content) {
    }

    public record EditIncidentInput(String id, String title, County county, String orgUnitId, IncidentType type,
                                    String incidentDate, String fileNumber, String fileRegisteredOn, String content,
                                    long expectedVersion) {
    }

    public record IncidentVersionInput(String id, long expectedVersion) {
    }

    public record IncidentRiskLinkInput(String incidentId, String linkId, String orgUnitId, String workUnitId,
                                        String activityId, String riskId, List<CategoryInput> categories,
                                        long expectedVersion) {
    }

    public record CategoryInput(PersonCategory category, List<PersonInput> persons, List<String> additionalFields) {
    }

    public record PersonInput(Integer materialActs, String outcome, String period) {
    }

    public record UnlinkIncidentRiskInput(String incidentId, String linkId, long expectedVersion) {
    }

    public record ReviseIncidentDocumentInput(String incidentId, String documentId, String title, String summary,
                                              long expectedVersion) {
    }

    public record RemoveIncidentDocumentInput(String incidentId, String documentId, long expectedVersion) {
    }

    public record IncidentPayload(UUID id, long version, IncidentView incident) {
    }

    private final CommandSender commands;
    private final IncidentQueries incidents;
    private final AccessPolicy access;

    public IncidentMutations(CommandSender commands, IncidentQueries incidents, AccessPolicy access) {
        this.commands = commands;
        this.incidents = incidents;
        this.access = access;
    }

    @MutationMapping
    public IncidentPayload recordIncident(@Argument RecordIncidentInput input) {
        String operation = "recordIncident";
        UUID orgUnitId = id("orgUnitId", input.orgUnitId());
        if (orgUnitId == null) {
            access.require(Permission.INCIDENT_EDIT, operation); // the command refuses the missing structure (REQUIRED)
        } else {
            access.requireOrgUnit(Permission.INCIDENT_EDIT, operation, orgUnitId);
        }
        UUID id = Inputs.idOrNew("id", input.id());
        access.trail().touched(id);
        return done(id, commands.send(new RecordIntegrityIncident(id, input.title(), input.county(), orgUnitId,
                input.type(), Inputs.date("incidentDate", input.incidentDate()), input.fileNumber(),
                Inputs.date("fileRegisteredOn", input.fileRegisteredOn()), input.content())));
    }

    @MutationMapping
    public IncidentPayload editIncident(@Argument EditIncidentInput input) {
        String operation = "editIncident";
        UUID id = id("id", input.id());
        UUID current = authorised(Permission.INCIDENT_EDIT, operation, id);
        UUID orgUnitId = id("orgUnitId", input.orgUnitId());
        if (orgUnitId != null && !orgUnitId.equals(current)) {
            access.requireOrgUnit(Permission.INCIDENT_EDIT, operation, orgUnitId); // moving it: reach over the new one too
        }
        return done(id, commands.send(new EditIntegrityIncident(id, input.expectedVersion(), input.title(), input.county(),
                orgUnitId, input.type(), Inputs.date("incidentDate", input.incidentDate()), input.fileNumber(),
                Inputs.date("fileRegisteredOn", input.fileRegisteredOn()), input.content())));
    }

    @MutationMapping
    public IncidentPayload archiveIncident(@Argument IncidentVersionInput input) {
        UUID id = id("id", input.id());
        authorised(Permission.INCIDENT_ARCHIVE, "archiveIncident", id);
        return done(id, commands.send(new ArchiveIntegrityIncident(id, input.expectedVersion())));
    }

    @MutationMapping
    public IncidentPayload linkIncidentRisk(@Argument IncidentRiskLinkInput input) {
        String operation = "linkIncidentRisk";
        UUID id = id("incidentId", input.incidentId());
        UUID orgUnitId = linkAuthorised(operation, id, input.orgUnitId());
        UUID linkId = Inputs.idOrNew("linkId", input.linkId());
        return done(id, commands.send(new LinkIncidentRisk(id, input.expectedVersion(), linkId, orgUnitId,
                id("workUnitId", input.workUnitId()), id("activityId", input.activityId()), id("riskId", input.riskId()),
                categories(input.categories()))));
    }

    @MutationMapping
    public IncidentPayload reviseIncidentRiskLink(@Argument IncidentRiskLinkInput input) {
        String operation = "reviseIncidentRiskLink";
        UUID id = id("incidentId", input.incidentId());
        UUID orgUnitId = linkAuthorised(operation, id, input.orgUnitId());
        UUID linkId = id("linkId", input.linkId());
        if (linkId == null) {
            throw new InvalidInput("linkId", "REQUIRED", "The link to revise is required (linkId)");
        }
        return done(id, commands.send(new ReviseIncidentRiskLink(id, input.expectedVersion(), linkId, orgUnitId,
                id("workUnitId", input.workUnitId()), id("activityId", input.activityId()), id("riskId", input.riskId()),
                categories(input.categories()))));
    }

    @MutationMapping
    public IncidentPayload unlinkIncidentRisk(@Argument UnlinkIncidentRiskInput input) {
        UUID id = id("incidentId", input.incidentId());
        authorised(Permission.INCIDENT_EDIT, "unlinkIncidentRisk", id);
        return done(id, commands.send(new UnlinkIncidentRisk(id, input.expectedVersion(), id("linkId", input.linkId()))));
    }

    @MutationMapping
    public IncidentPayload reviseIncidentDocument(@Argument ReviseIncidentDocumentInput input) {
        UUID id = id("incidentId", input.incidentId());
        authorised(Permission.INCIDENT_DOCUMENT_WRITE, "reviseIncidentDocument", id);
        return done(id, commands.send(new ReviseIncidentDocument(id, input.expectedVersion(),
                id("documentId", input.documentId()), input.title(), input.summary())));
    }

    @MutationMapping
    public IncidentPayload removeIncidentDocument(@Argument RemoveIncidentDocumentInput input) {
        UUID id = id("incidentId", input.incidentId());
        authorised(Permission.INCIDENT_DOCUMENT_WRITE, "removeIncidentDocument", id);
        return done(id, commands.send(new RemoveIncidentDocument(id, input.expectedVersion(),
                id("documentId", input.documentId()))));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * {@code permission} over the incident's structure, read from the read model (after a short wait for one
     * recorded a moment ago). Unknown: refused for a caller without national reach (nobody outside it may learn
     * which ids exist); for a national one the command answers NOT_FOUND. Returns the incident's org unit (null
     * when unknown).
     */
    private UUID authorised(Permission permission, String operation, UUID id) {
        boolean national = access.require(permission, operation).national();
        access.trail().touched(id);
        Optional<IncidentView> incident = national ? incidents.incident(id) : access.awaitKnown(() -> incidents.incident(id));
        if (incident.isEmpty()) {
            if (national) {
                return null;
            }
            throw access.deny(operation, id, "the incident is not within the caller's reach");
        }
        access.requireOrgUnit(permission, operation, incident.get().orgUnitId());
        return incident.get().orgUnitId();
    }

    /** INCIDENT_EDIT over the incident's structure and, when the link names another, over that one too. */
    private UUID linkAuthorised(String operation, UUID incidentId, String rawOrgUnitId) {
        UUID current = authorised(Permission.INCIDENT_EDIT, operation, incidentId);
        UUID orgUnitId = id("orgUnitId", rawOrgUnitId);
        if (orgUnitId != null && !orgUnitId.equals(current)) {
            access.requireOrgUnit(Permission.INCIDENT_EDIT, operation, orgUnitId);
        }
        return orgUnitId;
    }

    private IncidentPayload done(UUID id, long version) {
        IncidentView incident = ReadYourWrites.awaitVersion(() -> incidents.incident(id), IncidentView::version, version);
        return new IncidentPayload(id, version, incident);
    }

    /**
     * The categories as the command takes them (which refuses a missing category of personnel); an absent category
     * or person record, which the command's records cannot carry, is refused here naming its place.
     */
    private static List<CategoryRecord> categories(List<CategoryInput> input) {
        if (input == null) {
            return List.of();
        }
        List<CategoryRecord> categories = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            CategoryInput c = input.get(i);
            String at = "categories[" + i + "]";
            if (c == null) {
                throw new InvalidInput(at, "REQUIRED", "A category is required");
            }
            List<InvolvedPerson> persons = new ArrayList<>();
            List<PersonInput> personInputs = c.persons() == null ? List.of() : c.persons();
            for (int j = 0; j < personInputs.size(); j++) {
                PersonInput p = personInputs.get(j);
                if (p == null) {
                    throw new InvalidInput(at + ".persons[" + j + "]", "REQUIRED", "A person is required");
                }
                // a missing count is 0, which the command refuses as OUT_OF_RANGE naming the same field
                persons.add(new InvolvedPerson(p.materialActs() == null ? 0 : p.materialActs(), p.outcome(), p.period()));
            }
            List<String> fields = c.additionalFields() == null ? List.of()
                    : c.additionalFields().stream().map(f -> f == null ? "" : f).toList();
            categories.add(new CategoryRecord(c.category(), persons, fields));
        }
        return categories;
    }
}
