package ro.marc.api.authorization;

import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.plan.ActivePlans;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Commands of the member workflow (Anexa 3, Anexa 4) on an existing entity, authorised over its structure first,
 * whose rules then judge who acts: a work unit the plan does not assign
 * the caller, another member's analysis or assessment. Their FORBIDDEN refusals are recorded like every refusal of
 * access (naming the object the refusal's details name, else the entity), then answered with the field they name;
 * an accepted change returns once the read model shows it (read-your-writes).
 */
@Component
public class JudgedCommands {

    private final CommandSender commands;
    private final ActivePlans plans;
    private final AccessPolicy access;

    public JudgedCommands(CommandSender commands, ActivePlans plans, AccessPolicy access) {
        this.commands = commands;
        this.plans = plans;
        this.access = access;
    }

    /**
     * The plan named by {@code rawPlanId} (MALFORMED_ID naming {@code planId}), once the caller holds {@code permission}
     * over its structure (their own); an unknown plan is let through to the command, whose NOT_FOUND answers it.
     */
    public UUID authoriseUnderPlan(Permission permission, String operation, String rawPlanId) {
        access.require(permission, operation);
        UUID planId = Inputs.id("planId", rawPlanId);
        plans.plan(planId).ifPresent(plan -> access.requireOrgUnit(permission, operation, plan.orgUnitId()));
        return planId;
    }

    /**
     * The entity named by {@code rawId} (MALFORMED_ID naming {@code id}), once the caller holds {@code permission} over
     * its structure; an entity the read model does not show (after a short wait for one created a moment ago) is let
     * through to the command, whose NOT_FOUND answers it.
     */
    public UUID authorise(Permission permission, String operation, String rawId, Function<UUID, Optional<UUID>> orgUnitOf) {
        access.require(permission, operation);
        UUID id = Inputs.id("id", rawId);
        access.trail().touched(id);
        orgUnitOf.apply(id).or(() -> access.awaitKnown(() -> orgUnitOf.apply(id)))
                .ifPresent(orgUnitId -> access.requireOrgUnit(permission, operation, orgUnitId));
        return id;
    }

    /**
     * Sends {@code command} on entity {@code id} and waits until {@code read} shows the version it produced.
     *
     * @return that version
     */
    public <T> long send(String operation, UUID id, Object command, Supplier<Optional<T>> read, ToLongFunction<T> version) {
        long produced;
        try {
            produced = commands.send(command);
        } catch (CommandRejected rejected) {
            if (rejected.reason() == CommandRejected.Reason.FORBIDDEN) {
                Object named = rejected.details().get("id");
                access.deny(operation, named == null ? id : uuidOr(named.toString(), id), rejected.getMessage());
            }
            throw rejected;
        }
        ReadYourWrites.awaitVersion(read, version, produced);
        return produced;
    }

    private static UUID uuidOr(String value, UUID fallback) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
