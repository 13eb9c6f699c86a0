package ro.marc.command.assessment;

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
import ro.marc.command.analysis.AnalysedActivities;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.Creations;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.common.Versions;
import ro.marc.command.incident.MaterialisedRisks;
import ro.marc.command.incident.MaterialisedRisks.RiskIncidents;
import ro.marc.command.methodology.Methodologies;
import ro.marc.command.methodology.Methodologies.MethodologyVersion;
import ro.marc.command.monitoring.KeptMeasures;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.nomenclature.RegulatoryCauses;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.command.plan.PlanAssignments;
import ro.marc.command.register.MeasureSchedules;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.AssessmentSections;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.SectionReport;
import ro.marc.events.assessment.command.*;
import ro.marc.events.assessment.event.*;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.nomenclature.ItemStatus;

import java.time.LocalDate;
import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A risk assessment (Anexa 4, §2.2.3, UCA 61–77) of one member: under their structure's active plan, for a work
 * unit the plan assigns them (A103 counsellors: any the structure holds), an activity they selected in their last
 * finalised Anexa 3, and one risk of it. That choice is its identity and never changes; the same risk may be
 * assessed by several members (A402), a member may hold several assessments. The id is chosen by the client.
 *
 * <p>One form, saved as a draft any number of times (A401: the description and the measures, partial content
 * allowed, the same content appends nothing), scored by its own command (every {@link RiskEvaluated} a line of
 * the history, UCA 69), finalised when every section is complete ({@link AssessmentSections}). A finalised
 * edition is changed only through a new one ({@link StartAssessmentEdition}, UCA 62); an inactive assessment
 * (left out of the register) refuses everything but its reactivation. Only its member acts on it; MARC itself
 * ("system") may, for seeding. Every command checks again that the plan is the structure's active plan and still
 * assigns the work unit ({@link PlanAssignments}).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class RiskAssessment {

    private static final String WHAT = "Risk assessment";

    @AggregateIdentifier
    private String id;
    private UUID assessmentId;
    private UUID planId;
    private UUID orgUnitId;
    private UUID workUnitId;
    private UUID activityId;
    private UUID riskId;
    private UUID memberUserId;
    private RiskDescription description = RiskDescription.empty();
    private List<Measure> measures = List.of();
    /** Each existing measure's effectiveness as the last draft saved it. */
    private Map<UUID, MeasureEffectiveness> effectiveness = new LinkedHashMap<>();
    /** The current evaluation, null before the first. */
    private RiskEvaluation evaluation;
    /** The edition the current content is (finalised) or will become (draft). */
    private int edition;
    private boolean finalised;
    private boolean inactive;

    protected RiskAssessment() {
        // for Axon
    }

    // ---------------------------------------------------------------- start

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(StartRiskAssessment command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue,
                       AnalysedActivities analysed, KeptMeasures keptMeasures, RegulatoryCauses causes,
                       Methodologies methodologies) {
        required("assessmentId", command.assessmentId(), "An assessment id");
        required("planId", command.planId(), "A plan id");
        required("workUnitId", command.workUnitId(), "A work unit id");
        required("activityId", command.activityId(), "A vulnerable activity");
        required("riskId", command.riskId(), "A risk");
        UUID member = PlanAssignments.member(userId, command.memberUserId(), "a risk assessment");
        Start asked = new Start(command.planId(), command.workUnitId(), command.activityId(), command.riskId(), member);
        if (exists()) {
            return Creations.repeated(new Start(planId, workUnitId, activityId, riskId, memberUserId), asked,
                    "assessmentId", assessmentId, WHAT, Versions.current());
        }
        Creations.requireUnused("assessmentId", command.assessmentId(), WHAT);
        AccountFact account = accounts.account(member)
                .orElseThrow(() -> CommandRejected.notFound("memberUserId", member, "User account"));
        if (!account.active()) {
            throw CommandRejected.forbidden("memberUserId", "USER_INACTIVE", member,
                    "The account of '" + account.displayName() + "' is deactivated");
        }
        PlanFact plan = PlanAssignments.require(plans, org, command.planId(), account, command.workUnitId(), "a risk assessment");
        if (!analysed.selected(plan.planId(), member, command.workUnitId()).contains(command.activityId())) {
            throw CommandRejected.invalid("activityId", "ACTIVITY_NOT_ANALYSED", "The activity is not one '"
                    + account.displayName() + "' selected for this work unit in their last finalised activity analysis (Anexa 3)");
        }
        Entry activity = catalogue.require("activityId", command.activityId(), EntryKind.ACTIVITY);
        Entry risk = requireRisk(catalogue, command.riskId(), activity, member);
        OrgUnitFact unit = org.orgUnit(plan.orgUnitId())
                .orElseThrow(() -> CommandRejected.notFound("planId", plan.orgUnitId(), "Org unit"));
        String workUnitName = org.workUnit(command.workUnitId()).map(OrgFacts.WorkUnitFact::name).orElse("");
        String domainName = activity.domainId() == null ? "" : catalogue.entry(activity.domainId()).map(Entry::name).orElse("");
        apply(new RiskAssessmentStarted(command.assessmentId(), plan.planId(), plan.purpose(), plan.orgUnitId(), unit.name(),
                unit.county(), command.workUnitId(), workUnitName, activity.domainId(), domainName, activity.id(),
                activity.name(), risk.id(), risk.name(), member, account.displayName()));
        // UCA 80: what the previous period kept as existing for this risk in this work unit is where this one starts
        List<Measure> carried = carriedOver(keptMeasures.keptInThePreviousPlan(plan.planId(), plan.orgUnitId(),
                command.workUnitId(), command.riskId()));
        if (!carried.isEmpty()) {
            draftWith(carried, catalogue, causes, methodologies);
        }
        return Versions.current();
    }

    /**
     * The previous period's kept measures as this assessment's existing ones: each once, a measure whose id or an
     * indicator's id another one already uses left out (two members may have kept copies of one measure), at most
     * as many as an assessment holds.
     */
    private static List<Measure> carriedOver(List<Measure> kept) {
        Set<UUID> used = new HashSet<>();
        List<Measure> carried = new ArrayList<>();
        for (Measure measure : kept) {
            List<UUID> ids = new ArrayList<>(List.of(measure.measureId()));
            measure.indicators().forEach(indicator -> ids.add(indicator.indicatorId()));
            if (carried.size() < AssessmentContent.MAX_MEASURES && ids.stream().noneMatch(used::contains)) {
                used.addAll(ids);
                carried.add(asExisting(measure));
            }
        }
        return carried;
    }

    /** A risk of the activity in the nomenclature: approved, or the member's own pending proposal. */
    private static Entry requireRisk(NomenclatureCatalogue catalogue, UUID riskId, Entry activity, UUID member) {
        Entry risk = catalogue.require("riskId", riskId, EntryKind.RISK);
        if (!activity.id().equals(risk.parentId())) {
            throw CommandRejected.invalid("riskId", "RISK_NOT_OF_ACTIVITY",
                    risk.label() + " is not a risk of " + activity.label() + " in the nomenclature");
        }
        ItemStatus status = risk.itemStatus();
        boolean usable = status == ItemStatus.APPROVED
                || (status == ItemStatus.PROPOSED && member.toString().equals(risk.proposerUserId()));
        if (!usable) {
            throw CommandRejected.invalid("riskId", "NOT_SELECTABLE", risk.label() + " is " + risk.statusWord()
                    + (status == ItemStatus.PROPOSED ? " by someone else" : "")
                    + ": only approved risks and your own proposals are assessed");
        }
        return risk;
    }

    // ---------------------------------------------------------------- draft

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SaveRiskAssessmentDraft command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue, RegulatoryCauses causes,
                       Methodologies methodologies) {
        requireEditable(command.assessmentId(), userId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        AssessmentContent content = new AssessmentContent(catalogue, causes, methodologies, workUnitId, activityId, usedEntries());
        RiskDescription tidyDescription = content.description(command.description());
        List<Measure> tidyMeasures = content.measures(command.measures());
        if (tidyDescription.equals(description) && tidyMeasures.equals(measures)) {
            return Versions.current(); // an autosave of what is there already
        }
        apply(new RiskAssessmentDraftSaved(assessmentId, edition, tidyDescription, tidyMeasures, content.effectiveness(),
                content.names()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- evaluation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EvaluateRisk command, @MetaDataValue("userId") String userId, ActivePlans plans, OrgFacts org,
                       AccountDirectory accounts, NomenclatureCatalogue catalogue, MaterialisedRisks materialised,
                       Methodologies methodologies) {
        requireEditable(command.assessmentId(), userId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        return score(command.probability(), command.impacts(), catalogue, materialised, methodologies);
    }

    /**
     * Monitoring (§2.4, UCA 80): once the saved register schedules the assessment's measures, its member scores the
     * finalised risk again, as in the evaluation; a line of the history, the edition unchanged (the next register
     * generation takes it). Refused on a draft or before the register is saved ({@code CONFLICT NOT_MONITORED}).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReevaluateRisk command, @MetaDataValue("userId") String userId, ActivePlans plans, OrgFacts org,
                       AccountDirectory accounts, NomenclatureCatalogue catalogue, MaterialisedRisks materialised,
                       Methodologies methodologies, MeasureSchedules schedules) {
        requireOwn(command.assessmentId(), userId);
        requireActive();
        if (!finalised || schedules.forAssessment(assessmentId).isEmpty()) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "NOT_MONITORED", finalised
                    ? "The saved register does not schedule this assessment's measures yet: it is re-evaluated during monitoring"
                    : "Edition " + edition + " of this risk assessment is a draft: score it with the evaluation",
                    Map.of("edition", edition));
        }
        Versions.require(WHAT, assessmentId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        return score(command.probability(), command.impacts(), catalogue, materialised, methodologies);
    }

    /** Scores P and the impacts under the methodology in force; the same scores again append nothing. */
    private long score(int probability, List<ImpactScore> impacts, NomenclatureCatalogue catalogue,
                       MaterialisedRisks materialised, Methodologies methodologies) {
        MethodologyVersion methodology = AssessmentRules.currentMethodology(methodologies);
        RiskIncidents incidents = materialised.incidentsFor(riskId, orgUnitId);
        AssessmentRules.requireProbability(probability, incidents);
        Map<UUID, String> dimensionNames = AssessmentRules.requireImpacts(impacts, catalogue, usedDimensions());
        RiskEvaluation scored = RiskEvaluation.of(probability, impacts, methodology.content(), methodology.version());
        if (scored.equals(evaluation)) {
            return Versions.current(); // the same scores under the same methodology version
        }
        apply(new RiskEvaluated(assessmentId, edition, scored, dimensionNames, incidents.lowestAllowedProbability(),
                AssessmentRules.incidentsBehindFloor(incidents)));
        return Versions.current();
    }

    // ---------------------------------------------------------------- finalisation and editions

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FinaliseRiskAssessment command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue, RegulatoryCauses causes,
                       MaterialisedRisks materialised, Methodologies methodologies) {
        requireOwn(command.assessmentId(), userId);
        requireActive();
        if (finalised) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "ALREADY_FINALISED", "Edition " + edition
                    + " of this risk assessment is already finalised; start a new edition to change it", Map.of("edition", edition));
        }
        Versions.require(WHAT, assessmentId, command.expectedVersion());
        PlanFact plan = requireStillAssigned(plans, org, accounts);
        RiskIncidents incidents = materialised.incidentsFor(riskId, orgUnitId);
        List<SectionReport> reports = AssessmentSections.check(description, evaluation, measures,
                incidents.lowestAllowedProbability());
        SectionReport.Reason first = AssessmentSections.firstReason(reports);
        if (first != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("section", reports.stream().filter(r -> r.reasons().contains(first)).findFirst().orElseThrow().section().name());
            if (AssessmentSections.BELOW_INCIDENT_FLOOR.equals(first.code())) {
                details.putAll(AssessmentRules.floorDetails(incidents));
            }
            throw new CommandRejected(Reason.INVALID, first.field(), first.code(),
                    "The assessment cannot be finalised yet: " + first.message(), details);
        }
        // the entries it names still acceptable (deactivated ones stay where used), their names as they are now
        AssessmentContent content = new AssessmentContent(catalogue, causes, methodologies, workUnitId, activityId, usedEntries());
        content.description(description);
        Map<UUID, String> names = new LinkedHashMap<>(content.names());
        for (ImpactScore impact : evaluation.impacts()) {
            catalogue.entry(impact.dimensionId()).ifPresent(d -> names.put(d.id(), d.name()));
        }
        apply(new RiskAssessmentFinalised(assessmentId, edition(plan, org, accounts, catalogue, names)));
        return Versions.current();
    }

    /** The edition as finalised now, every name resolved now; late after the plan's measures-stage deadline. */
    private AssessmentEdition edition(PlanFact plan, OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue,
                                      Map<UUID, String> names) {
        OrgUnitFact unit = org.orgUnit(orgUnitId).orElseThrow(() -> CommandRejected.notFound("planId", orgUnitId, "Org unit"));
        String workUnitName = org.workUnit(workUnitId).map(OrgFacts.WorkUnitFact::name).orElse("");
        Optional<Entry> activity = catalogue.entry(activityId);
        UUID domainId = activity.map(Entry::domainId).orElse(null);
        String domainName = domainId == null ? "" : catalogue.entry(domainId).map(Entry::name).orElse("");
        String riskName = catalogue.entry(riskId).map(Entry::name).orElse("");
        String memberName = accounts.account(memberUserId).map(AccountFact::displayName).orElse("");
        LocalDate today = RomanianCalendar.today();
        LocalDate deadline = plan.deadlines() == null ? null : plan.deadlines().measures();
        return new AssessmentEdition(edition, planId, plan.purpose(), orgUnitId, unit.name(), unit.county(), workUnitId,
                workUnitName, domainId, domainName, activityId, activity.map(Entry::name).orElse(""), riskId, riskName,
                memberUserId, memberName, today, deadline, deadline != null && today.isAfter(deadline), description,
                evaluation, measures, effectiveness, names);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(StartAssessmentEdition command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, KeptMeasures keptMeasures, NomenclatureCatalogue catalogue,
                       RegulatoryCauses causes, Methodologies methodologies) {
        requireOwn(command.assessmentId(), userId);
        requireActive();
        if (!finalised) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "NOT_FINALISED", "Edition " + edition
                    + " of this risk assessment is a draft still: edit it as it is", Map.of("edition", edition));
        }
        Versions.require(WHAT, assessmentId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        apply(new AssessmentEditionStarted(assessmentId, edition + 1));
        List<Measure> withKept = keptAsExisting(keptMeasures.keptOf(assessmentId));
        if (!withKept.equals(measures)) {
            // the measures kept (UCA 80) are existing ones from now on, their Anexa 8 criteria to be answered before
            // this edition is finalised
            draftWith(withKept, catalogue, causes, methodologies);
        }
        return Versions.current();
    }

    /** The measures with every additional one its member kept as existing (UCA 80) turned into an existing one. */
    private List<Measure> keptAsExisting(Set<UUID> kept) {
        return measures.stream()
                .map(m -> m.kind() == MeasureKind.ADDITIONAL && kept.contains(m.measureId()) ? asExisting(m) : m)
                .toList();
    }

    /** A kept measure as an existing one: nobody responsible any more, its Anexa 8 criteria to be answered. */
    private static Measure asExisting(Measure kept) {
        return new Measure(kept.measureId(), MeasureKind.EXISTING, kept.description(), EffectivenessCriteria.unanswered(),
                null, kept.indicators());
    }

    /** The draft as its member would save it with these measures: the names and effectiveness resolved now. */
    private void draftWith(List<Measure> draftMeasures, NomenclatureCatalogue catalogue, RegulatoryCauses causes,
                           Methodologies methodologies) {
        AssessmentContent content = new AssessmentContent(catalogue, causes, methodologies, workUnitId, activityId, usedEntries());
        RiskDescription sameDescription = content.description(description);
        apply(new RiskAssessmentDraftSaved(assessmentId, edition, sameDescription, content.measures(draftMeasures),
                content.effectiveness(), content.names()));
    }

    // ---------------------------------------------------------------- inactivation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(InactivateRiskAssessment command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts) {
        requireOwn(command.assessmentId(), userId);
        requireActive();
        Versions.require(WHAT, assessmentId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        apply(new RiskAssessmentInactivated(assessmentId));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReactivateRiskAssessment command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts) {
        requireOwn(command.assessmentId(), userId);
        if (!inactive) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "ALREADY_ACTIVE",
                    "The risk assessment is active: there is nothing to reactivate", Map.of("id", String.valueOf(assessmentId)));
        }
        Versions.require(WHAT, assessmentId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        apply(new RiskAssessmentReactivated(assessmentId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private record Start(UUID planId, UUID workUnitId, UUID activityId, UUID riskId, UUID memberUserId) {
    }

    private boolean exists() {
        return assessmentId != null;
    }

    private static void required(String field, UUID id, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
    }


    /** The assessment exists and the caller is its member (or MARC itself). */
    private void requireOwn(UUID commandId, String userId) {
        required("assessmentId", commandId, "An assessment id");
        if (!exists()) {
            throw CommandRejected.notFound("assessmentId", commandId, WHAT);
        }
        PlanAssignments.requireMember(userId, memberUserId, "assessmentId", assessmentId, "a risk assessment");
    }

    private void requireActive() {
        if (inactive) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "INACTIVE",
                    "The risk assessment is inactive: reactivate it before changing it", Map.of("id", String.valueOf(assessmentId)));
        }
    }

    /** Own, active, a draft (CONFLICT FINALISED: start a new edition), at the version the caller edited. */
    private void requireEditable(UUID commandId, String userId, long expectedVersion) {
        requireOwn(commandId, userId);
        requireActive();
        if (finalised) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "FINALISED", "Edition " + edition
                    + " of this risk assessment is finalised: start a new edition to change it", Map.of("edition", edition));
        }
        Versions.require(WHAT, assessmentId, expectedVersion);
    }

    private PlanFact requireStillAssigned(ActivePlans plans, OrgFacts org, AccountDirectory accounts) {
        AccountFact account = accounts.account(memberUserId)
                .orElseThrow(() -> CommandRejected.notFound("memberUserId", memberUserId, "User account"));
        return PlanAssignments.require(plans, org, planId, account, workUnitId, "a risk assessment");
    }

    /** The effects and causes the description names now (kept when deactivated since). */
    private Set<UUID> usedEntries() {
        Set<UUID> ids = new HashSet<>(description.effectIds());
        ids.addAll(description.regulatoryCauseIds());
        return ids;
    }

    /** The impact dimensions the current evaluation scores (kept when deactivated since). */
    private Set<UUID> usedDimensions() {
        Set<UUID> ids = new HashSet<>();
        if (evaluation != null) {
            evaluation.impacts().forEach(i -> ids.add(i.dimensionId()));
        }
        return ids;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(RiskAssessmentStarted event) {
        id = event.assessmentId().toString();
        assessmentId = event.assessmentId();
        planId = event.planId();
        orgUnitId = event.orgUnitId();
        workUnitId = event.workUnitId();
        activityId = event.activityId();
        riskId = event.riskId();
        memberUserId = event.memberUserId();
        edition = 1;
    }

    @EventSourcingHandler
    void on(RiskAssessmentDraftSaved event) {
        description = event.description();
        measures = event.measures();
        effectiveness = new LinkedHashMap<>(event.effectiveness());
    }

    @EventSourcingHandler
    void on(RiskEvaluated event) {
        evaluation = event.evaluation();
    }

    @EventSourcingHandler
    void on(RiskAssessmentFinalised event) {
        edition = event.edition().edition();
        finalised = true;
    }

    @EventSourcingHandler
    void on(AssessmentEditionStarted event) {
        edition = event.edition();
        finalised = false;
    }

    @EventSourcingHandler
    void on(RiskAssessmentInactivated event) {
        inactive = true;
    }

    @EventSourcingHandler
    void on(RiskAssessmentReactivated event) {
        inactive = false;
    }
}
