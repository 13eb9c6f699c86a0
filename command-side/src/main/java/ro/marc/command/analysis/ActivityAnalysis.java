package ro.marc.command.analysis;

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
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.common.Versions;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.command.plan.PlanAssignments;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.analysis.command.FinaliseActivityAnalysis;
import ro.marc.events.analysis.command.SaveActivityAnalysis;
import ro.marc.events.analysis.command.StartActivityAnalysis;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.analysis.event.ActivityAnalysisStarted;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The activity analysis (Anexa 3, §2.2.2, UCA 32–42) of one member for one work unit under their
 * structure's active plan: the vulnerable activities they select (approved ones of the work unit and
 * their own pending proposals), each activity's tasks with their periodicity and documents, and its
 * collaboration relations. One aggregate per (plan, member, work unit): its id is
 * {@link AnalysisIds#of}, so starting it twice meets on one stream and needs no lookup.
 *
 * <p>The member is the caller (command metadata {@code userId}); only MARC itself (seeding) names the
 * member. Every command checks again that the plan is the structure's active plan ({@link ActivePlans})
 * and that it assigns the work unit to the member (A103: a counsellor following the member workflow,
 * every work unit the structure holds). Draft → finalised (edition n, names resolved at that moment for
 * the PDF and the notifications); a save after a finalisation starts edition n+1 as a draft.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class ActivityAnalysis {


    @AggregateIdentifier
    private String id;
    private UUID analysisId;
    private UUID planId;
    private UUID orgUnitId;
    private UUID workUnitId;
    private UUID memberUserId;
    private List<AnalysedActivity> activities = List.of();
    /** The edition the current content is (FINALISED) or will become (DRAFT). */
    private int edition;
    private boolean finalised;

    protected ActivityAnalysis() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(StartActivityAnalysis command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts) {
        if (command.analysisId() == null) {
            throw CommandRejected.invalid("analysisId", "REQUIRED", "An analysis id is required");
        }
        if (command.planId() == null) {
            throw CommandRejected.invalid("planId", "REQUIRED", "A plan id is required");
        }
        if (command.workUnitId() == null) {
            throw CommandRejected.invalid("workUnitId", "REQUIRED", "A work unit id is required");
        }
        UUID member = PlanAssignments.member(userId, command.memberUserId(), "an activity analysis");
        if (!command.analysisId().equals(AnalysisIds.of(command.planId(), member, command.workUnitId()))) {
            throw CommandRejected.invalid("analysisId", "WRONG_ID",
                    "An activity analysis' id is the one of its plan, member and work unit");
        }
        if (exists()) {
            return Creations.repeated(new Start(planId, memberUserId, workUnitId),
                    new Start(command.planId(), member, command.workUnitId()), "analysisId", analysisId,
                    "Activity analysis", Versions.current());
        }
        Creations.requireUnused("analysisId", command.analysisId(), "Activity analysis");
        AccountFact account = accounts.account(member)
                .orElseThrow(() -> CommandRejected.notFound("memberUserId", member, "User account"));
        if (!account.active()) {
            throw CommandRejected.forbidden("memberUserId", "USER_INACTIVE", member,
                    "The account of '" + account.displayName() + "' is deactivated");
        }
        PlanFact plan = requirePlan(plans, org, command.planId(), account, command.workUnitId());
        OrgUnitFact unit = org.orgUnit(plan.orgUnitId())
                .orElseThrow(() -> CommandRejected.notFound("planId", plan.orgUnitId(), "Org unit"));
        String workUnitName = org.workUnit(command.workUnitId()).map(OrgFacts.WorkUnitFact::name).orElse("");
        apply(new ActivityAnalysisStarted(command.analysisId(), plan.planId(), plan.orgUnitId(), command.workUnitId(),
                member, plan.purpose(), unit.name(), unit.county(), workUnitName, account.displayName()));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SaveActivityAnalysis command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue) {
        requireExisting(command.analysisId(), userId, command.expectedVersion());
        requireStillAssigned(plans, org, accounts);
        AnalysisContent content = new AnalysisContent(catalogue, org, workUnitId, memberUserId, used());
        List<AnalysedActivity> tidy = content.validate(command.activities());
        apply(new ActivityAnalysisSaved(analysisId, finalised ? edition + 1 : edition, tidy, content.names()));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FinaliseActivityAnalysis command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       OrgFacts org, AccountDirectory accounts, NomenclatureCatalogue catalogue) {
        requireExisting(command.analysisId(), userId, command.expectedVersion());
        if (finalised) {
            throw new CommandRejected(Reason.CONFLICT, "analysisId", "ALREADY_FINALISED",
                    "Edition " + edition + " of this activity analysis is already finalised; edit it to start the next one",
                    Map.of("edition", edition));
        }
        PlanFact plan = requireStillAssigned(plans, org, accounts);
        if (activities.isEmpty()) {
            throw CommandRejected.invalid("activities", "REQUIRED",
                    "Select at least one vulnerable activity before finalising the analysis");
        }
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).tasks().isEmpty()) {
                throw CommandRejected.invalid("activities[" + i + "].tasks", "REQUIRED",
                        "Every selected activity needs at least one task before finalising the analysis");
            }
        }
        AnalysisContent content = new AnalysisContent(catalogue, org, workUnitId, memberUserId, used());
        content.validate(activities); // still approved or the member's own proposals, names resolved now
        OrgUnitFact unit = org.orgUnit(orgUnitId).orElseThrow(() -> CommandRejected.notFound("planId", orgUnitId, "Org unit"));
        String workUnitName = org.workUnit(workUnitId).map(OrgFacts.WorkUnitFact::name).orElse("");
        String memberName = accounts.account(memberUserId).map(AccountFact::displayName).orElse("");
        LocalDate today = RomanianCalendar.today();
        LocalDate deadline = plan.deadlines() == null ? null : plan.deadlines().identification();
        County county = unit.county();
        AnalysisEdition published = new AnalysisEdition(edition, planId, plan.purpose(), orgUnitId, unit.name(), county,
                workUnitId, workUnitName, memberUserId, memberName, today, deadline,
                deadline != null && today.isAfter(deadline), content.lines(activities));
        apply(new ActivityAnalysisFinalised(analysisId, published));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private record Start(UUID planId, UUID memberUserId, UUID workUnitId) {
    }

    private boolean exists() {
        return analysisId != null;
    }


    private static PlanFact requirePlan(ActivePlans plans, OrgFacts org, UUID planId, AccountFact account, UUID workUnitId) {
        return PlanAssignments.require(plans, org, planId, account, workUnitId, "an activity analysis");
    }

    private void requireExisting(UUID commandId, String userId, long expectedVersion) {
        if (commandId == null) {
            throw CommandRejected.invalid("analysisId", "REQUIRED", "An analysis id is required");
        }
        if (!exists()) {
            throw CommandRejected.notFound("analysisId", commandId, "Activity analysis");
        }
        PlanAssignments.requireMember(userId, memberUserId, "analysisId", analysisId, "an activity analysis");
        Versions.require("Activity analysis", analysisId, expectedVersion);
    }

    private PlanFact requireStillAssigned(ActivePlans plans, OrgFacts org, AccountDirectory accounts) {
        AccountFact account = accounts.account(memberUserId)
                .orElseThrow(() -> CommandRejected.notFound("memberUserId", memberUserId, "User account"));
        return requirePlan(plans, org, planId, account, workUnitId);
    }

    /** Every nomenclature id the current content uses (an entry deactivated since may stay where it is used). */
    private Set<UUID> used() {
        Set<UUID> ids = new HashSet<>();
        for (AnalysedActivity activity : activities) {
            ids.add(activity.activityId());
            activity.tasks().forEach(t -> {
                ids.add(t.taskId());
                ids.addAll(t.documentIds());
            });
            activity.relations().forEach(r -> {
                if (r.partnerEntryId() != null) {
                    ids.add(r.partnerEntryId());
                }
                ids.addAll(r.materialMeansIds());
            });
        }
        return ids;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(ActivityAnalysisStarted event) {
        id = event.analysisId().toString();
        analysisId = event.analysisId();
        planId = event.planId();
        orgUnitId = event.orgUnitId();
        workUnitId = event.workUnitId();
        memberUserId = event.memberUserId();
        edition = 1;
    }

    @EventSourcingHandler
    void on(ActivityAnalysisSaved event) {
        activities = event.activities();
        edition = event.edition();
        finalised = false;
    }

    @EventSourcingHandler
    void on(ActivityAnalysisFinalised event) {
        edition = event.edition().edition();
        finalised = true;
    }
}
