package ro.marc.api.nomenclature;

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
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.query.common.Page;
import ro.marc.query.nomenclature.*;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.WorkUnitView;
import ro.marc.query.nomenclature.NomenclatureSearch;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureHit;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static ro.marc.api.common.Inputs.id;

/**
 * Nomenclature reads. The approved nomenclature is national; proposals and rejected entries are
 * visible per {@link ProposalVisibility} — filtered inside SQL and the Elasticsearch query.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class NomenclatureQueriesController {

    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");

    public record SearchInput(String text, List<String> kinds, List<String> workUnitIds, String activityId, String taskId,
                              String domainId, List<ItemStatus> statuses, String proposerUserId, String createdFrom,
                              String createdTo, NomenclatureSearch.Sort sort, Integer first, String after) {
    }

    public record SearchResultView(long totalCount, List<Connection.Edge<NomenclatureHit>> edges,
                                   Connection.PageInfo pageInfo, FacetsView facets) {
    }

    public record FacetsView(List<FacetView> kinds, List<FacetView> statuses, List<FacetView> workUnits,
                             List<FacetView> domains, List<FacetView> activities) {
    }

    public record FacetView(String value, String label, long count) {
    }

    private final NomenclatureQueries nomenclature;
    private final NomenclatureSearch search;
    private final OrgQueries org;
    private final AccessPolicy access;

    public NomenclatureQueriesController(NomenclatureQueries nomenclature, NomenclatureSearch search, OrgQueries org,
                                         AccessPolicy access) {
        this.nomenclature = nomenclature;
        this.search = search;
        this.org = org;
        this.access = access;
    }

    @QueryMapping
    public List<DomainView> domains() {
        access.require(Permission.NOMENCLATURE_READ, "domains");
        return nomenclature.domains();
    }

    @QueryMapping
    public ItemView nomenclatureItem(@Argument String id) {
        access.require(Permission.NOMENCLATURE_READ, "nomenclatureItem");
        UUID itemId = id("id", id);
        access.trail().touched(itemId);
        Optional<ItemView> item = nomenclature.item(itemId);
        if (item.isPresent() && !item.get().visibleTo(access.proposalVisibility())) {
            throw access.deny("nomenclatureItem", itemId, "the proposal is not visible to the caller");
        }
        return item.orElse(null);
    }

    @QueryMapping
    public Connection<ItemView> proposals(@Argument ItemKind kind, @Argument Integer first, @Argument String after) {
        access.require(Permission.NOMENCLATURE_READ, "proposals");
        int size = Inputs.pageSize("first", first);
        return page(() -> nomenclature.proposals(access.proposalVisibility(), kind, size, after));
    }

    @QueryMapping
    public List<ReferenceEntryView> referenceEntries(@Argument ReferenceList list, @Argument Boolean includeInactive) {
        access.require(Permission.NOMENCLATURE_READ, "referenceEntries");
        return nomenclature.referenceEntries(list, Boolean.TRUE.equals(includeInactive));
    }

    @QueryMapping
    public RegulatoryCauseView regulatoryCause(@Argument String id) {
        access.require(Permission.NOMENCLATURE_READ, "regulatoryCause");
        UUID causeId = id("id", id);
        access.trail().touched(causeId);
        return nomenclature.cause(causeId).orElse(null);
    }

    @QueryMapping
    public Connection<RegulatoryCauseView> regulatoryCauses(@Argument String workUnitId, @Argument String activityId,
                                                            @Argument Boolean includeInactive, @Argument Integer first,
                                                            @Argument String after) {
        access.require(Permission.NOMENCLATURE_READ, "regulatoryCauses");
        int size = Inputs.pageSize("first", first);
        return page(() -> nomenclature.causes(id("workUnitId", workUnitId), id("activityId", activityId),
                Boolean.TRUE.equals(includeInactive), size, after));
    }

    @QueryMapping
    public SearchResultView searchNomenclature(@Argument("query") SearchInput input) {
        access.require(Permission.NOMENCLATURE_READ, "searchNomenclature");
        NomenclatureQuery query = new NomenclatureQuery(Inputs.searchText("query.text", input.text()), input.kinds(),
                input.workUnitIds() == null ? null : input.workUnitIds().stream().map(w -> id("query.workUnitIds", w).toString()).toList(),
                idString("query.activityId", input.activityId()), idString("query.taskId", input.taskId()),
                idString("query.domainId", input.domainId()), input.statuses(),
                idString("query.proposerUserId", input.proposerUserId()),
                instant("query.createdFrom", input.createdFrom()), instant("query.createdTo", input.createdTo()),
                input.sort(), input.first() == null ? 20 : input.first(), input.after());
        NomenclatureSearch.NomenclatureSearchResult result;
        try {
            result = search.search(query, access.proposalVisibility());
        } catch (ro.marc.query.common.InvalidCursor e) {
            throw new InvalidInput("query.after", "INVALID_CURSOR", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("query", "INVALID_SEARCH", e.getMessage());
        }
        result.hits().forEach(h -> access.trail().touched(UUID.fromString(h.id())));
        List<Connection.Edge<NomenclatureHit>> edges = result.hits().stream().map(h -> new Connection.Edge<>(h.cursor(), h)).toList();
        NomenclatureSearch.Facets f = result.facets();
        return new SearchResultView(result.total(), edges, new Connection.PageInfo(result.hasNextPage(), result.endCursor()),
                new FacetsView(facets(f.kinds()), facets(f.statuses()), facets(f.workUnits()), facets(f.domains()),
                        facets(f.activities())));
    }

    private static List<FacetView> facets(List<NomenclatureSearch.FacetCount> counts) {
        return counts == null ? List.of() : counts.stream().map(c -> new FacetView(c.value(), c.name(), c.count())).toList();
    }

    // ---------------------------------------------------------------- item fields

    @SchemaMapping(typeName = "NomenclatureItem")
    public DomainView domain(ItemView item) {
        return item.domainId() == null ? null : nomenclature.domain(item.domainId()).orElse(null);
    }

    /** The read model already gives tasks, documents and risks their activity's work units; one catalogue read per batch. */
    @BatchMapping(typeName = "NomenclatureItem")
    public Map<ItemView, List<WorkUnitView>> workUnits(List<ItemView> items) {
        Map<UUID, WorkUnitView> catalogue = org.workUnits(true).stream()
                .collect(Collectors.toMap(WorkUnitView::id, Function.identity()));
        Map<ItemView, List<WorkUnitView>> result = new HashMap<>();
        items.forEach(item -> result.put(item, item.workUnitIds().stream().map(catalogue::get).filter(Objects::nonNull).toList()));
        return result;
    }

    @SchemaMapping(typeName = "NomenclatureItem")
    public Connection<ItemView> children(ItemView item, @Argument ItemKind kind, @Argument Boolean includeInactive,
                                         @Argument Integer first, @Argument String after) {
        int size = Inputs.pageSize("first", first);
        return page(() -> nomenclature.children(item.id(), kind, access.proposalVisibility(),
                Boolean.TRUE.equals(includeInactive), size, after));
    }

    /** One read of the domains for the whole batch. */
    @BatchMapping(typeName = "Domain")
    public Map<DomainView, List<DomainView>> subdomains(List<DomainView> parents) {
        Map<UUID, List<DomainView>> byParent = nomenclature.domains().stream().filter(d -> d.parentId() != null)
                .collect(Collectors.groupingBy(DomainView::parentId));
        Map<DomainView, List<DomainView>> result = new HashMap<>();
        parents.forEach(d -> result.put(d, byParent.getOrDefault(d.id(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = "RegulatoryCause")
    public WorkUnitView workUnit(RegulatoryCauseView cause) {
        return cause.workUnitId() == null ? null : org.workUnit(cause.workUnitId()).orElse(null);
    }

    // ---------------------------------------------------------------- helpers

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZONE).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "INVALID_INSTANT",
                    ro.marc.events.text.Excerpt.quoted(value) + " is not an ISO-8601 instant or date");
        }
    }

    private static String idString(String field, String value) {
        return value == null ? null : id(field, value).toString();
    }

    private static <T> Connection<T> page(Supplier<Page<T>> read) {
        try {
            return Connection.of(read.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }
}
