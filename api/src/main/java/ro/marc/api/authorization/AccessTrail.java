package ro.marc.api.authorization;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one request touched, collected while it runs (data fetchers may run on several threads) and
 * written to the access audit when it ends: the objects read or changed and the org units they
 * belong to, plus any authorization refusals.
 */
public final class AccessTrail {

    private final Set<UUID> objects = ConcurrentHashMap.newKeySet();
    private final Set<UUID> orgUnits = ConcurrentHashMap.newKeySet();
    private final List<String> denials = Collections.synchronizedList(new ArrayList<>());
    /** The ids each top-level field was asked for (its id arguments), by field name. */
    private final Map<String, Set<UUID>> asked = new ConcurrentHashMap<>();
    private volatile Request request;

    /**
     * What is known of the GraphQL request this trail belongs to, for the command audit rows written
     * while it runs (AccessAuditInterceptor sets it when the request starts).
     */
    public record Request(String operationType, List<String> operations, String operationName, String clientAddress,
                          long startNanos) {
    }

    public void request(Request request) {
        this.request = request;
    }

    public Request request() {
        return request;
    }

    /** The ids a top-level field was called with (recorded before it runs, see RequestedObjects). */
    public void asked(String field, Collection<UUID> ids) {
        if (field != null && !ids.isEmpty()) {
            asked.computeIfAbsent(field, f -> ConcurrentHashMap.newKeySet()).addAll(ids);
        }
    }

    /** The ids the field {@code operation} was called with; empty when none or unknown. */
    public Set<UUID> asked(String operation) {
        Set<UUID> ids = operation == null ? null : asked.get(operation);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    /** An object the request read or changed (org unit, work unit, user, working group...). */
    public void touched(UUID objectId) {
        if (objectId != null) {
            objects.add(objectId);
        }
    }

    /** The org unit an object touched by the request belongs to. */
    public void touchedOrgUnit(UUID orgUnitId) {
        if (orgUnitId != null) {
            orgUnits.add(orgUnitId);
        }
    }

    /** An authorization refusal: which operation, which object, why. */
    public void denied(String denial) {
        denials.add(denial);
    }

    public Set<UUID> objects() {
        return Set.copyOf(objects);
    }

    public Set<UUID> orgUnits() {
        return Set.copyOf(orgUnits);
    }

    public List<String> denials() {
        synchronized (denials) {
            return List.copyOf(denials);
        }
    }
}
