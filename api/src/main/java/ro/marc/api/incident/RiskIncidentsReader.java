package ro.marc.api.incident;

import org.springframework.stereotype.Component;
import ro.marc.command.incident.MaterialisedRisks;
import ro.marc.command.incident.MaterialisedRisks.LinkedIncident;
import ro.marc.command.incident.MaterialisedRisks.RiskIncidents;
import ro.marc.command.incident.MaterialisedRisks.Where;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentVisibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * UCA 63 as the caller sees it: where a risk materialised seen from one structure, through the named query the
 * probability rule asks ({@link MaterialisedRisks}), so the floor shown is the floor the command applies. The counts
 * hold every incident (the rule does); the list only those the caller may read. Callers authorise first: the
 * incidents' own query ({@code incidentsForRisk}) and the assessment's probability constraint.
 */
@Component
public class RiskIncidentsReader {

    public record LinkedIncidentOut(UUID incidentId, UUID linkId, String title, County county, UUID orgUnitId,
                                    String orgUnitName, IncidentType type, LocalDate incidentDate, boolean sameStructure) {
    }

    public record RiskIncidentsOut(UUID riskId, UUID orgUnitId, Where where, int lowestAllowedProbability,
                                   int sameStructureCount, int otherStructuresCount, List<LinkedIncidentOut> incidents) {
    }

    private final MaterialisedRisks materialisedRisks;
    private final IncidentAccess incidentAccess;
    private final IncidentQueries incidents;

    public RiskIncidentsReader(MaterialisedRisks materialisedRisks, IncidentAccess incidentAccess, IncidentQueries incidents) {
        this.materialisedRisks = materialisedRisks;
        this.incidentAccess = incidentAccess;
        this.incidents = incidents;
    }

    /** The risk's incidents seen from {@code orgUnitId}: the structure's own first, newest first. */
    public RiskIncidentsOut read(UUID riskId, UUID orgUnitId) {
        // may be empty (a member whose structure has no active plan covers no work unit): the counts, no incident listed
        IncidentVisibility visibility = incidentAccess.visibility();
        RiskIncidents answer = materialisedRisks.incidentsFor(riskId, orgUnitId);
        List<LinkedIncidentOut> listed = new ArrayList<>();
        Map<UUID, Boolean> seen = new HashMap<>();
        for (LinkedIncident i : answer.sameStructure()) {
            if (readable(i.incidentId(), visibility, seen)) {
                listed.add(out(i, true));
            }
        }
        for (LinkedIncident i : answer.otherStructures()) {
            if (readable(i.incidentId(), visibility, seen)) {
                listed.add(out(i, false));
            }
        }
        return new RiskIncidentsOut(riskId, orgUnitId, answer.where(), answer.lowestAllowedProbability(),
                answer.sameStructure().size(), answer.otherStructures().size(), listed);
    }

    private boolean readable(UUID incidentId, IncidentVisibility visibility, Map<UUID, Boolean> seen) {
        return visibility.national() || !visibility.isEmpty()
                && seen.computeIfAbsent(incidentId, id -> incidents.visible(id, visibility));
    }

    private static LinkedIncidentOut out(LinkedIncident i, boolean sameStructure) {
        return new LinkedIncidentOut(i.incidentId(), i.linkId(), i.title(), i.county(), i.orgUnitId(), i.orgUnitName(),
                i.type(), i.incidentDate(), sameStructure);
    }
}
