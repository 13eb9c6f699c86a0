package ro.marc.command.register;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.assessment.FinalisedAssessments;
import ro.marc.command.assessment.FinalisedAssessments.IdentifiedEdition;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.PersonalData;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.command.plan.PlanAssignments;
import ro.marc.events.access.Role;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.monitoring.IndicatorValues;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.register.*;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.RecordMeasureEvaluations;
import ro.marc.events.register.command.SaveRiskRegister;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The risk register (Anexa 10, §2.3, UCA 78–84) of one plan, id {@link RegisterIds#of}(planId). The structure's head
 * or integrity counsellor generates the draft of the next edition from every assessment finalised under the active
 * plan ({@link FinalisedAssessments}): one entry per risk, its assessments merged and the highest exposure shown as
 * the risk's (A402), and the work units the plan assigns a member without an active finalised assessment listed as
 * missing. Saving needs a schedule for every measure, the registration number and the approver (P01) and carries
 * every name the PDF and the notifications need. Risk owners' evaluations of the saved edition's measures (G04, and
 * the A1001 workbook) are checked all together: all recorded or none. MARC itself ("system") may act, for seeding.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class RiskRegister {

    private static final String WHAT = "Risk register";
    /** The registration number's and the approver's and a person's name limit (P01). */
    public static final int MAX_NAME = 200;
    /** At most this many evaluations in one command (a workbook import). */
    public static final int MAX_EVALUATIONS = 5_000;
    private static final Role[] LEADERS = {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR};
    private static final String SYSTEM_NAME = "MARC";

    @AggregateIdentifier
    private String id;
    private UUID registerId;
    private UUID planId;
    /** The generated draft not saved yet, or null. */
    private RiskRegisterGenerated draft;
    /** The last saved edition, or null before the first save. */
    private RegisterEdition saved;

    protected RiskRegister() {
        // for Axon
    }

    // ---------------------------------------------------------------- generation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(GenerateRiskRegister command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       AccountDirectory accounts, OrgFacts org, FinalisedAssessments finalised) {
        requireIds(command.registerId(), command.planId());
        PlanFact plan = requirePlan(plans, command.planId());
        requireLeader(userId, accounts, plan);
        requireActivePlan(plans, plan);
        List<IdentifiedEdition> editions = finalised.editionsUnder(plan.planId());
        List<RegisterRisk> risks = merge(editions);
        List<MissingAssessment> missing = missing(plan, editions, accounts, org);
        List<MeasureSchedule> carried = carried(risks);
        if (draft != null && draft.risks().equals(risks) && draft.missing().equals(missing)
                && draft.carriedSchedules().equals(carried)) {
            return Versions.current(); // the pending draft is already this content
        }
        apply(new RiskRegisterGenerated(command.registerId(), plan.planId(), plan.orgUnitId(), nextEdition(),
                RomanianCalendar.today(), risks, missing, carried));
        return Versions.current();
    }

    /**
     * A402: the editions grouped by risk, each group in the lookup's order (work unit, member, id); the risk's
     * evaluation the highest exposure's (the first on a tie); the risks by that exposure, highest first, then by name.
     */
    static List<RegisterRisk> merge(List<IdentifiedEdition> editions) {
        Map<UUID, List<IdentifiedEdition>> byRisk = new LinkedHashMap<>();
        for (IdentifiedEdition edition : editions) {
            byRisk.computeIfAbsent(edition.edition().riskId(), r -> new ArrayList<>()).add(edition);
        }
        List<RegisterRisk> risks = new ArrayList<>();
        for (List<IdentifiedEdition> group : byRisk.values()) {
            IdentifiedEdition highest = group.getFirst();
            for (IdentifiedEdition candidate : group) {
                if (exposure(candidate.edition()).compareTo(exposure(highest.edition())) > 0) {
                    highest = candidate;
                }
            }
            AssessmentEdition top = highest.edition();
            risks.add(new RegisterRisk(top.riskId(), top.riskName(), top.activityId(), top.activityName(), top.domainId(),
                    top.domainName(), highest.assessmentId(), top.evaluation(),
                    group.stream().map(IdentifiedEdition::edition).toList(),
                    group.stream().map(IdentifiedEdition::assessmentId).toList()));
        }
        Collator collator = romanian();
        risks.sort(Comparator.comparing((RegisterRisk r) -> r.highest() == null ? BigDecimal.ZERO : r.highest().exposure())
                .reversed()
                .thenComparing(RegisterRisk::riskName, Comparator.nullsLast(collator))
                .thenComparing(RegisterRisk::riskId));
        return List.copyOf(risks);
    }

    private static BigDecimal exposure(AssessmentEdition edition) {
        return edition.evaluation() == null ? BigDecimal.ZERO : edition.evaluation().exposure();
    }

    /**
     * §2.3: each work unit the plan assigns a member (their own list: an A103 counsellor's "every work unit of the
     * structure" is no assignment to answer for) without an active finalised assessment of theirs; deactivated
     * members left out. Ordered by work unit name, then member name.
     */
    private static List<MissingAssessment> missing(PlanFact plan, List<IdentifiedEdition> editions, AccountDirectory accounts,
                                                   OrgFacts org) {
        Set<List<UUID>> covered = new HashSet<>();
        editions.forEach(e -> covered.add(List.of(e.edition().memberUserId(), e.edition().workUnitId())));
        List<MissingAssessment> missing = new ArrayList<>();
        for (PlanMember member : plan.members().values()) {
            Optional<AccountFact> account = accounts.account(member.userId());
            if (account.isPresent() && !account.get().active()) {
                continue;
            }
            String name = account.map(AccountFact::displayName).orElse("");
            for (UUID workUnit : member.workUnitIds()) {
                if (!covered.contains(List.of(member.userId(), workUnit))) {
                    missing.add(new MissingAssessment(workUnit, org.workUnit(workUnit).map(OrgFacts.WorkUnitFact::name).orElse(""),
                            member.userId(), name));
                }
            }
        }
        Collator collator = romanian();
        missing.sort(Comparator.comparing(MissingAssessment::workUnitName, collator)
                .thenComparing(MissingAssessment::memberName, collator)
                .thenComparing(MissingAssessment::workUnitId).thenComparing(MissingAssessment::memberUserId));
        return List.copyOf(missing);
    }

    /** The last saved edition's schedules of the measures still present, in the new risks' order. */
    private List<MeasureSchedule> carried(List<RegisterRisk> risks) {
        if (saved == null) {
            return List.of();
        }
        Map<MeasureKey, MeasureSchedule> previous = new HashMap<>();
        saved.schedules().forEach(s -> previous.put(s.key(), s));
        List<MeasureSchedule> carried = new ArrayList<>();
        for (MeasureKey key : measures(risks).keySet()) {
            MeasureSchedule schedule = previous.get(key);
            if (schedule != null) {
                carried.add(schedule);
            }
        }
        return List.copyOf(carried);
    }

    // ---------------------------------------------------------------- save

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SaveRiskRegister command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       AccountDirectory accounts, OrgFacts org) {
        requireIds(command.registerId(), command.planId());
        if (draft == null) {
            throw new CommandRejected(Reason.CONFLICT, "registerId", "NOT_GENERATED",
                    "There is no generated draft to save: generate the register first", Map.of("id", String.valueOf(command.registerId())));
        }
        PlanFact plan = requirePlan(plans, command.planId());
        AccountFact caller = requireLeader(userId, accounts, plan);
        Versions.require(WHAT, registerId, command.expectedVersion());
        requireActivePlan(plans, plan);
        String registrationNumber = requiredName("registrationNumber", command.registrationNumber(), "The registration number");
        String approverName = requiredName("approverName", command.approverName(), "The approver's name");
        if (draft.risks().isEmpty()) {
            throw CommandRejected.invalid("planId", "NO_FINALISED_ASSESSMENTS",
                    "No risk assessment is finalised under the plan: the register has no risk to save");
        }
        List<MeasureSchedule> schedules = schedules(command.schedules(), plan);
        OrgUnitFact unit = org.orgUnit(plan.orgUnitId())
                .orElseThrow(() -> CommandRejected.notFound("planId", plan.orgUnitId(), "Org unit"));
        RegisterEdition edition = new RegisterEdition(draft.edition(), plan.planId(), plan.purpose(), plan.orgUnitId(),
                unit.name(), unit.county(), registrationNumber, approverName, RomanianCalendar.today(),
                caller == null ? null : caller.userId(), caller == null ? SYSTEM_NAME : caller.displayName(),
                plan.measuresStageStart(), plan.lastDay(), draft.risks(), draft.missing(), schedules,
                activeMembers(plan, accounts));
        apply(new RiskRegisterSaved(registerId, edition));
        return Versions.current();
    }

    /**
     * One schedule per measure of the draft, in the draft's order: each names a measure of it once, a deadline from
     * the measures stage's start to the plan's last day, and a periodicity (none: ONCE; a one-off measure, every
     * indicator done / not done, only ONCE).
     */
    private List<MeasureSchedule> schedules(List<MeasureSchedule> asked, PlanFact plan) {
        Map<MeasureKey, Measure> measures = measures(draft.risks());
        LocalDate first = plan.measuresStageStart();
        LocalDate last = plan.lastDay();
        Map<MeasureKey, MeasureSchedule> given = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            MeasureSchedule schedule = asked.get(i);
            String field = "schedules[" + i + "]";
            if (schedule == null) {
                throw CommandRejected.invalid(field, "REQUIRED", "A schedule is required");
            }
            Measure measure = schedule.measureId() == null ? null : measures.get(schedule.key());
            if (measure == null) {
                throw CommandRejected.invalid(field + ".measureId", "UNKNOWN_MEASURE",
                        "The measure " + schedule.measureId() + " of assessment " + schedule.assessmentId()
                                + " is not a measure of the register's draft");
            }
            if (given.containsKey(schedule.key())) {
                throw CommandRejected.invalid(field, "DUPLICATE_SCHEDULE", "The measure is scheduled twice");
            }
            if (schedule.deadline() == null) {
                throw CommandRejected.invalid(field + ".deadline", "REQUIRED", "A deadline is required");
            }
            if (first != null && schedule.deadline().isBefore(first)) {
                throw new CommandRejected(Reason.INVALID, field + ".deadline", "DEADLINE_BEFORE_MEASURES_STAGE",
                        "The deadline " + schedule.deadline() + " is before the plan's measures stage, which starts on " + first,
                        Map.of("measuresStageStart", first.toString()));
            }
            if (last != null && schedule.deadline().isAfter(last)) {
                throw new CommandRejected(Reason.INVALID, field + ".deadline", "DEADLINE_AFTER_PLAN_END",
                        "The deadline " + schedule.deadline() + " is after the plan's last day, " + last,
                        Map.of("planLastDay", last.toString()));
            }
            MeasurePeriodicity periodicity = schedule.periodicity() == null ? MeasurePeriodicity.ONCE : schedule.periodicity();
            if (periodicity != MeasurePeriodicity.ONCE && MeasurePeriodicity.oneOff(measure)) {
                throw CommandRejected.invalid(field + ".periodicity", "PERIODICITY_ON_ONE_OFF",
                        "The measure is a one-off (every indicator is done / not done): it takes no periodicity but ONCE");
            }
            given.put(schedule.key(), new MeasureSchedule(schedule.assessmentId(), schedule.measureId(), schedule.deadline(),
                    periodicity));
        }
        List<MeasureSchedule> ordered = new ArrayList<>();
        for (MeasureKey key : measures.keySet()) {
            MeasureSchedule schedule = given.get(key);
            if (schedule == null) {
                throw new CommandRejected(Reason.INVALID, "schedules", "MISSING_SCHEDULE",
                        "Every measure of the register needs a deadline: measure " + key.measureId() + " of assessment "
                                + key.assessmentId() + " has none",
                        Map.of("assessmentId", key.assessmentId().toString(), "measureId", key.measureId().toString()));
            }
            ordered.add(schedule);
        }
        return List.copyOf(ordered);
    }

    /** P01: the names of the plan's members whose accounts are active, in Romanian alphabetical order. */
    private static List<String> activeMembers(PlanFact plan, AccountDirectory accounts) {
        List<String> names = new ArrayList<>();
        for (UUID member : plan.members().keySet()) {
            accounts.account(member).filter(AccountFact::active).ifPresent(a -> names.add(a.displayName()));
        }
        names.sort(romanian());
        return List.copyOf(names);
    }

    // ---------------------------------------------------------------- evaluations (A1001, G04)

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordMeasureEvaluations command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       AccountDirectory accounts) {
        requireIds(command.registerId(), command.planId());
        if (saved == null) {
            throw new CommandRejected(Reason.CONFLICT, "registerId", "NOT_SAVED",
                    "The register has no saved edition yet: its measures are evaluated once it is saved",
                    Map.of("id", String.valueOf(command.registerId())));
        }
        if (command.source() == null) {
            throw CommandRejected.invalid("source", "REQUIRED", "The evaluations' source is required");
        }
        PlanFact plan = requirePlan(plans, command.planId());
        AccountFact caller = command.source() == EvaluationSource.RISK_OWNER
                ? requireRole(userId, accounts, plan, new Role[]{Role.RISK_OWNER}, "the structure's risk owner")
                : requireLeader(userId, accounts, plan);
        requireActivePlan(plans, plan);
        if (command.evaluations().isEmpty()) {
            throw CommandRejected.invalid("evaluations", "REQUIRED", "At least one evaluation is required");
        }
        if (command.evaluations().size() > MAX_EVALUATIONS) {
            throw new CommandRejected(Reason.INVALID, "evaluations", "TOO_MANY", command.evaluations().size()
                    + " evaluations in one go; at most " + MAX_EVALUATIONS + " are allowed", Map.of("limit", MAX_EVALUATIONS));
        }
        // a risk owner with an account evaluates under their own name, whatever was sent
        String ownName = command.source() == EvaluationSource.RISK_OWNER && caller != null ? caller.displayName() : null;
        EvaluationCheck check = new EvaluationCheck(saved);
        List<MeasureEvaluation> recorded = new ArrayList<>();
        for (int i = 0; i < command.evaluations().size(); i++) {
            check.check(i, command.evaluations().get(i), ownName).ifPresent(recorded::add);
        }
        check.refuseIfAny();
        apply(new MeasureEvaluationsRecorded(registerId, planId, saved.orgUnitId(), saved.edition(), command.source(),
                caller == null ? null : caller.userId(), caller == null ? SYSTEM_NAME : caller.displayName(),
                RomanianCalendar.today(), recorded));
        return Versions.current();
    }

    /** Checks evaluations against a saved edition, collecting every problem (the workbook reports each bad row). */
    static final class EvaluationCheck {

        private record Place(UUID riskId, UUID assessmentId, Measure measure) {
        }

        private final Set<UUID> risks = new HashSet<>();
        private final Map<UUID, List<Place>> byMeasure = new HashMap<>();
        private final List<Map<String, Object>> errors = new ArrayList<>();

        EvaluationCheck(RegisterEdition edition) {
            for (RegisterRisk risk : edition.risks()) {
                risks.add(risk.riskId());
                for (int a = 0; a < risk.assessments().size(); a++) {
                    UUID assessmentId = risk.assessmentIds().get(a);
                    for (Measure measure : risk.assessments().get(a).measures()) {
                        byMeasure.computeIfAbsent(measure.measureId(), m -> new ArrayList<>())
                                .add(new Place(risk.riskId(), assessmentId, measure));
                    }
                }
            }
        }

        /** The evaluation completed and canonical, or empty with its problems recorded. */
        Optional<MeasureEvaluation> check(int index, MeasureEvaluation evaluation, String ownName) {
            int before = errors.size();
            if (evaluation == null) {
                problem(index, null, "measureId", "REQUIRED", "An evaluation is required");
                return Optional.empty();
            }
            Integer row = evaluation.row();
            Place place = place(index, evaluation);
            Indicator indicator = null;
            if (evaluation.indicatorId() == null) {
                problem(index, row, "indicatorId", "REQUIRED", "An indicator id is required");
            } else if (place != null) {
                indicator = place.measure().indicators().stream()
                        .filter(i -> i.indicatorId().equals(evaluation.indicatorId())).findFirst().orElse(null);
                if (indicator == null) {
                    problem(index, row, "indicatorId", "UNKNOWN_INDICATOR",
                            "The indicator " + evaluation.indicatorId() + " is not one of the measure's");
                }
            }
            String value = null;
            if (evaluation.value() == null || evaluation.value().isBlank()) {
                problem(index, row, "value", "REQUIRED", "A value is required");
            } else if (indicator != null) {
                Indicator of = indicator;
                value = IndicatorValues.check(indicator, evaluation.value()).orElse(null);
                if (value == null) {
                    problem(index, row, "value", IndicatorValues.VALUE_NOT_OF_KIND,
                            "The indicator '" + of.name() + "' takes " + IndicatorValues.expected(of));
                }
            }
            String person = ownName != null ? ownName : person(index, row, evaluation.personName());
            if (errors.size() > before || place == null) {
                return Optional.empty();
            }
            return Optional.of(new MeasureEvaluation(place.riskId(), place.assessmentId(), place.measure().measureId(),
                    evaluation.indicatorId(), value, person, row));
        }

        /** The measure evaluated: under the risk named (when named), of the assessment named or the only one holding it. */
        private Place place(int index, MeasureEvaluation evaluation) {
            Integer row = evaluation.row();
            if (evaluation.riskId() != null && !risks.contains(evaluation.riskId())) {
                problem(index, row, "riskId", "UNKNOWN_RISK", "The risk " + evaluation.riskId() + " is not in the register");
                return null;
            }
            if (evaluation.measureId() == null) {
                problem(index, row, "measureId", "REQUIRED", "A measure id is required");
                return null;
            }
            List<Place> places = byMeasure.getOrDefault(evaluation.measureId(), List.of()).stream()
                    .filter(p -> evaluation.assessmentId() == null || p.assessmentId().equals(evaluation.assessmentId()))
                    .toList();
            if (places.isEmpty()) {
                problem(index, row, "measureId", "UNKNOWN_MEASURE",
                        "The measure " + evaluation.measureId() + " is not in the register's saved edition");
                return null;
            }
            if (evaluation.riskId() != null) {
                List<Place> underRisk = places.stream().filter(p -> p.riskId().equals(evaluation.riskId())).toList();
                if (underRisk.isEmpty()) {
                    problem(index, row, "measureId", "NOT_UNDER_PARENT",
                            "The measure " + evaluation.measureId() + " is not a measure of the risk " + evaluation.riskId());
                    return null;
                }
                places = underRisk;
            }
            if (places.size() > 1) {
                problem(index, row, "measureId", "AMBIGUOUS_MEASURE", "The measure id " + evaluation.measureId()
                        + " is used by " + places.size() + " assessments of the register: name the assessment");
                return null;
            }
            return places.getFirst();
        }

        private String person(int index, Integer row, String name) {
            try {
                String tidy = Texts.optionalLine("personName", name, MAX_NAME);
                if (tidy == null) {
                    problem(index, row, "personName", "REQUIRED", "The evaluating person's name is required");
                    return null;
                }
                PersonalData.refuse("personName", tidy);
                return tidy;
            } catch (CommandRejected refused) {
                problem(index, row, "personName", refused.code(), refused.getMessage());
                return null;
            }
        }

        private void problem(int index, Integer row, String field, String code, String message) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("index", index);
            if (row != null) {
                error.put("row", row);
            }
            error.put("field", field);
            error.put("code", code);
            error.put("message", message);
            errors.add(Collections.unmodifiableMap(error));
        }

        /** INVALID naming the first problem's field and code, with every problem in {@code details.errors}. */
        void refuseIfAny() {
            if (errors.isEmpty()) {
                return;
            }
            Map<String, Object> first = errors.getFirst();
            String field = "evaluations[" + first.get("index") + "]." + first.get("field");
            throw new CommandRejected(Reason.INVALID, field, (String) first.get("code"), errors.size() == 1
                    ? String.valueOf(first.get("message"))
                    : errors.size() + " evaluations are refused (nothing recorded); the first: " + first.get("message"),
                    Map.of("errors", List.copyOf(errors)));
        }
    }

    // ---------------------------------------------------------------- rules

    private void requireIds(UUID commandRegisterId, UUID commandPlanId) {
        if (commandPlanId == null) {
            throw CommandRejected.invalid("planId", "REQUIRED", "A plan id is required");
        }
        if (commandRegisterId == null || !commandRegisterId.equals(RegisterIds.of(commandPlanId))) {
            throw CommandRejected.invalid("registerId", "WRONG_ID", "The register id is not the one of plan " + commandPlanId);
        }
    }

    private static PlanFact requirePlan(ActivePlans plans, UUID planId) {
        return plans.plan(planId).orElseThrow(() -> CommandRejected.notFound("planId", planId, "Plan"));
    }

    /** The plan is its structure's active plan (CONFLICT PLAN_NOT_ACTIVE): a closed plan's register is kept as it is. */
    private static void requireActivePlan(ActivePlans plans, PlanFact plan) {
        if (!plan.active() || plans.activePlanOf(plan.orgUnitId()).map(p -> !p.planId().equals(plan.planId())).orElse(true)) {
            throw new CommandRejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE", "The plan '" + plan.purpose()
                    + "' is " + plan.status().name().toLowerCase(Locale.ROOT) + ": the register is drawn up only under the active plan",
                    Map.of("id", String.valueOf(plan.planId())));
        }
    }

    /** The structure's head or integrity counsellor (or MARC itself: null). */
    private static AccountFact requireLeader(String userId, AccountDirectory accounts, PlanFact plan) {
        return requireRole(userId, accounts, plan, LEADERS, "the structure's working-group head or integrity counsellor");
    }

    private static AccountFact requireRole(String userId, AccountDirectory accounts, PlanFact plan, Role[] roles, String who) {
        if (PlanAssignments.SYSTEM.equals(userId)) {
            return null;
        }
        UUID caller;
        try {
            caller = UUID.fromString(userId);
        } catch (RuntimeException e) {
            throw CommandRejected.forbidden("planId", "NO_ACCOUNT", userId, "Only a MARC account acts on the register");
        }
        AccountFact account = accounts.account(caller)
                .orElseThrow(() -> CommandRejected.forbidden("planId", "NO_ACCOUNT", caller, "Only a MARC account acts on the register"));
        if (!account.active()) {
            throw CommandRejected.forbidden("planId", "USER_INACTIVE", caller, "The account of '" + account.displayName() + "' is deactivated");
        }
        if (!plan.orgUnitId().equals(account.orgUnitId())) {
            throw CommandRejected.forbidden("planId", "OTHER_STRUCTURE", plan.planId(),
                    "The plan is another structure's than that of '" + account.displayName() + "'");
        }
        if (!account.holdsAny(roles)) {
            throw CommandRejected.forbidden("planId", "FORBIDDEN", plan.planId(),
                    "Only " + who + " does this; '" + account.displayName() + "' is not");
        }
        return account;
    }

    /** A one-line name, required, at most {@value #MAX_NAME} characters, no personal data (as the assessment's texts). */
    private static String requiredName(String field, String value, String what) {
        String tidy = Texts.optionalLine(field, value, MAX_NAME);
        if (tidy == null) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
        return PersonalData.refuse(field, tidy);
    }

    private int nextEdition() {
        return saved == null ? 1 : saved.edition() + 1;
    }

    /** Every measure of the risks by (assessment, measure), in the risks' order. */
    static Map<MeasureKey, Measure> measures(List<RegisterRisk> risks) {
        Map<MeasureKey, Measure> measures = new LinkedHashMap<>();
        for (RegisterRisk risk : risks) {
            for (int a = 0; a < risk.assessments().size(); a++) {
                UUID assessmentId = risk.assessmentIds().get(a);
                for (Measure measure : risk.assessments().get(a).measures()) {
                    measures.put(new MeasureKey(assessmentId, measure.measureId()), measure);
                }
            }
        }
        return measures;
    }

    private static Collator romanian() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("ro"));
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(RiskRegisterGenerated event) {
        id = event.registerId().toString();
        registerId = event.registerId();
        planId = event.planId();
        draft = event;
    }

    @EventSourcingHandler
    void on(RiskRegisterSaved event) {
        saved = event.edition();
        draft = null;
    }
}
