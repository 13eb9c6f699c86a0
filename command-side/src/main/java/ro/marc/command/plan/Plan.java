package ro.marc.command.plan;

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
import ro.marc.command.access.WorkingGroupDirectory;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Names;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.events.access.Role;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.ClosePlan;
import ro.marc.events.plan.command.DraftPlan;
import ro.marc.events.plan.command.EditPlan;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.plan.event.PlanDraftSaved;
import ro.marc.events.plan.event.PlanDrafted;
import ro.marc.events.plan.event.PlanRevised;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The plan of one org unit for one yearly campaign (Anexa 1, §2.1): a start date, a short purpose (the
 * campaign's name everywhere after), the working-group members with the work units each is responsible for,
 * and one deadline per stage (A101). DRAFT (saved provisionally, partial content allowed but what is given
 * must be valid) → ACTIVE (complete; one per org unit; every change publishes a new edition) → CLOSED
 * (read-only). Its version is its own sequence number + 1 ({@link Versions}).
 *
 * <p>Rules about other aggregates are decided from named queries: the org unit and the work units it holds
 * ({@link OrgFacts}); members are active accounts of the org unit holding a working-group role
 * ({@link AccountDirectory}) and members of its working group ({@link WorkingGroupDirectory}); one active
 * plan per org unit ({@link ActivePlans}, whose unique partial index refuses the second of two racing
 * activations at commit with the same ACTIVE_PLAN_EXISTS).
 *
 * <p>Dates, the n+1 rule: identification starts on the start date, evaluation the day after the
 * identification deadline, measures the day after the evaluation deadline; each deadline is on or after
 * its stage's start. A member already on the active plan stays on it when deactivated or taken out of the
 * working group since (A102: the edition marks them inactive and the PDF leaves them out); a member the
 * change adds is checked in full.
 *
 * <p>Every handler is {@code CREATE_IF_MISSING}: {@link DraftPlan} creates the plan (a retry with the same
 * id and content answers version 1; other content is DUPLICATE_ID), any other command on a missing plan
 * is a typed NOT_FOUND.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class Plan {

    /** The longest purpose: it names the campaign everywhere after (a name). */
    static final int MAX_PURPOSE_LENGTH = Names.MAX_LENGTH;
    /** Members of one plan: a working group is a handful of people; this only bounds a hostile input. */
    static final int MAX_MEMBERS = 200;
    /** Who publishes an edition sent by the system itself (demo data). */
    static final String SYSTEM_NAME = "MARC";

    private static final Role[] WORKING_GROUP_ROLES =
            {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR, Role.WORKING_GROUP_MEMBER};

    @AggregateIdentifier
    private String id;
    private UUID planId;
    private UUID orgUnitId;
    private PlanStatus status;
    private Content content;
    /** The last published edition's number (0 while a draft). */
    private int edition;
    /** The creation as stored: a retried DraftPlan with the same content answers version 1. */
    private PlanDrafted created;

    protected Plan() {
        // for Axon: rebuilt from its events, or created empty by DraftPlan
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DraftPlan command, OrgFacts org, AccountDirectory accounts, WorkingGroupDirectory groups) {
        if (command.planId() == null) {
            throw CommandRejected.invalid("planId", "REQUIRED", "A plan id is required");
        }
        if (command.orgUnitId() == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "An org unit id is required");
        }
        Content asked = Content.tidy(command.startDate(), command.purpose(), command.members(), command.deadlines());
        if (exists()) {
            return Creations.repeated(created, drafted(command.planId(), command.orgUnitId(), asked),
                    "planId", command.planId(), "Plan", 1);
        }
        Creations.requireUnused("planId", command.planId(), "Plan");
        OrgUnitFact unit = org.orgUnit(command.orgUnitId())
                .orElseThrow(() -> CommandRejected.notFound("orgUnitId", command.orgUnitId(), "Org unit"));
        if (!unit.active()) {
            throw CommandRejected.invalid("orgUnitId", "ORG_UNIT_INACTIVE",
                    "'" + unit.name() + "' is deactivated: no plan can be drawn up for it");
        }
        asked.check(unit, org, accounts, groups, false, Map.of());
        apply(drafted(command.planId(), command.orgUnitId(), asked));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EditPlan command, OrgFacts org, AccountDirectory accounts, WorkingGroupDirectory groups,
                       @MetaDataValue("userId") String userId) {
        requireExisting(command.planId(), command.expectedVersion());
        requireNotClosed();
        Content asked = Content.tidy(command.startDate(), command.purpose(), command.members(), command.deadlines());
        OrgUnitFact unit = requireOrgUnit(org);
        if (status == PlanStatus.DRAFT) {
            asked.check(unit, org, accounts, groups, false, Map.of());
            if (asked.equals(content)) {
                return Versions.current(); // saved again as it is: nothing to store
            }
            apply(new PlanDraftSaved(planId, orgUnitId, asked.startDate(), asked.purpose(), asked.members(), asked.deadlines()));
            return Versions.current();
        }
        asked.check(unit, org, accounts, groups, true, content.membersById());
        if (asked.equals(content)) {
            throw CommandRejected.invalid("planId", "NO_CHANGE",
                    "The plan is unchanged: an active plan's edition changes only when its content does");
        }
        PlanEdition published = asked.edition(edition + 1, unit, org, accounts, userId);
        apply(new PlanRevised(planId, orgUnitId, asked.startDate(), asked.purpose(), asked.members(), asked.deadlines(),
                published));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ActivatePlan command, ActivePlans plans, OrgFacts org, AccountDirectory accounts,
                       WorkingGroupDirectory groups, @MetaDataValue("userId") String userId) {
        requireExisting(command.planId(), command.expectedVersion());
        requireNotClosed();
        if (status == PlanStatus.ACTIVE) {
            throw CommandRejected.invalid("planId", "ALREADY_ACTIVE", "The plan is already active");
        }
        OrgUnitFact unit = requireOrgUnit(org);
        content.check(unit, org, accounts, groups, true, Map.of());
        plans.activePlanOf(orgUnitId).filter(p -> !p.planId().equals(planId)).ifPresent(active -> {
            throw PlanRefusals.activePlanExists(orgUnitId, active.planId(), active.purpose());
        });
        PlanEdition published = content.edition(1, unit, org, accounts, userId);
        apply(new PlanActivated(planId, orgUnitId, content.startDate(), content.purpose(), content.members(),
                content.deadlines(), published));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ClosePlan command) {
        requireExisting(command.planId(), command.expectedVersion());
        requireNotClosed();
        if (status != PlanStatus.ACTIVE) {
            throw CommandRejected.invalid("planId", "NOT_ACTIVE", "Only an active plan can be closed; this one is a draft");
        }
        apply(new PlanClosed(planId, orgUnitId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private boolean exists() {
        return planId != null;
    }

    private static PlanDrafted drafted(UUID planId, UUID orgUnitId, Content content) {
        return new PlanDrafted(planId, orgUnitId, content.startDate(), content.purpose(), content.members(), content.deadlines());
    }

    /** The plan exists (typed NOT_FOUND otherwise) and the caller edited its current version. */
    private void requireExisting(UUID commandPlanId, long expectedVersion) {
        if (commandPlanId == null) {
            throw CommandRejected.invalid("planId", "REQUIRED", "A plan id is required");
        }
        if (!exists()) {
            throw CommandRejected.notFound("planId", commandPlanId, "Plan");
        }
        Versions.require("Plan", planId, expectedVersion);
    }

    private void requireNotClosed() {
        if (status == PlanStatus.CLOSED) {
            throw CommandRejected.invalid("planId", "PLAN_CLOSED",
                    "The plan is closed: it and everything under it stay readable, but nothing of it changes");
        }
    }

    private OrgUnitFact requireOrgUnit(OrgFacts org) {
        return org.orgUnit(orgUnitId).orElseThrow(() -> CommandRejected.notFound("orgUnitId", orgUnitId, "Org unit"));
    }

    /**
     * The plan's content as the commands give it, tidied: purpose cleaned, no null lists, deadlines never
     * null (their dates may be).
     */
    record Content(LocalDate startDate, String purpose, List<PlanMember> members, StageDeadlines deadlines) {

        Content {
            members = members == null ? List.of() : List.copyOf(members);
            deadlines = deadlines == null ? new StageDeadlines(null, null, null) : deadlines;
        }

        static Content tidy(LocalDate startDate, String purpose, List<PlanMember> members, StageDeadlines deadlines) {
            String tidyPurpose = Texts.optionalLine("purpose", purpose, MAX_PURPOSE_LENGTH);
            if (members != null && members.size() > MAX_MEMBERS) {
                throw CommandRejected.invalid("members", "TOO_MANY",
                        members.size() + " members; at most " + MAX_MEMBERS + " are allowed");
            }
            List<PlanMember> tidyMembers = new ArrayList<>();
            if (members != null) {
                for (int i = 0; i < members.size(); i++) {
                    PlanMember member = members.get(i);
                    if (member == null) {
                        throw CommandRejected.invalid("members[" + i + "]", "REQUIRED", "A member is empty");
                    }
                    tidyMembers.add(new PlanMember(member.userId(), member.workUnitIds(), member.questionnaireRequired(),
                            member.followsMemberWorkflow()));
                }
            }
            return new Content(startDate, tidyPurpose, tidyMembers, deadlines);
        }

        Map<UUID, PlanMember> membersById() {
            Map<UUID, PlanMember> byId = new HashMap<>();
            members.forEach(m -> byId.put(m.userId(), m));
            return byId;
        }

        /**
         * What is given is valid; {@code complete}: nothing is missing (an active plan). {@code kept}: members
         * already on the published plan, who stay when deactivated or taken out of the working group since.
         */
        void check(OrgUnitFact unit, OrgFacts org, AccountDirectory accounts, WorkingGroupDirectory groups,
                   boolean complete, Map<UUID, PlanMember> kept) {
            if (complete && startDate == null) {
                throw CommandRejected.invalid("startDate", "REQUIRED", "The plan's start date is required");
            }
            if (complete && purpose == null) {
                throw CommandRejected.invalid("purpose", "REQUIRED", "The plan's purpose is required: it names the campaign");
            }
            checkDeadlines(complete);
            if (complete && members.isEmpty()) {
                throw CommandRejected.invalid("members", "REQUIRED", "Name at least one member of the working group");
            }
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                checkMember(i, members.get(i), unit, org, accounts, groups, complete, kept, seen);
            }
        }

        /** The n+1 rule: each deadline on or after its stage's start (the day after the previous deadline). */
        private void checkDeadlines(boolean complete) {
            LocalDate previous = null;
            Stage previousStage = null;
            for (Stage stage : Stage.values()) {
                String field = "deadlines." + stage.name().toLowerCase(java.util.Locale.ROOT);
                LocalDate deadline = deadlines.of(stage);
                if (deadline == null) {
                    if (complete) {
                        throw CommandRejected.invalid(field, "REQUIRED", "The deadline of the stage '" + stage.title() + "' is required");
                    }
                    continue;
                }
                if (previous != null && !deadline.isAfter(previous)) {
                    throw new CommandRejected(CommandRejected.Reason.INVALID, field, "DEADLINE_OUT_OF_ORDER",
                            "The stage '" + stage.title() + "' starts on " + previous.plusDays(1)
                                    + ", the day after the deadline of the stage '" + previousStage.title() + "' (" + previous
                                    + "): its deadline " + deadline + " is before that",
                            Map.of("earliest", previous.plusDays(1).toString()));
                }
                if (previous == null && startDate != null && deadline.isBefore(startDate)) {
                    throw new CommandRejected(CommandRejected.Reason.INVALID, field, "DEADLINE_BEFORE_START",
                            "The deadline " + deadline + " of the stage '" + stage.title() + "' is before the plan's start date "
                                    + startDate, Map.of("earliest", startDate.toString()));
                }
                previous = deadline;
                previousStage = stage;
            }
        }

        private static void checkMember(int i, PlanMember member, OrgUnitFact unit, OrgFacts org, AccountDirectory accounts,
                                         WorkingGroupDirectory groups, boolean complete, Map<UUID, PlanMember> kept,
                                         Set<UUID> seen) {
            String field = "members[" + i + "]";
            if (member.userId() == null) {
                throw CommandRejected.invalid(field + ".userId", "REQUIRED", "A member's user id is required");
            }
            if (!seen.add(member.userId())) {
                throw CommandRejected.invalid(field + ".userId", "DUPLICATE_MEMBER", "This member is named twice");
            }
            AccountFact user = accounts.account(member.userId())
                    .orElseThrow(() -> CommandRejected.notFound(field + ".userId", member.userId(), "User account"));
            if (!unit.id().equals(user.orgUnitId())) {
                throw CommandRejected.invalid(field + ".userId", "OTHER_ORG_UNIT",
                        "'" + user.displayName() + "' belongs to another org unit than '" + unit.name() + "'");
            }
            PlanMember before = kept.get(user.userId());
            if (before == null) {
                if (!user.active()) {
                    throw CommandRejected.invalid(field + ".userId", "USER_INACTIVE",
                            "The account of '" + user.displayName() + "' is deactivated");
                }
                if (!user.holdsAny(WORKING_GROUP_ROLES)) {
                    throw CommandRejected.invalid(field + ".userId", "ROLE_REQUIRED", "'" + user.displayName()
                            + "' holds no working-group role (head, integrity counsellor or member)");
                }
                if (!groups.isMember(unit.id(), user.userId())) {
                    throw CommandRejected.invalid(field + ".userId", "NOT_IN_WORKING_GROUP",
                            "'" + user.displayName() + "' is not a member of the working group of '" + unit.name() + "'");
                }
            }
            if (member.followsMemberWorkflow() && !user.holdsAny(Role.INTEGRITY_COUNSELLOR)
                    && (before == null || !before.followsMemberWorkflow())) {
                throw CommandRejected.invalid(field + ".followsMemberWorkflow", "FLAG_NOT_ALLOWED", "Only an integrity"
                        + " counsellor may also follow the member workflow; '" + user.displayName() + "' is not one");
            }
            Set<UUID> workUnits = new HashSet<>();
            for (UUID workUnit : member.workUnitIds()) {
                if (workUnit == null) {
                    throw CommandRejected.invalid(field + ".workUnitIds", "REQUIRED", "A work unit id is missing");
                }
                if (!workUnits.add(workUnit)) {
                    throw CommandRejected.invalid(field + ".workUnitIds", "DUPLICATE_WORK_UNIT", "Work unit " + workUnit
                            + " is named twice");
                }
                OrgFacts.WorkUnitFact known = org.workUnit(workUnit).orElse(null);
                if (!unit.holds(workUnit) || known == null) {
                    throw new CommandRejected(CommandRejected.Reason.INVALID, field + ".workUnitIds", "WORK_UNIT_NOT_HELD",
                            "Work unit " + (known == null ? workUnit.toString() : "'" + known.name() + "'")
                                    + " is not held by '" + unit.name() + "'", Map.of("workUnitId", workUnit.toString()));
                }
                if (known.retired() && (before == null || !before.workUnitIds().contains(workUnit))) {
                    throw new CommandRejected(CommandRejected.Reason.INVALID, field + ".workUnitIds", "WORK_UNIT_RETIRED",
                            "Work unit '" + known.name() + "' is retired", Map.of("workUnitId", workUnit.toString()));
                }
            }
            if (complete && workUnits.isEmpty() && !member.followsMemberWorkflow()) {
                throw CommandRejected.invalid(field + ".workUnitIds", "REQUIRED", "Name at least one work unit '"
                        + user.displayName() + "' is responsible for");
            }
        }

        /** The edition as published now, every name resolved. */
        PlanEdition edition(int number, OrgUnitFact unit, OrgFacts org, AccountDirectory accounts, String userId) {
            List<StageSchedule> stages = new ArrayList<>();
            LocalDate start = startDate;
            for (Stage stage : Stage.values()) {
                LocalDate deadline = deadlines.of(stage);
                stages.add(new StageSchedule(stage, start, deadline));
                start = deadline.plusDays(1);
            }
            List<MemberEdition> named = new ArrayList<>();
            for (PlanMember member : members) {
                AccountFact user = accounts.account(member.userId()).orElse(null);
                List<WorkUnitRef> workUnits = member.workUnitIds().stream()
                        .map(w -> new WorkUnitRef(w, org.workUnit(w).map(OrgFacts.WorkUnitFact::name).orElse(w.toString())))
                        .toList();
                named.add(new MemberEdition(member.userId(), user == null ? member.userId().toString() : user.displayName(),
                        user == null ? null : roleOf(user, member), user != null && user.active(), workUnits,
                        member.questionnaireRequired(), member.followsMemberWorkflow()));
            }
            UUID publisher = accountId(userId);
            String publisherName = publisher == null ? SYSTEM_NAME
                    : accounts.account(publisher).map(AccountFact::displayName).orElse(userId);
            return new PlanEdition(number, unit.id(), unit.name(), unit.county(), startDate, purpose, stages, named,
                    publisher, publisherName);
        }

        /** The working-group role the member acts in: the counsellor following the member workflow as counsellor. */
        private static Role roleOf(AccountFact user, PlanMember member) {
            if (member.followsMemberWorkflow() && user.holdsAny(Role.INTEGRITY_COUNSELLOR)) {
                return Role.INTEGRITY_COUNSELLOR;
            }
            for (Role role : WORKING_GROUP_ROLES) {
                if (user.holdsAny(role)) {
                    return role;
                }
            }
            return null;
        }

        /** The metadata's account id; null for the system ("system") or anything that is not an account id. */
        private static UUID accountId(String userId) {
            if (userId == null) {
                return null;
            }
            try {
                return UUID.fromString(userId);
            } catch (IllegalArgumentException notAnAccount) {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- state

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds no plan).
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(PlanDrafted event) {
        id = event.planId().toString();
        planId = event.planId();
        orgUnitId = event.orgUnitId();
        status = PlanStatus.DRAFT;
        content = new Content(event.startDate(), event.purpose(), event.members(), event.deadlines());
        created = event;
    }

    @EventSourcingHandler
    void on(PlanDraftSaved event) {
        content = new Content(event.startDate(), event.purpose(), event.members(), event.deadlines());
    }

    @EventSourcingHandler
    void on(PlanActivated event) {
        status = PlanStatus.ACTIVE;
        content = new Content(event.startDate(), event.purpose(), event.members(), event.deadlines());
        edition = event.edition() == null ? 1 : event.edition().edition();
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        content = new Content(event.startDate(), event.purpose(), event.members(), event.deadlines());
        edition = event.edition() == null ? edition + 1 : event.edition().edition();
    }

    @EventSourcingHandler
    void on(PlanClosed event) {
        status = PlanStatus.CLOSED;
    }
}
