package ro.marc.api.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.events.access.Role;
import ro.marc.query.access.RoleView;
import ro.marc.query.common.OrgScope;
import ro.marc.query.nomenclature.ProposalVisibility;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides, on the server, whether the current caller may do something and over which org units:
 * {@link #scope} turns the caller's roles into an {@link OrgScope} through {@link AccessRules};
 * {@code require*} refuse with {@link AccessDenied} and record the refusal as a security event
 * (log + the request's access trail). Every GraphQL operation and guarded field goes through here.
 */
@Component
public class AccessPolicy {

    private static final Logger security = LoggerFactory.getLogger("ro.marc.security");

    /** How long an unknown target is awaited before a caller without national reach is refused. */
    static final Duration KNOWN_WAIT = Duration.ofSeconds(1);

    private final OrgQueries org;

    public AccessPolicy(OrgQueries org) {
        this.org = org;
    }

    /** The current request's caller; every GraphQL request has one (the gate refuses the others). */
    public Caller caller() {
        CallerAuthentication auth = CallerAuthentication.current();
        if (auth == null || !auth.caller().active()) {
            throw new AccessDenied("No active MARC account");
        }
        return auth.caller();
    }

    /** The org units over which the caller holds {@code permission} (empty when it holds none). */
    public OrgScope scope(Permission permission) {
        Caller caller = caller();
        return CallerAuthentication.current().scope(permission, p -> computeScope(caller, p));
    }

    private OrgScope computeScope(Caller caller, Permission permission) {
        OrgScope scope = OrgScope.nothing();
        for (RoleView grant : caller.roles()) {
            Reach reach = AccessRules.reach(permission, grant.role());
            if (reach == null || (permission == Permission.NOMENCLATURE_PROPOSE
                    && grant.role() == Role.INTEGRITY_COUNSELLOR && !grant.followsMemberWorkflow())) {
                continue;
            }
            scope = scope.union(switch (reach) {
                case NATIONAL -> OrgScope.everything();
                case COUNTIES -> new OrgScope(false, Set.copyOf(grant.counties()), Set.of(), Set.of());
                case OWN_UNIT -> caller.orgUnitId() == null ? OrgScope.nothing()
                        : new OrgScope(false, Set.of(), Set.of(), Set.of(caller.orgUnitId()));
                case OWN_SUBTREE -> caller.orgUnitId() == null ? OrgScope.nothing()
                        : org.orgUnit(caller.orgUnitId()).map(u -> new OrgScope(false, Set.of(), Set.of(u.path()), Set.of()))
                        .orElse(OrgScope.nothing());
            });
        }
        return scope;
    }

    /** Which proposals (not yet part of the national nomenclature) the caller sees: their own, and per PROPOSAL_READ. */
    public ProposalVisibility proposalVisibility() {
        OrgScope scope = scope(Permission.PROPOSAL_READ);
        if (scope.national()) {
            return ProposalVisibility.all();
        }
        return new ProposalVisibility(false, caller().userId().toString(), scope.counties());
    }

    /** Whether the caller holds the permission anywhere. */
    public boolean holds(Permission permission) {
        return !scope(permission).isEmpty();
    }

    /** Refuses unless the caller holds the permission somewhere (operations without a target org unit). */
    public OrgScope require(Permission permission, String operation) {
        OrgScope scope = scope(permission);
        if (scope.isEmpty()) {
            throw deny(operation, null, "the caller's roles do not allow it");
        }
        return scope;
    }

    /** Whether an org unit is within the caller's reach for the permission (no side effects). */
    public boolean allows(Permission permission, OrgUnitView unit) {
        return unit != null && scope(permission).contains(unit.id(), unit.county(), unit.path());
    }

    /**
     * Refuses unless the org unit is within the caller's reach. An org unit the read model does not
     * know is refused as unknown for callers without national reach: a unit created a moment ago
     * elsewhere must not slip through before its county is known.
     */
    public OrgUnitView requireOrgUnit(Permission permission, String operation, UUID orgUnitId) {
        return requireOrgUnit(require(permission, operation), operation, orgUnitId);
    }

    /**
     * Like {@link #requireOrgUnit(Permission, String, UUID)} over a scope the caller composed (e.g. the union of two
     * permissions' scopes); an empty scope is refused like a permission the caller does not hold.
     */
    public OrgUnitView requireOrgUnit(OrgScope scope, String operation, UUID orgUnitId) {
        if (scope.isEmpty()) {
            throw deny(operation, null, "the caller's roles do not allow it");
        }
        Optional<OrgUnitView> unit = scope.national() ? org.orgUnit(orgUnitId) : awaitKnown(() -> org.orgUnit(orgUnitId));
        trail().touched(orgUnitId);
        trail().touchedOrgUnit(orgUnitId);
        if (unit.isEmpty()) {
            if (scope.national()) {
                return null; // the command decides (NOT_FOUND)
            }
            throw deny(operation, orgUnitId, "the org unit is not within the caller's reach");
        }
        OrgUnitView u = unit.get();
        if (!scope.contains(u.id(), u.county(), u.path())) {
            throw deny(operation, orgUnitId, "the org unit is outside the caller's reach");
        }
        return u;
    }

    /**
     * The object {@code id} names, read for a caller who holds {@code permission} on its org unit. An id the read model
     * does not know is empty for a national reach (it may learn what does not exist); for the others, after a short
     * wait for one created a moment ago ({@link #awaitKnown}), it is refused like one outside their reach, so nobody
     * learns which ids exist (fail closed).
     *
     * @param what      names it in the refusal ("the plan")
     * @param orgUnitOf the org unit the object belongs to
     */
    public <T> Optional<T> readable(Permission permission, String operation, UUID id, String what,
                                    Function<UUID, Optional<T>> read, Function<T, UUID> orgUnitOf) {
        OrgScope scope = require(permission, operation);
        trail().touched(id);
        Optional<T> found = scope.national() ? read.apply(id) : awaitKnown(() -> read.apply(id));
        if (found.isEmpty()) {
            if (scope.national()) {
                return Optional.empty();
            }
            throw deny(operation, id, what + " is not within the caller's reach");
        }
        requireOrgUnit(scope, operation, orgUnitOf.apply(found.get()));
        return found;
    }

    /**
     * Reads an object that may have been created a moment ago, waiting up to {@link #KNOWN_WAIT}
     * for the read model: a caller who creates something and acts on it at once is not refused
     * for the projection's lag.
     */
    public <T> Optional<T> awaitKnown(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + KNOWN_WAIT.toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = read.get();
        }
        return found;
    }

    /** Refuses a territorial administrator acting on a role only central administrators manage. */
    public void requireManageableRole(String operation, UUID target, Role role) {
        if (!caller().holds(Role.CENTRAL_ADMIN) && !AccessRules.TERRITORIALLY_MANAGED_ROLES.contains(role)) {
            throw deny(operation, target, "role " + role + " is managed by central administrators only");
        }
    }

    public AccessTrail trail() {
        CallerAuthentication auth = CallerAuthentication.current();
        return auth == null ? new AccessTrail() : auth.trail();
    }

    /**
     * Records the refusal (security log + access trail) and returns the exception to throw. A
     * refusal decided on the role alone ({@code object} null, before anything was loaded) records
     * the objects the operation was asked for: the id arguments of the field (AccessTrail#asked).
     */
    public AccessDenied deny(String operation, UUID object, String reason) {
        CallerAuthentication auth = CallerAuthentication.current();
        String who = auth == null ? "anonymous" : auth.caller().actorId();
        AccessTrail trail = trail();
        java.util.List<UUID> objects = object != null ? java.util.List.of(object)
                : trail.asked(operation).stream().sorted().toList();
        String on = objects.isEmpty() ? "" : " on " + (objects.size() == 1 ? objects.getFirst().toString() : objects.toString());
        security.warn("access denied: who={} roles={} operation={} object={} reason={}", who,
                auth == null ? Set.of() : auth.caller().roleNames(), operation, objects.isEmpty() ? null : on.substring(4), reason);
        trail.denied(operation + on + ": " + reason);
        objects.forEach(trail::touched);
        return new AccessDenied("Not allowed: " + operation + (object == null ? "" : " on " + object));
    }
}
