package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import ro.marc.api.common.CommandSender;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A demo entity's script (an incident's, an assessment's): its steps in order, each done once. A step is skipped
 * when the entity's history ({@link DemoAccess#history}, from its first event) already shows it, and a failed step
 * is fine when the history shows another node did it meanwhile; so a start that stopped half-way is completed, and
 * once done nothing is sent again — also after a user has changed the entity since.
 */
final class DemoSteps {

    private DemoSteps() {
    }

    /**
     * One step, on behalf of the demo account {@code user}: done when the entity's history satisfies {@code done};
     * otherwise {@code command} at the entity's current version.
     */
    record Step(UUID user, Predicate<List<Object>> done, Function<Long, Object> command) {
    }

    /** Runs the steps not done yet on {@code entityId}; the number of commands sent. */
    static int run(EventStore eventStore, CommandSender commands, UUID entityId, List<Step> steps) {
        int sent = 0;
        for (Step step : steps) {
            if (step.done().test(DemoAccess.history(eventStore, entityId))) {
                continue;
            }
            commands.sendAsDemoUserOnce(step.command().apply(DemoAccess.version(eventStore, entityId)), step.user(),
                    () -> step.done().test(DemoAccess.history(eventStore, entityId)));
            sent++;
        }
        return sent;
    }
}
