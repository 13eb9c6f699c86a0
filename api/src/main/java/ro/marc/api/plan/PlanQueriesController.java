package ro.marc.api.plan;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.Inputs;
import ro.marc.api.graphql.Connection;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.Stage;
import ro.marc.query.access.AccessQueries;
import ro.marc.query.access.UserView;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.org.WorkUnitView;
import ro.marc.query.plan.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.*;

import java.util.stream.Collectors;

import static ro.marc.api.common.Inputs.id;

/**
 * Plan reads (Anexa 1): the read model in PostgreSQL, the purpose search in Elasticsearch. A plan is read with
 * PLAN_READ on its org unit (its working group and risk owners, those who oversee the structure); lists are
 * filtered by the caller's reach inside the query. {@code myTasks} is the caller's own: their structure's
 * active plan as it concerns them. A draft's names (members, work units, structure) are resolved here from the
 * current read models; a published edition's are its own.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class PlanQueriesController {

    /** The campaign's calendar: deadlines are days in Romania. */
    static final ZoneId ROMANIA = ZoneId.of("Europe/Bucharest");
    /** A deadline this many days ahead (today included) is "upcoming". */
    static final int UPCOMING_DAYS = 7;

    public record PlanFilterInput(String orgUnitId, PlanStatus status, String text) {
    }

    public record WorkUnitOut(UUID id, String name) {
    }

    public record PlanMemberOut(UUID userId, String displayName, String role, Boolean active, List<WorkUnitOut> workUnits,
                                boolean questionnaireRequired, boolean followsMemberWorkflow) {
    }

    public record PlanStageOut(Stage stage, String title, LocalDate start, LocalDate deadline, List<String> activities) {
    }

    public record TaskStage(Stage stage, String title, LocalDate start, LocalDate deadline, List<String> activities,
                            boolean current, boolean overdue, boolean upcoming, long daysLeft) {
    }

    public record MyTasks(PlanView plan, String purpose, LocalDate today, List<WorkUnitOut> workUnits,
                          boolean questionnaireRequired, boolean followsMemberWorkflow, List<TaskStage> stages) {
    }

    public record GanttOut(UUID planId, LocalDate from, LocalDate to, GanttScale scale, List<Gantt.Bar> bars,
                           List<Gantt.Tick> ticks, String imageUrl, String svgUrl) {
    }

    private final PlanQueries plans;
    private final PlanSearch search;
    private final AccessPolicy access;
    private final AccessQueries accounts;
    private final OrgQueries org;

    public PlanQueriesController(PlanQueries plans, PlanSearch search, AccessPolicy access, AccessQueries accounts,
                                 OrgQueries org) {
        this.plans = plans;
        this.search = search;
        this.access = access;
        this.accounts = accounts;
        this.org = org;
    }

    @QueryMapping
    public PlanView plan(@Argument String id) {
        return readable("plan", id("id", id)).orElse(null);
    }

    @QueryMapping
    public PlanView activePlan(@Argument String orgUnitId) {
        UUID unit = id("orgUnitId", orgUnitId);
        access.requireOrgUnit(Permission.PLAN_READ, "activePlan", unit);
        return plans.activePlanOf(unit).orElse(null);
    }

    @QueryMapping
    public Connection<PlanView> plans(@Argument PlanFilterInput filter, @Argument Integer first, @Argument String after) {
        int size = Inputs.pageSize("first", first);
        OrgScope scope = access.require(Permission.PLAN_READ, "plans");
        UUID orgUnitId = filter == null ? null : id("filter.orgUnitId", filter.orgUnitId());
        PlanStatus status = filter == null ? null : filter.status();
        String text = filter == null ? null : Inputs.searchText("filter.text", filter.text());
        if (text != null && text.length() > 200) {
            throw new InvalidInput("filter.text", "TOO_LONG", "Search text is limited to 200 characters");
        }
        List<UUID> matching = text == null || text.isBlank() ? null : search.matching(text, orgUnitId, status);
        try {
            return Connection.of(plans.plans(new PlanFilter(orgUnitId, status, matching), scope, size, after));
        } catch (InvalidCursor e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }

    /**
     * The caller's tasks: their structure's active plan, if they are one of its (active) members; the flags are
     * for today's date in Romania.
     */
    @QueryMapping
    public MyTasks myTasks() {
        Caller caller = access.caller();
        if (caller.orgUnitId() == null) {
            return null;
        }
        Optional<PlanView> active = plans.activePlanOf(caller.orgUnitId());
        Optional<PlanMemberView> member = active.flatMap(p -> p.member(caller.userId()))
                .filter(m -> !Boolean.FALSE.equals(m.active()));
        if (member.isEmpty()) {
            return null;
        }
        PlanView plan = active.get();
        PlanMemberView me = member.get();
        LocalDate today = LocalDate.now(ROMANIA);
        List<WorkUnitOut> workUnits = me.followsMemberWorkflow()
                ? org.workUnitsOf(List.of(plan.orgUnitId())).getOrDefault(plan.orgUnitId(), List.of()).stream()
                        .map(w -> new WorkUnitOut(w.id(), w.name())).toList()
                : workUnits(me, workUnitNames(List.of(me)));
        List<TaskStage> stages = new ArrayList<>();
        for (PlanView.StageSpan span : plan.stages()) {
            if (span.start() == null || span.deadline() == null) {
                continue;
            }
            long daysLeft = ChronoUnit.DAYS.between(today, span.deadline());
            boolean overdue = daysLeft < 0;
            stages.add(new TaskStage(span.stage(), span.stage().title(), span.start(), span.deadline(),
                    span.stage().standardActivities(), !today.isBefore(span.start()) && !overdue, overdue,
                    !overdue && daysLeft < UPCOMING_DAYS, daysLeft));
        }
        return new MyTasks(plan, plan.purpose(), today, workUnits, me.questionnaireRequired(), me.followsMemberWorkflow(), stages);
    }

    @QueryMapping
    public GanttOut gantt(@Argument String planId, @Argument String from, @Argument String to, @Argument GanttScale scale) {
        UUID id = id("planId", planId);
        Optional<PlanView> plan = readable("gantt", id);
        if (plan.isEmpty()) {
            return null;
        }
        Gantt gantt = GanttRequest.build(plan.get(), from, to, scale == null ? null : scale.name(), LocalDate.now(ROMANIA));
        return new GanttOut(id, gantt.from(), gantt.to(), gantt.scale(), gantt.bars(), gantt.ticks(),
                GanttChartController.url(id, gantt, "png"), GanttChartController.url(id, gantt, "svg"));
    }

    // ---------------------------------------------------------------- Plan fields

    @SchemaMapping(typeName = "Plan")
    public String orgUnitName(PlanView plan) {
        return plan.orgUnitName() != null ? plan.orgUnitName() : org.orgUnit(plan.orgUnitId()).map(OrgUnitView::name).orElse(null);
    }

    /** The members; a draft's names (not published yet) from the current read models. */
    @SchemaMapping(typeName = "Plan")
    public List<PlanMemberOut> members(PlanView plan) {
        Set<UUID> unnamed = plan.members().stream().filter(m -> m.displayName() == null).map(PlanMemberView::userId)
                .collect(Collectors.toSet());
        Map<UUID, String> names = unnamed.isEmpty() ? Map.of() : accounts.users(unnamed).stream()
                .collect(Collectors.toMap(UserView::id, UserView::displayName));
        Map<UUID, String> workUnitNames = workUnitNames(plan.members());
        return plan.members().stream().map(m -> new PlanMemberOut(m.userId(),
                m.displayName() != null ? m.displayName() : names.get(m.userId()), m.role(), m.active(),
                workUnits(m, workUnitNames), m.questionnaireRequired(), m.followsMemberWorkflow())).toList();
    }

    @SchemaMapping(typeName = "Plan")
    public List<PlanStageOut> stages(PlanView plan) {
        return plan.stages().stream().map(s -> new PlanStageOut(s.stage(), s.stage().title(), s.start(), s.deadline(),
                s.stage().standardActivities())).toList();
    }

    @SchemaMapping(typeName = "Plan")
    public List<PlanEditionView> editions(PlanView plan) {
        return plans.editions(plan.id());
    }

    @SchemaMapping(typeName = "Plan")
    public List<PlanHistoryView> history(PlanView plan) {
        return plans.history(plan.id());
    }

    @SchemaMapping(typeName = "Plan")
    public String ganttChartUrl(PlanView plan) {
        return GanttChartController.path(plan.id());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A plan the caller may read (PLAN_READ on its org unit). An unknown plan: null for national readers; for
     * the others (after a short wait for one drafted a moment ago) refused, as outside their reach.
     */
    private Optional<PlanView> readable(String operation, UUID id) {
        return access.readable(Permission.PLAN_READ, operation, id, "the plan", plans::plan, PlanView::orgUnitId);
    }

    private Map<UUID, String> workUnitNames(List<PlanMemberView> members) {
        boolean missing = members.stream().flatMap(m -> m.workUnits().stream()).anyMatch(w -> w.name() == null);
        return missing ? org.workUnits(true).stream().collect(Collectors.toMap(WorkUnitView::id, WorkUnitView::name))
                : Map.of();
    }

    private static List<WorkUnitOut> workUnits(PlanMemberView member, Map<UUID, String> names) {
        return member.workUnits().stream()
                .map(w -> new WorkUnitOut(w.id(), w.name() != null ? w.name() : names.get(w.id()))).toList();
    }
}
