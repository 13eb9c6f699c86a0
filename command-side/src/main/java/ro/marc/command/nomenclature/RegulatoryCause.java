package ro.marc.command.nomenclature;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.nomenclature.Actor;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.nomenclature.command.AddRegulatoryCause;
import ro.marc.events.nomenclature.command.DeactivateRegulatoryCause;
import ro.marc.events.nomenclature.command.EditRegulatoryCause;
import ro.marc.events.nomenclature.event.RegulatoryCauseAdded;
import ro.marc.events.nomenclature.event.RegulatoryCauseDeactivated;
import ro.marc.events.nomenclature.event.RegulatoryCauseEdited;

import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static ro.marc.command.nomenclature.NomenclatureRules.*;

/**
 * A regulatory cause (Anexa 5): added by any member of a working group (or a territorial administrator
 * for a structure of their county) without approval, edited by its author, a territorial administrator
 * of its structure's county or a central administrator, deactivated by central administrators. The activity, work
 * unit and reference entries it names are checked in the {@link NomenclatureCatalogue}; who may add or
 * edit it (a visible activity, a work unit of the author's structure) with {@link OrgFacts}.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class RegulatoryCause {

    static final int MAX_DIGITS = 10;
    static final int FIRST_YEAR_IN_FORCE = 1864;
    private static final ZoneId ROMANIA = ZoneId.of("Europe/Bucharest");

    @AggregateIdentifier
    private UUID causeId;
    private RegulatoryCauseDetails details;
    private String authorUserId;
    /** The structure the cause was added for. */
    private UUID authorOrgUnitId;
    private boolean active;
    private RegulatoryCauseAdded created;

    protected RegulatoryCause() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddRegulatoryCause command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        Actor author = requireActor("author", command.author());
        requireStructureOfCounties(org, author);
        if (created != null) {
            RegulatoryCauseDetails again = requireDetails(catalogue, command.details(), created.details());
            return Creations.repeated(created, new RegulatoryCauseAdded(command.causeId(), again, author.userId(),
                    author.orgUnitId()), "causeId", command.causeId(), "Regulatory cause", 1);
        }
        Creations.requireUnused("causeId", command.causeId(), "Regulatory cause");
        requireAllowed(catalogue, org, plans, author, command.details(), null);
        RegulatoryCauseDetails tidy = requireDetails(catalogue, command.details(), null);
        apply(new RegulatoryCauseAdded(command.causeId(), tidy, author.userId(), author.orgUnitId()));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EditRegulatoryCause command, NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans) {
        requireExists(command.causeId());
        Actor editor = requireActor("editor", command.editor());
        if (!editor.national() && !editor.userId().equals(authorUserId)) {
            var county = authorOrgUnitId == null ? null
                    : org.orgUnit(authorOrgUnitId).map(OrgFacts.OrgUnitFact::county).orElse(null);
            if (county == null || !editor.counties().contains(county)) {
                throw CommandRejected.forbidden("causeId", "NOT_AUTHOR", causeId,
                        "Regulatory cause " + causeId + " was added by someone else: only its author, a territorial"
                                + " administrator of its structure's county or a central administrator edits it");
            }
            // a territorial administrator edits for the cause's structure: its work units
            editor = new Actor(editor.userId(), authorOrgUnitId, false, editor.seesAllProposals(), editor.counties(), true);
        }
        requireAllowed(catalogue, org, plans, editor, command.details(), details);
        if (!active) {
            throw CommandRejected.invalid("causeId", "INACTIVE",
                    "Regulatory cause " + causeId + " is deactivated and can no longer be edited");
        }
        Versions.require("Regulatory cause", causeId, command.expectedVersion());
        RegulatoryCauseDetails tidy = requireDetails(catalogue, command.details(), details);
        if (tidy.equals(details)) {
            return Versions.current();
        }
        apply(new RegulatoryCauseEdited(causeId, tidy, details));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateRegulatoryCause command) {
        requireExists(command.causeId());
        Versions.require("Regulatory cause", causeId, command.expectedVersion());
        if (!active) {
            throw CommandRejected.invalid("causeId", "ALREADY_INACTIVE",
                    "Regulatory cause " + causeId + " is already deactivated");
        }
        apply(new RegulatoryCauseDeactivated(causeId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private void requireExists(UUID id) {
        if (created == null) {
            throw CommandRejected.notFound("causeId", id, "Regulatory cause");
        }
    }

    /**
     * Who may name this activity and work unit: the activity must be one the actor sees (FORBIDDEN
     * PROPOSAL_NOT_VISIBLE), the work unit one their structure holds unless they act nationally
     * (FORBIDDEN WORK_UNIT_NOT_HELD) and, while the structure has an active plan, assigned to them by it (FORBIDDEN
     * WORK_UNIT_NOT_ASSIGNED) unless the cause already names it. Unknown ids are left to {@link #requireDetails} (NOT_FOUND).
     */
    private static void requireAllowed(NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans, Actor actor,
                                       RegulatoryCauseDetails details, RegulatoryCauseDetails previous) {
        if (details == null) {
            throw CommandRejected.invalid("details", "REQUIRED", "The details of the regulatory cause are required");
        }
        if (details.activityId() != null) {
            catalogue.entry(details.activityId()).filter(e -> e.kind() == EntryKind.ACTIVITY)
                    .ifPresent(activity -> requireVisible(org, actor, "details.activityId", activity));
        }
        if (details.workUnitId() != null) {
            // the work unit the cause already names stays acceptable when the structure's plan no longer assigns it
            boolean kept = previous != null && details.workUnitId().equals(previous.workUnitId());
            requireWorkUnitsHeld(org, kept ? NO_PLAN : plans, actor, "details.workUnitId", java.util.List.of(details.workUnitId()));
        }
    }

    /**
     * The Anexa 5 fields, checked in the form's order and returned tidied. References must be
     * live when newly used: an activity, work unit or reference entry the cause already named
     * ({@code previous}) stays acceptable after it was deactivated ("kept where already used").
     */
    private static RegulatoryCauseDetails requireDetails(NomenclatureCatalogue catalogue, RegulatoryCauseDetails details,
                                                         RegulatoryCauseDetails previous) {
        if (details == null) {
            throw CommandRejected.invalid("details", "REQUIRED", "The details of the regulatory cause are required");
        }
        requireId("details.workUnitId", details.workUnitId(), "The work unit");
        requireId("details.activityId", details.activityId(), "The vulnerable activity");
        requireId("details.issuerId", details.issuerId(), "The issuer of the act");
        requireId("details.actTypeId", details.actTypeId(), "The type of the act");
        String actNumber = requireDigits("details.actNumber", details.actNumber(), "The number of the act");
        int thisYear = Year.now(ROMANIA).getValue();
        if (details.yearInForce() < FIRST_YEAR_IN_FORCE || details.yearInForce() > thisYear + 1) {
            throw CommandRejected.invalid("details.yearInForce", "OUT_OF_RANGE", "The year " + details.yearInForce()
                    + " is not between " + FIRST_YEAR_IN_FORCE + " and " + (thisYear + 1));
        }
        requireId("details.actStatusId", details.actStatusId(), "The status of the act");
        String actTitle = requiredText("details.actTitle", details.actTitle());
        String articleNumber = requireDigits("details.articleNumber", details.articleNumber(), "The article number");
        String additionalInfo = Texts.optional("details.additionalInfo", details.additionalInfo(), MAX_TEXT_LENGTH);
        String extract = requiredText("details.extract", details.extract());
        String corruptionFactors = requiredText("details.corruptionFactors", details.corruptionFactors());
        String corruptionThreats = requiredText("details.corruptionThreats", details.corruptionThreats());
        String recommendations = requiredText("details.recommendations", details.recommendations());
        String proposedText = Texts.optional("details.proposedText", details.proposedText(), MAX_TEXT_LENGTH);

        Entry activity = catalogue.entry(details.activityId()).filter(e -> e.kind() == EntryKind.ACTIVITY)
                .orElseThrow(() -> CommandRejected.notFound("details.activityId", details.activityId(), "Activity"));
        boolean sameActivity = previous != null && previous.activityId().equals(activity.id())
                && previous.workUnitId().equals(details.workUnitId());
        if (!sameActivity && !activity.isLive()) {
            throw CommandRejected.invalid("details.activityId", "ACTIVITY_NOT_LIVE", activity.label() + " is "
                    + activity.status().toLowerCase(Locale.ROOT) + " and cannot be chosen for a regulatory cause");
        }
        if (!sameActivity && !activity.workUnitIds().contains(details.workUnitId())) {
            throw CommandRejected.invalid("details.workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY",
                    activity.label() + " does not belong to work unit " + details.workUnitId());
        }
        requireListEntry(catalogue, "details.issuerId", details.issuerId(), ReferenceList.ACT_ISSUER,
                previous == null ? null : previous.issuerId());
        requireListEntry(catalogue, "details.actTypeId", details.actTypeId(), ReferenceList.ACT_TYPE,
                previous == null ? null : previous.actTypeId());
        requireListEntry(catalogue, "details.actStatusId", details.actStatusId(), ReferenceList.ACT_STATUS,
                previous == null ? null : previous.actStatusId());
        return new RegulatoryCauseDetails(details.workUnitId(), activity.id(), details.issuerId(), details.actTypeId(),
                actNumber, details.yearInForce(), details.actStatusId(), actTitle, articleNumber, additionalInfo,
                extract, corruptionFactors, corruptionThreats, recommendations, proposedText);
    }

    private static void requireListEntry(NomenclatureCatalogue catalogue, String field, UUID id, ReferenceList list,
                                         UUID previousId) {
        Entry entry = catalogue.entry(id).filter(e -> e.kind() == EntryKind.REFERENCE)
                .orElseThrow(() -> CommandRejected.notFound(field, id, "Reference entry"));
        if (entry.list() != list) {
            throw CommandRejected.invalid(field, "WRONG_LIST",
                    "'" + entry.name() + "' is an entry of " + entry.list() + ", not of " + list);
        }
        if (!entry.active() && !id.equals(previousId)) {
            throw CommandRejected.invalid(field, "INACTIVE_ENTRY",
                    "'" + entry.name() + "' is deactivated and cannot be newly chosen");
        }
    }

    private static void requireId(String field, UUID id, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
    }

    /** Required, digits only, at most ten of them; surrounding white space dropped. */
    private static String requireDigits(String field, String value, String what) {
        String tidy = value == null ? "" : value.strip();
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
        return Texts.digits(field, tidy, MAX_DIGITS, what);
    }

    // ---------------------------------------------------------------- state

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds nothing here). Existence is the creation event.
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        causeId = UUID.fromString(sourceId);
    }

    @EventSourcingHandler
    void on(RegulatoryCauseAdded event) {
        causeId = event.causeId();
        details = event.details();
        authorOrgUnitId = event.authorOrgUnitId();
        authorUserId = event.authorUserId();
        active = true;
        created = event;
    }

    @EventSourcingHandler
    void on(RegulatoryCauseEdited event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(RegulatoryCauseDeactivated event) {
        active = false;
    }
}
