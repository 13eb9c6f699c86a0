package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.ActivatePlan;
import ro.marc.events.plan.command.DraftPlan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The demo's yearly campaign, part 1 (after the demo accounts and nomenclature): IPJ Cluj's <b>active</b> plan
 * "Evaluarea riscurilor de corupție 2026–2027" with its three members assigned, and IPJ Iași's <b>draft</b> plan
 * "Evaluarea riscurilor de corupție 2027" (no deadlines yet). Sent as commands, as the system; each step is
 * checked first against the command side's plan lookup ({@link ActivePlans}) and again after a failure (another
 * node may have done it meanwhile), so it runs once.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoCampaign {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    public static final UUID CLUJ_PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");
    public static final UUID IASI_PLAN = DemoOrganisation.id("plan:IPJ Iași 2027");
    static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");

    private final CommandSender commands;
    private final ActivePlans plans;
    private final EventStore eventStore;

    public DemoCampaign(CommandSender commands, ActivePlans plans, EventStore eventStore) {
        this.commands = commands;
        this.plans = plans;
        this.eventStore = eventStore;
    }

    private static UUID workUnit(String name) {
        return DemoOrganisation.id("wu:" + name);
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        int changed = 0;
        if (plans.plan(CLUJ_PLAN).isEmpty()) {
            // drawn up and activated by IPJ Cluj's head, so the plan's PDF names a person, as a real one would
            commands.sendAsDemoUserOnce(new DraftPlan(CLUJ_PLAN, IPJ_CLUJ, LocalDate.of(2026, 11, 2),
                    "Evaluarea riscurilor de corupție 2026–2027", List.of(
                    new PlanMember(DemoAccess.userId("member.cluj"),
                            List.of(workUnit("Ordine publică"), workUnit("Poliție rutieră"), workUnit("Resurse umane")), true, false),
                    new PlanMember(DemoAccess.userId("head.cluj"), List.of(workUnit("Logistică")), true, false),
                    new PlanMember(DemoAccess.userId("counsellor.cluj"), List.of(), false, true)),
                    new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31))),
                    DemoAccess.userId("head.cluj"), () -> plans.plan(CLUJ_PLAN).isPresent());
            changed++;
        }
        // activated once, while IPJ Cluj has no other active plan (a plan activated since by a user is left alone)
        if (plans.plan(CLUJ_PLAN).map(p -> p.status() == PlanStatus.DRAFT).orElse(false)
                && plans.activePlanOf(IPJ_CLUJ).isEmpty()) {
            commands.sendAsDemoUserOnce(new ActivatePlan(CLUJ_PLAN, version(CLUJ_PLAN)), DemoAccess.userId("head.cluj"),
                    () -> plans.plan(CLUJ_PLAN).map(p -> p.status() != PlanStatus.DRAFT).orElse(false));
            changed++;
        }
        if (plans.plan(IASI_PLAN).isEmpty()) {
            commands.sendAsDemoUserOnce(new DraftPlan(IASI_PLAN, IPJ_IASI, LocalDate.of(2027, 1, 11),
                    "Evaluarea riscurilor de corupție 2027", List.of(
                    new PlanMember(DemoAccess.userId("member.iasi"),
                            List.of(workUnit("Ordine publică"), workUnit("Poliție rutieră")), true, false),
                    new PlanMember(DemoAccess.userId("head.iasi"),
                            List.of(workUnit("Resurse umane"), workUnit("Logistică")), true, false)),
                    null), DemoAccess.userId("head.iasi"), () -> plans.plan(IASI_PLAN).isPresent());
            changed++;
        }
        if (changed > 0) {
            log.info("Demo campaign seeded: {} plan commands (IPJ Cluj active, IPJ Iași draft)", changed);
        }
    }

    private long version(UUID planId) {
        return DemoAccess.version(eventStore, planId);
    }
}
