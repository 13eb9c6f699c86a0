package ro.marc.api.org;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.Inputs;
import ro.marc.api.graphql.Connection;
import ro.marc.query.access.AccessQueries;
import ro.marc.query.access.UserView;
import ro.marc.query.access.WorkingGroupView;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.history.EventHistory;
import ro.marc.query.history.HistoryEntry;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.org.WorkUnitView;
import ro.marc.query.org.OrgSearch;
import ro.marc.query.org.SearchFilters;
import ro.marc.query.org.SearchHit;
import ro.marc.query.org.SearchResult;
import tools.jackson.databind.json.JsonMapper;

import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ro.marc.api.common.Inputs.id;

/**
 * Organisation reads: the read model in PostgreSQL, search in Elasticsearch, history from the
 * event store. Every read is limited to the caller's reach ({@link AccessPolicy}): single objects
 * outside it are refused, lists and searches are filtered inside their queries, and fields leading
 * outside it (parent, ancestors) are left out.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class OrgQueriesController {

    private static final int HISTORY_LIMIT = 10_000;

    public record SearchFiltersInput(List<String> kinds, String county, String withinOrgUnit, String workUnitId,
                                     Integer level, Boolean includeInactive) {
    }

    public record SearchConnection(long totalCount, List<Connection.Edge<SearchHitView>> edges, Connection.PageInfo pageInfo) {
    }

    public record SearchHitView(String kind, String id, String name, String highlight, double score, Integer level,
                                String county, Boolean active) {
    }

    public record Actor(String userId, String role) {
    }

    public record HistoryEvent(long sequenceNumber, long version, String type, String revision, String timestamp, Actor actor,
                               String correlationId, String payload) {
    }

    private final OrgQueries queries;
    private final OrgSearch search;
    private final EventHistory history;
    private final AccessPolicy access;
    private final AccessQueries accounts;
    private final JsonMapper json;

    public OrgQueriesController(OrgQueries queries, OrgSearch search, EventHistory history, AccessPolicy access,
                                AccessQueries accounts, JsonMapper json) {
        this.queries = queries;
        this.search = search;
        this.history = history;
        this.access = access;
        this.accounts = accounts;
        this.json = json;
    }

    /** The root (level 0), for callers who see the whole organisation; others start from {@code viewer.orgUnits}. */
    @QueryMapping
    public OrgUnitView root() {
        OrgScope scope = access.require(Permission.ORG_READ, "root");
        return queries.roots().stream().filter(r -> scope.contains(r.id(), r.county(), r.path())).findFirst().orElse(null);
    }

    @QueryMapping
    public OrgUnitView orgUnit(@Argument String id) {
        UUID orgUnitId = id("id", id);
        return access.requireOrgUnit(Permission.ORG_READ, "orgUnit", orgUnitId);
    }

    @QueryMapping
    public WorkUnitView workUnit(@Argument String id) {
        access.require(Permission.WORK_UNIT_CATALOGUE_READ, "workUnit");
        return queries.workUnit(id("id", id)).orElse(null);
    }

    @QueryMapping
    public List<WorkUnitView> workUnits(@Argument Boolean includeRetired) {
        access.require(Permission.WORK_UNIT_CATALOGUE_READ, "workUnits");
        return queries.workUnits(Boolean.TRUE.equals(includeRetired));
    }

    @QueryMapping
    public Connection<OrgUnitView> orgUnitsByWorkUnit(@Argument String workUnitId, @Argument Integer first, @Argument String after) {
        OrgScope scope = access.require(Permission.ORG_READ, "orgUnitsByWorkUnit");
        return page("after", () -> queries.orgUnitsByWorkUnit(id("workUnitId", workUnitId), scope,
                Inputs.pageSize("first", first), after));
    }

    @QueryMapping
    public SearchConnection search(@Argument String text, @Argument SearchFiltersInput filters, @Argument Integer first,
                                   @Argument String after) {
        int size = Inputs.pageSize("first", first);
        if (text != null && text.length() > 200) {
            throw new InvalidInput("text", "TOO_LONG", "Search text is limited to 200 characters");
        }
        SearchFilters f = filters == null ? SearchFilters.none() : new SearchFilters(filters.kinds(), filters.county(),
                idString("filters.withinOrgUnit", filters.withinOrgUnit()), idString("filters.workUnitId", filters.workUnitId()),
                filters.level(), Boolean.TRUE.equals(filters.includeInactive()));
        OrgScope scope = access.require(Permission.ORG_READ, "search");
        SearchResult result;
        try {
            result = search.search(Inputs.searchText("text", text), f, scope, size, after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
        List<Connection.Edge<SearchHitView>> edges = new ArrayList<>();
        for (int i = 0; i < result.hits().size(); i++) {
            SearchHit h = result.hits().get(i);
            edges.add(new Connection.Edge<>(result.cursors().get(i), new SearchHitView(h.kind(), h.id(), h.name(),
                    h.highlightedName(), h.score(), h.level(), h.county(), h.active())));
        }
        String end = result.cursors().isEmpty() ? null : result.cursors().getLast();
        return new SearchConnection(result.total(), edges, new Connection.PageInfo(result.hasNextPage(), end));
    }

    /**
     * The events of any entity (org unit, work unit, account, working group, domain, nomenclature item,
     * reference entry, regulatory cause), numbered per entity. Central administrators and auditors read
     * any history; territorial administrators that of org units, accounts and working groups of their
     * counties (the work-unit catalogue and the nomenclature are national).
     */
    @QueryMapping
    public List<HistoryEvent> history(@Argument String id) {
        UUID objectId = id("id", id);
        OrgScope scope = access.require(Permission.HISTORY_READ, "history");
        access.trail().touched(objectId);
        List<HistoryEntry> entries;
        Optional<UUID> orgUnitOfAccessObject = accounts.user(objectId).map(UserView::orgUnitId)
                .or(() -> accounts.workingGroup(objectId).map(WorkingGroupView::orgUnitId));
        if (orgUnitOfAccessObject.isPresent()) {
            access.requireOrgUnit(Permission.HISTORY_READ, "history", orgUnitOfAccessObject.get());
        } else {
            if (queries.orgUnit(objectId).isPresent()) {
                access.requireOrgUnit(Permission.HISTORY_READ, "history", objectId);
            } else if (!scope.national()) {
                // work units (the national catalogue) and unknown ids: national readers only
                throw access.deny("history", objectId, "not within the caller's reach");
            }
        }
        entries = history.of(objectId, HISTORY_LIMIT);
        return entries.stream().map(e -> new HistoryEvent(e.sequenceNumber(), e.version(), e.type(), e.revision(),
                e.timestamp().toString(), new Actor(e.actorUserId(), e.actorRole()), e.correlationId(),
                json.writeValueAsString(e.payload()))).toList();
    }

    // ---------------------------------------------------------------- OrgUnit fields

    /** The parent, when the caller may see it. */
    @BatchMapping(typeName = "OrgUnit")
    public Map<OrgUnitView, OrgUnitView> parent(List<OrgUnitView> units) {
        OrgScope scope = access.scope(Permission.ORG_READ);
        Map<UUID, OrgUnitView> parents = queries.orgUnits(units.stream().map(OrgUnitView::parentId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .filter(p -> scope.contains(p.id(), p.county(), p.path()))
                .collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        Map<OrgUnitView, OrgUnitView> result = new HashMap<>();
        units.forEach(u -> {
            if (u.parentId() != null && parents.containsKey(u.parentId())) {
                result.put(u, parents.get(u.parentId()));
            }
        });
        return result;
    }

    @BatchMapping(typeName = "OrgUnit")
    public Map<OrgUnitView, List<WorkUnitView>> workUnits(List<OrgUnitView> units) {
        Map<UUID, List<WorkUnitView>> byId = queries.workUnitsOf(units.stream().map(OrgUnitView::id).toList());
        Map<OrgUnitView, List<WorkUnitView>> result = new HashMap<>();
        units.forEach(u -> result.put(u, byId.getOrDefault(u.id(), List.of())));
        return result;
    }

    /** The ancestors the caller may see, from the top down. */
    @SchemaMapping(typeName = "OrgUnit")
    public List<OrgUnitView> ancestors(OrgUnitView unit) {
        OrgScope scope = access.scope(Permission.ORG_READ);
        List<UUID> ids = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString)
                .filter(id -> !id.equals(unit.id())).toList();
        Map<UUID, OrgUnitView> found = queries.orgUnits(ids).stream().collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull)
                .filter(a -> scope.contains(a.id(), a.county(), a.path())).toList();
    }

    @SchemaMapping(typeName = "OrgUnit")
    public Connection<OrgUnitView> children(OrgUnitView unit, @Argument Integer first, @Argument String after) {
        return page("after", () -> queries.children(unit.id(), access.scope(Permission.ORG_READ), Inputs.pageSize("first", first), after));
    }

    @SchemaMapping(typeName = "OrgUnit")
    public Connection<OrgUnitView> subtree(OrgUnitView unit, @Argument Integer first, @Argument String after) {
        return page("after", () -> queries.subtree(unit.id(), access.scope(Permission.ORG_READ), Inputs.pageSize("first", first), after));
    }

    @SchemaMapping(typeName = "WorkUnit")
    public Connection<OrgUnitView> orgUnits(WorkUnitView workUnit, @Argument Integer first, @Argument String after) {
        return page("after", () -> queries.orgUnitsByWorkUnit(workUnit.id(), access.scope(Permission.ORG_READ), Inputs.pageSize("first", first), after));
    }

    private static Connection<OrgUnitView> page(String cursorField, java.util.function.Supplier<Page<OrgUnitView>> read) {
        try {
            return Connection.of(read.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(cursorField, "INVALID_CURSOR", e.getMessage());
        }
    }

    private static String idString(String field, String value) {
        return value == null ? null : id(field, value).toString();
    }
}
