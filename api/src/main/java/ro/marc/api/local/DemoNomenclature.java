package ro.marc.api.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoUsers;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Demo nomenclature for the local run, after the demo organisation and accounts: domains and
 * subdomains, vulnerable activities with their tasks, documents and corruption risks, the reference
 * lists and a few regulatory causes (Anexa 5), read from {@value #RESOURCE}. Most of it is added by
 * the central administrator ("admin", approved at once); a few items are proposals of the IPJ Cluj /
 * IPJ Iași accounts, pending, accepted or rejected with a reason, so the approval screens have work.
 * Sent as commands at every start of a demo node, in the start-up sequence (under its cluster lock: one node at a time):
 * ids are derived from names and creates are idempotent (the same create again returns the first result
 * and stores nothing), and a decision is sent only while the command-side lookup shows the item still
 * proposed at its first version; so the seeding stores nothing when it ran before, and completes a
 * seeding that stopped half-way. Nothing here reads the read model.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoNomenclature {

    private static final Logger log = LoggerFactory.getLogger(DemoNomenclature.class);

    public static final String RESOURCE = "demo/nomenclature.json";
    /** Who adds the approved content when an item names no proposer. */
    public static final String ADMINISTRATOR = "admin";
    /** The decided version of a proposal that was never revised. */
    private static final long FIRST_VERSION = 1;

    // ----------------------------------------------------------------------------------- JSON shape

    /** The whole file. */
    public record Data(@JsonProperty("$comment") String comment, List<DomainSpec> domains,
                       Map<ReferenceList, List<String>> referenceLists, List<ActivitySpec> activities,
                       List<CauseSpec> regulatoryCauses) {
    }

    /** A top-level domain; with subdomains, activities attach to those (G02). */
    public record DomainSpec(String name, List<String> subdomains) {
        public List<String> subdomains() {
            return subdomains == null ? List.of() : subdomains;
        }
    }

    /**
     * The origin of an item. {@code proposedBy}: a demo username (default {@value #ADMINISTRATOR});
     * {@code status}: null = approved, PROPOSED = pending, REJECTED = rejected with {@code reason}.
     */
    public interface Proposal {
        String proposedBy();

        ItemStatus status();

        String reason();

        default String proposer() {
            return proposedBy() == null ? ADMINISTRATOR : proposedBy();
        }

        default ItemStatus effectiveStatus() {
            return status() == null ? ItemStatus.APPROVED : status();
        }
    }

    /** @param domain the name of a domain without subdomains */
    public record ActivitySpec(String name, String description, String domain, List<String> workUnits,
                               List<TaskSpec> tasks, List<RiskSpec> risks, String proposedBy, ItemStatus status,
                               String reason) implements Proposal {
        public List<TaskSpec> tasks() {
            return tasks == null ? List.of() : tasks;
        }

        public List<RiskSpec> risks() {
            return risks == null ? List.of() : risks;
        }
    }

    public record TaskSpec(String name, List<DocumentSpec> documents, String proposedBy, ItemStatus status,
                           String reason) implements Proposal {
        public List<DocumentSpec> documents() {
            return documents == null ? List.of() : documents;
        }
    }

    public record DocumentSpec(String name, Periodicity periodicity, String proposedBy, ItemStatus status,
                               String reason) implements Proposal {
    }

    public record RiskSpec(String name, String description, String proposedBy, ItemStatus status,
                           String reason) implements Proposal {
    }

    /**
     * The fifteen Anexa 5 fields, by name: the work unit, the activity and the reference entries
     * (issuer, type, status). {@code author}: a demo username (default {@value #ADMINISTRATOR}).
     */
    public record CauseSpec(String workUnit, String activity, String issuer, String actType, String actNumber,
                            int yearInForce, String actStatus, String actTitle, String articleNumber,
                            String additionalInfo, String extract, String corruptionFactors, String corruptionThreats,
                            String recommendations, String proposedText, String author) {
        String key() {
            return activity + "/" + actType + " " + actNumber + "/" + yearInForce + " art. " + articleNumber;
        }
    }

    /** Reads {@value #RESOURCE} from the class path; unknown fields are refused. */
    public static Data load() {
        try (InputStream in = DemoNomenclature.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            // strict: a misspelt field would otherwise seed an item without it
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------- ids

    /** The id of a demo nomenclature entry, derived from its key (see the typed helpers below). */
    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("marc-demo-nomenclature:" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID domainId(String name) {
        return id("domain:" + name);
    }

    public static UUID activityId(String activity) {
        return id("activity:" + activity);
    }

    public static UUID taskId(String activity, String task) {
        return id("task:" + activity + "/" + task);
    }

    public static UUID documentId(String activity, String task, String document) {
        return id("document:" + activity + "/" + task + "/" + document);
    }

    public static UUID riskId(String activity, String risk) {
        return id("risk:" + activity + "/" + risk);
    }

    public static UUID referenceEntryId(ReferenceList list, String name) {
        return id("reference:" + list + ":" + name);
    }

    public static UUID causeId(CauseSpec cause) {
        return id("cause:" + cause.key());
    }

    // ------------------------------------------------------------------------------------- seeding

    private final NomenclatureCatalogue catalogue;
    private final CommandSender commands;
    public DemoNomenclature(NomenclatureCatalogue catalogue, CommandSender commands) {
        this.catalogue = catalogue;
        this.commands = commands;
    }

    /** Counts for the log line. */
    private static final class Tally {
        int domains, entries, activities, tasks, documents, risks, causes, pending, rejected, refused;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        long started = System.nanoTime();
        Data data = load();
        Tally tally = new Tally();

        data.referenceLists().forEach((list, names) -> names.forEach(name -> {
            if (send("reference entry " + list + " " + name,
                    new DefineReferenceEntry(referenceEntryId(list, name), list, name), tally)) {
                tally.entries++;
            }
        }));
        for (DomainSpec domain : data.domains()) {
            if (!send("domain " + domain.name(), new DefineDomain(domainId(domain.name()), null, domain.name()), tally)) {
                continue;
            }
            tally.domains++;
            for (String sub : domain.subdomains()) {
                if (send("subdomain " + sub, new DefineDomain(domainId(sub), domainId(domain.name()), sub), tally)) {
                    tally.domains++;
                }
            }
        }
        for (ActivitySpec activity : data.activities()) {
            activity(activity, tally);
        }
        for (CauseSpec cause : data.regulatoryCauses()) {
            Author author = author(cause.author() == null ? ADMINISTRATOR : cause.author());
            RegulatoryCauseDetails details = new RegulatoryCauseDetails(
                    DemoOrganisation.id("wu:" + cause.workUnit()), activityId(cause.activity()),
                    referenceEntryId(ReferenceList.ACT_ISSUER, cause.issuer()),
                    referenceEntryId(ReferenceList.ACT_TYPE, cause.actType()), cause.actNumber(), cause.yearInForce(),
                    referenceEntryId(ReferenceList.ACT_STATUS, cause.actStatus()), cause.actTitle(),
                    cause.articleNumber(), cause.additionalInfo(), cause.extract(), cause.corruptionFactors(),
                    cause.corruptionThreats(), cause.recommendations(), cause.proposedText());
            if (send("regulatory cause " + cause.key(),
                    new AddRegulatoryCause(causeId(cause), details, author.actor()), tally)) {
                tally.causes++;
            }
        }
        log.info("Demo nomenclature seeded: {} domains, {} reference entries, {} activities, {} tasks, {} documents, "
                        + "{} risks, {} regulatory causes ({} items pending approval, {} rejected{}) in {} ms",
                tally.domains, tally.entries, tally.activities, tally.tasks, tally.documents, tally.risks, tally.causes,
                tally.pending, tally.rejected, tally.refused == 0 ? "" : "; " + tally.refused + " commands REFUSED",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void activity(ActivitySpec activity, Tally tally) {
        String name = activity.name();
        UUID id = activityId(name);
        List<UUID> workUnits = activity.workUnits().stream().map(wu -> DemoOrganisation.id("wu:" + wu)).toList();
        Proposal origin = activity;
        if (!item("activity " + name, id, origin, tally, (author, atOnce) -> new ProposeActivity(id, name,
                activity.description(), domainId(activity.domain()), workUnits, List.of(), author.actor(), atOnce))) {
            return;
        }
        tally.activities++;
        for (TaskSpec task : activity.tasks()) {
            UUID taskId = taskId(name, task.name());
            Proposal taskOrigin = inherited(origin, task);
            if (!item("task " + name + "/" + task.name(), taskId, taskOrigin, tally, (author, atOnce) ->
                    new ProposeTask(taskId, id, task.name(), null, author.actor(), atOnce))) {
                continue;
            }
            tally.tasks++;
            for (DocumentSpec document : task.documents()) {
                UUID documentId = documentId(name, task.name(), document.name());
                if (item("document " + name + "/" + task.name() + "/" + document.name(), documentId,
                        inherited(taskOrigin, document), tally, (author, atOnce) -> new ProposeDocument(documentId,
                                taskId, document.name(), null, document.periodicity(), author.actor(), atOnce))) {
                    tally.documents++;
                }
            }
        }
        for (RiskSpec risk : activity.risks()) {
            UUID riskId = riskId(name, risk.name());
            if (item("risk " + name + "/" + risk.name(), riskId, inherited(origin, risk), tally, (author, atOnce) ->
                    new ProposeRisk(riskId, id, risk.name(), risk.description(), author.actor(), atOnce))) {
                tally.risks++;
            }
        }
    }

    /** Under a pending parent everything is a pending proposal of the parent's proposer. */
    static Proposal inherited(Proposal parent, Proposal child) {
        if (parent.effectiveStatus() == ItemStatus.REJECTED) {
            throw new IllegalStateException("A rejected proposal has no children in the demo data");
        }
        if (parent.effectiveStatus() != ItemStatus.PROPOSED) {
            return child;
        }
        return new Origin(parent.proposer(), ItemStatus.PROPOSED, null);
    }

    private record Origin(String proposedBy, ItemStatus status, String reason) implements Proposal {
    }

    private interface Proposing {
        Object command(Author author, boolean approvedAtOnce);
    }

    /** Proposes the item as its origin says, then accepts or rejects it when the origin asks for it. */
    private boolean item(String what, UUID id, Proposal origin, Tally tally, Proposing proposing) {
        boolean byAdministrator = ADMINISTRATOR.equals(origin.proposer());
        ItemStatus status = origin.effectiveStatus();
        boolean atOnce = byAdministrator && status == ItemStatus.APPROVED;
        if (!send(what, proposing.command(author(origin.proposer()), atOnce), tally)) {
            return false;
        }
        boolean undecided = catalogue.entry(id).map(e -> "PROPOSED".equals(e.status())).orElse(false);
        switch (status) {
            case APPROVED -> {
                if (!atOnce && undecided) {
                    return send("acceptance of " + what, new AcceptProposal(id, FIRST_VERSION), tally);
                }
            }
            case PROPOSED -> tally.pending++;
            case REJECTED -> {
                if (undecided && send("rejection of " + what, new RejectProposal(id, FIRST_VERSION, origin.reason()), tally)) {
                    tally.rejected++;
                }
                return false;
            }
            default -> throw new IllegalStateException("Unsupported demo status " + status + " for " + what);
        }
        return true;
    }

    private boolean send(String what, Object command, Tally tally) {
        try {
            commands.sendAsSystem(command);
            return true;
        } catch (RuntimeException e) {
            tally.refused++;
            log.error("Demo nomenclature: {} refused: {}", what, e.getMessage());
            return false;
        }
    }

    /** A demo account; the central administrator acts nationally, the others for their own structure. */
    private record Author(String userId, UUID orgUnitId, boolean centralAdministrator) {
        Actor actor() {
            return centralAdministrator ? Actor.centralAdministrator(userId, orgUnitId) : Actor.member(userId, orgUnitId);
        }
    }

    private static Author author(String username) {
        DemoUsers.DemoUser user = DemoUsers.find(username)
                .orElseThrow(() -> new IllegalStateException("No demo account " + username));
        return new Author(DemoAccess.userId(username).toString(), DemoOrganisation.id(user.orgUnit()),
                user.role() == ro.marc.events.access.Role.CENTRAL_ADMIN);
    }
}
