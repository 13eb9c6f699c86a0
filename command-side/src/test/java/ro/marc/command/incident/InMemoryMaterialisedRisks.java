package ro.marc.command.incident;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link MaterialisedRisks} in memory, for aggregate tests (the risk assessment's probability rule, issue 13):
 * built from incident events ({@link #given}) the way {@link IncidentLookup} is — archived incidents, acquittals
 * and removed links do not count; a link counts in the same structure when its org unit is the one asked about.
 */
public class InMemoryMaterialisedRisks implements MaterialisedRisks {

    private final Map<UUID, IncidentDetails> incidents = new LinkedHashMap<>();
    private final Map<UUID, Boolean> archived = new LinkedHashMap<>();
    private final Map<UUID, Map<UUID, RiskLink>> links = new LinkedHashMap<>();

    /** Applies incident events that happened elsewhere. */
    public InMemoryMaterialisedRisks given(Object... events) {
        for (Object event : events) {
            apply(event);
        }
        return this;
    }

    @EventHandler
    public void on(Object event) {
        apply(event);
    }

    public void apply(Object event) {
        switch (event) {
            case IntegrityIncidentRecorded e -> incidents.putIfAbsent(e.incidentId(), e.details());
            case IntegrityIncidentEdited e -> incidents.replace(e.incidentId(), e.details());
            case IntegrityIncidentArchived e -> archived.put(e.incidentId(), true);
            case IncidentRiskLinked e -> links.computeIfAbsent(e.incidentId(), k -> new LinkedHashMap<>()).put(e.link().linkId(), e.link());
            case IncidentRiskLinkRevised e -> links.computeIfAbsent(e.incidentId(), k -> new LinkedHashMap<>()).put(e.link().linkId(), e.link());
            case IncidentRiskUnlinked e -> links.getOrDefault(e.incidentId(), new LinkedHashMap<>()).remove(e.linkId());
            default -> {
            }
        }
    }

    @Override
    public RiskIncidents incidentsFor(UUID riskId, UUID orgUnitId) {
        List<LinkedIncident> same = new ArrayList<>();
        List<LinkedIncident> other = new ArrayList<>();
        incidents.forEach((incidentId, d) -> {
            if (archived.containsKey(incidentId) || d.type() == IncidentType.ACQUITTAL) {
                return;
            }
            links.getOrDefault(incidentId, Map.of()).values().stream().filter(l -> l.riskId().equals(riskId)).forEach(l -> {
                LinkedIncident incident = new LinkedIncident(incidentId, l.linkId(), d.title(), d.county(), l.orgUnitId(),
                        l.orgUnitName(), d.type(), d.incidentDate());
                (l.orgUnitId().equals(orgUnitId) ? same : other).add(incident);
            });
        });
        Comparator<LinkedIncident> newestFirst = Comparator.comparing(LinkedIncident::incidentDate).reversed()
                .thenComparing(LinkedIncident::incidentId);
        same.sort(newestFirst);
        other.sort(newestFirst);
        return new RiskIncidents(riskId, orgUnitId, same, other);
    }
}
