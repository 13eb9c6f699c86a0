package ro.marc.api.access;

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
