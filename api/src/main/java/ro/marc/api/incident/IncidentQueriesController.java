package ro.marc.api.incident;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.document.DocumentDownloadController;
import ro.marc.api.graphql.Connection;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.org.County;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.incident.ActivityIncidentCount;
import ro.marc.query.incident.IncidentDocumentView;
import ro.marc.query.incident.IncidentFilter;
import ro.marc.query.incident.IncidentQueries;
import ro.marc.query.incident.IncidentSearch;
import ro.marc.query.incident.IncidentSort;
import ro.marc.query.incident.IncidentStatistics;
import ro.marc.query.incident.IncidentView;
import ro.marc.query.incident.IncidentVisibility;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.WorkUnitView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Integrity incident reads (§4.1, UCA 47, 52, 63). Who sees which incident is {@link IncidentAccess}'s: those of the
 * structures within INCIDENT_READ's reach, and those linked to the activities of the work units the caller covers
 * (INCIDENT_READ_LINKED); lists and counts are filtered by it inside the query, so a filter naming a structure the
 * caller does not oversee simply finds less. The counts per activity are open to every structure for its own work
 * units (INCIDENT_COUNTS_READ); the UCA 63 view of a risk counts every incident (the probability rule does) but
 * lists only those the caller may read.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class IncidentQueriesController {

    /** Search words beyond this are refused (as the plans' search). */
    static final int MAX_TEXT = 200;

    public record FilterInput(String text, List<County> counties, List<String> orgUnitIds, List<IncidentType> types,
                              String from, String to, List<String> workUnitIds, List<String> domainIds,
                              List<String> activityIds, List<String> riskIds, Boolean includeArchived) {
    }

    public record SortInput(IncidentSort.Field field, Boolean descending) {
    }

    public record TypeCount(IncidentType type, int count) {
    }

    public record CountyCount(County county, int count) {
    }

    public record Statistics(int total, List<TypeCount> byType, List<CountyCount> byCounty) {
    }

    public record IncidentConnection(List<Connection.Edge<IncidentView>> edges, Connection.PageInfo pageInfo,
                                     Integer totalCount, Statistics statistics) {
    }

    public record Domain(UUID id, String name) {
    }

    private final IncidentQueries incidents;
    private final IncidentSearch search;
    private final IncidentAccess incidentAccess;
    private final RiskIncidentsReader riskIncidents;
    private final AccessPolicy access;
    private final OrgQueries org;

    public IncidentQueriesController(IncidentQueries incidents, IncidentSearch search, IncidentAccess incidentAccess,
                                     RiskIncidentsReader riskIncidents, AccessPolicy access, OrgQueries org) {
        this.incidents = incidents;
        this.search = search;
        this.incidentAccess = incidentAccess;
        this.riskIncidents = riskIncidents;
        this.access = access;
        this.org = org;
    }

    /**
     * An incident the caller sees. Unknown: null for national readers; for the others (after a short wait for one
     * recorded a moment ago) refused like one outside their reach, so nobody learns which ids exist.
     */
    @QueryMapping
    public IncidentView incident(@Argument String id) {
        String operation = "incident";
        IncidentVisibility visibility = incidentAccess.require(operation);
        UUID incidentId = id("id", id);
        access.trail().touched(incidentId);
        Optional<IncidentView> view = visibility.national() ? incidents.incident(incidentId)
                : access.awaitKnown(() -> incidents.incident(incidentId));
        if (view.isEmpty()) {
            if (visibility.national()) {
                return null;
            }
            throw access.deny(operation, incidentId, "the incident is not within the caller's reach");
        }
        if (!visibility.national() && !incidents.visible(incidentId, visibility)) {
            throw access.deny(operation, incidentId, "the incident is outside the caller's reach");
        }
        return view.get();
    }

    /** A page of the incidents the caller sees; totalCount and statistics only when selected (queries of their own). */
    @QueryMapping
    public IncidentConnection incidents(@Argument FilterInput filter, @Argument SortInput sort, @Argument Integer first,
                                        @Argument String after, DataFetchingFieldSelectionSet selection) {
        String operation = "incidents";
        int size = Inputs.pageSize("first", first);
        IncidentVisibility visibility = incidentAccess.require(operation);
        FilterInput f = filter == null
                ? new FilterInput(null, null, null, null, null, null, null, null, null, null, false) : filter;
        String text = Inputs.searchText("filter.text", f.text(), MAX_TEXT);
        LocalDate from = Inputs.date("filter.from", f.from());
        LocalDate to = Inputs.date("filter.to", f.to());
        IncidentFilter query = new IncidentFilter(text, f.counties() == null ? null : Set.copyOf(f.counties()),
                ids("filter.orgUnitIds", f.orgUnitIds()), f.types() == null ? null : Set.copyOf(f.types()), from, to,
                ids("filter.workUnitIds", f.workUnitIds()), ids("filter.domainIds", f.domainIds()),
                ids("filter.activityIds", f.activityIds()), ids("filter.riskIds", f.riskIds()),
                Boolean.TRUE.equals(f.includeArchived()));
        IncidentSort order = sort == null ? IncidentSort.byDefault()
                : new IncidentSort(sort.field() == null ? IncidentSort.Field.INCIDENT_DATE : sort.field(),
                sort.descending() == null || sort.descending());
        List<UUID> matches = text == null || text.isBlank() ? null : search.matching(text);
        Connection<IncidentView> page;
        try {
            page = Connection.of(incidents.incidents(query, visibility, matches, order, size, after));
        } catch (InvalidCursor e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
        Statistics statistics = selection != null && (selection.contains("totalCount") || selection.contains("statistics"))
                ? statistics(incidents.statistics(query, visibility, matches)) : null;
        return new IncidentConnection(page.edges(), page.pageInfo(), statistics == null ? null : statistics.total(), statistics);
    }

    /** §4: the structure's work units' approved activities, each with its incidents ministry-wide (INCIDENT_COUNTS_READ). */
    @QueryMapping
    public List<ActivityIncidentCount> incidentCountsByActivity(@Argument String orgUnitId) {
        UUID unit = id("orgUnitId", orgUnitId);
        access.requireOrgUnit(Permission.INCIDENT_COUNTS_READ, "incidentCountsByActivity", unit);
        List<UUID> workUnits = org.workUnitsOf(List.of(unit)).getOrDefault(unit, List.of()).stream()
                .map(WorkUnitView::id).toList();
        return workUnits.isEmpty() ? List.of() : incidents.countsByActivity(workUnits);
    }

    /**
     * UCA 63, through the named query Anexa 4 asks ({@link RiskIncidentsReader}): for a structure within the reach of
     * INCIDENT_READ or INCIDENT_READ_LINKED (the permission, even when it shows the caller no incident yet). Where the
     * risk materialised counts every incident (the rule does); the list holds only those the caller may read.
     */
    @QueryMapping
    public RiskIncidentsReader.RiskIncidentsOut incidentsForRisk(@Argument String riskId, @Argument String orgUnitId) {
        String operation = "incidentsForRisk";
        UUID risk = id("riskId", riskId);
        UUID unit = id("orgUnitId", orgUnitId);
        // the asking structure within the reach of INCIDENT_READ or INCIDENT_READ_LINKED (fail closed)
        access.requireOrgUnit(access.scope(Permission.INCIDENT_READ).union(access.scope(Permission.INCIDENT_READ_LINKED)),
                operation, unit);
        return riskIncidents.read(risk, unit);
    }

    // ---------------------------------------------------------------- fields

    /** I01: the domains of the live links, once each, by name. */
    @SchemaMapping(typeName = "Incident", field = "domains")
    public List<Domain> domains(IncidentView incident) {
        Map<UUID, Domain> domains = new LinkedHashMap<>();
        for (RiskLink link : incident.links()) {
            if (link.domainId() != null) {
                domains.putIfAbsent(link.domainId(), new Domain(link.domainId(), link.domainName()));
            }
        }
        return domains.values().stream()
                .sorted(Comparator.comparing(Domain::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The download (the documents' endpoint serves incident documents too, to whoever may read the incident). */
    @SchemaMapping(typeName = "IncidentDocument", field = "url")
    public String url(IncidentDocumentView document) {
        return DocumentDownloadController.downloadUrl(document.documentId());
    }

    // ---------------------------------------------------------------- helpers

    private static Statistics statistics(IncidentStatistics s) {
        List<TypeCount> byType = new ArrayList<>();
        for (IncidentType type : IncidentType.values()) {
            byType.add(new TypeCount(type, s.byType().getOrDefault(type, 0)));
        }
        List<CountyCount> byCounty = s.byCounty().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new CountyCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(CountyCount::count).reversed().thenComparing(c -> c.county().name()))
                .toList();
        return new Statistics(s.total(), byType, byCounty);
    }

    private static Set<UUID> ids(String field, List<String> values) {
        if (values == null) {
            return null;
        }
        Set<UUID> ids = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            ids.add(id(field + "[" + i + "]", values.get(i)));
        }
        return ids;
    }
}
