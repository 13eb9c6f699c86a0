package ro.marc.events.plan.command;

/** A command on one plan (Anexa 1). */
public interface PlanCommand {
}
