package ro.marc.api.incident;

import org.springframework.stereotype.Component;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.AccessRules;
import ro.marc.api.authorization.Caller;
import ro.marc.api.authorization.Permission;
import ro.marc.events.access.Role;
import ro.marc.query.access.RoleView;
import ro.marc.query.common.OrgScope;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentVisibility;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.WorkUnitView;
import ro.marc.query.plan.PlanMemberView;
import ro.marc.query.plan.PlanQueries;
import ro.marc.query.plan.PlanView;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which incidents the caller sees (§4.1, UCA 52, 63): those that happened in an org unit within INCIDENT_READ's
 * reach, and those linked to the vulnerable activities of the work units the caller covers (INCIDENT_READ_LINKED):
 * a member's work units in their structure's active plan (an A103 counsellor's: every work unit the structure
 * holds), a head's or integrity counsellor's every work unit the structure holds. Read from the plan and org read
 * models: when they are behind, the caller sees less, never more (fail closed).
 */
@Component
public class IncidentAccess {

    private final AccessPolicy access;
    private final PlanQueries plans;
    private final OrgQueries org;
    private final IncidentQueries incidents;

    public IncidentAccess(AccessPolicy access, PlanQueries plans, OrgQueries org, IncidentQueries incidents) {
        this.access = access;
        this.plans = plans;
        this.org = org;
        this.incidents = incidents;
    }

    /** The caller's visibility; refused (recorded) when they hold neither read permission. */
    public IncidentVisibility require(String operation) {
        IncidentVisibility visibility = visibility();
        if (visibility.isEmpty()) {
            throw access.deny(operation, null, "the caller's roles do not allow reading integrity incidents");
        }
        return visibility;
    }

    /** The caller's visibility (empty when they see no incident). */
    public IncidentVisibility visibility() {
        OrgScope scope = access.scope(Permission.INCIDENT_READ);
        if (scope.national()) {
            return IncidentVisibility.everything();
        }
        Set<UUID> workUnits = coveredWorkUnits();
        Set<UUID> activities = workUnits.isEmpty() ? Set.of() : incidents.activitiesOf(workUnits);
        return new IncidentVisibility(scope, activities);
    }

    /** Refuses (recorded, naming the incident) unless the caller sees the incident; an unknown one is let through (the caller answers null). */
    public void requireVisible(String operation, UUID incidentId) {
        IncidentVisibility visibility = require(operation);
        access.trail().touched(incidentId);
        if (!visibility.national() && incidents.incident(incidentId).isPresent()
                && !incidents.visible(incidentId, visibility)) {
            throw access.deny(operation, incidentId, "the incident is outside the caller's reach");
        }
    }

    /** The work units whose activities' incidents the caller sees through INCIDENT_READ_LINKED. */
    public Set<UUID> coveredWorkUnits() {
        if (access.scope(Permission.INCIDENT_READ_LINKED).isEmpty()) {
            return Set.of();
        }
        Caller caller = access.caller();
        UUID orgUnitId = caller.orgUnitId();
        if (orgUnitId == null) {
            return Set.of();
        }
        boolean wholeStructure = false;
        for (RoleView grant : caller.roles()) {
            if (AccessRules.reach(Permission.INCIDENT_READ_LINKED, grant.role()) != null
                    && grant.role() != Role.WORKING_GROUP_MEMBER) {
                wholeStructure = true; // heads and integrity counsellors cover their structure
            }
        }
        Set<UUID> structure = structureWorkUnits(orgUnitId);
        if (wholeStructure) {
            return structure;
        }
        Optional<PlanMemberView> member = plans.activePlanOf(orgUnitId).map(PlanView::members).orElse(List.of()).stream()
                .filter(m -> caller.userId().equals(m.userId()) && !Boolean.FALSE.equals(m.active()))
                .findFirst();
        if (member.isEmpty()) {
            return Set.of();
        }
        if (member.get().followsMemberWorkflow()) {
            return structure;
        }
        Set<UUID> assigned = new HashSet<>();
        member.get().workUnits().forEach(w -> assigned.add(w.id()));
        return assigned;
    }

    private Set<UUID> structureWorkUnits(UUID orgUnitId) {
        Set<UUID> ids = new HashSet<>();
        org.workUnitsOf(List.of(orgUnitId)).getOrDefault(orgUnitId, List.of()).stream().map(WorkUnitView::id).forEach(ids::add);
        return ids;
    }
}
