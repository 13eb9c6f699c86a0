package ro.marc.api.analysis;

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
import ro.marc.api.graphql.CountedConnection;
import ro.marc.query.common.InvalidCursor;
import ro.marc.events.analysis.AnalysisStatus;
import ro.marc.query.analysis.AnalysisFilter;
import ro.marc.query.analysis.AnalysisQueries;
import ro.marc.query.analysis.AnalysisSearch;
import ro.marc.query.analysis.AnalysisView;
import ro.marc.query.common.OrgScope;

import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * Activity analysis (Anexa 3) reads: ANALYSIS_READ over the analysis' structure (a member, head or counsellor
 * their own structure's; territorial administrators their counties'; the central counsellor below their
 * structure; central administrators and auditors all). Lists are filtered by that reach inside the query;
 * naming a structure outside it is refused.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AnalysisQueriesController {

    public record FilterInput(String planId, String orgUnitId, String workUnitId, String memberId, AnalysisStatus status,
                              String text) {
    }

    private final AnalysisQueries analyses;
    private final AnalysisSearch search;
    private final AccessPolicy access;

    public AnalysisQueriesController(AnalysisQueries analyses, AnalysisSearch search, AccessPolicy access) {
        this.analyses = analyses;
        this.search = search;
        this.access = access;
    }

    @QueryMapping
    public AnalysisView activityAnalysis(@Argument String id) {
        return access.readable(Permission.ANALYSIS_READ, "activityAnalysis", id("id", id), "the analysis",
                analyses::analysis, AnalysisView::orgUnitId).orElse(null);
    }

    /** A page of the analyses, by structure, work unit, member and id (keyset). */
    @QueryMapping
    public CountedConnection<AnalysisView> activityAnalyses(@Argument FilterInput filter, @Argument Integer first,
                                                            @Argument String after, DataFetchingFieldSelectionSet selection) {
        String operation = "activityAnalyses";
        int size = Inputs.pageSize("first", first);
        OrgScope scope = access.require(Permission.ANALYSIS_READ, operation);
        FilterInput f = filter == null ? new FilterInput(null, null, null, null, null, null) : filter;
        UUID orgUnitId = id("filter.orgUnitId", f.orgUnitId());
        if (orgUnitId != null) {
            access.requireOrgUnit(Permission.ANALYSIS_READ, operation, orgUnitId);
        }
        String text = Inputs.searchText("filter.text", f.text());
        AnalysisFilter query = new AnalysisFilter(id("filter.planId", f.planId()), orgUnitId, id("filter.workUnitId", f.workUnitId()),
                id("filter.memberId", f.memberId()), f.status() == null ? null : f.status().name(), text);
        List<UUID> matches = text == null || text.isBlank() ? null : search.matching(text);
        try {
            return CountedConnection.of(analyses.analyses(query, scope, matches, size, after), selection,
                    () -> analyses.count(query, scope, matches));
        } catch (InvalidCursor e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }

    /** The caller's own analyses: the member workflow (ANALYSIS_WRITE). */
    @QueryMapping
    public List<AnalysisView> myActivityAnalyses() {
        access.require(Permission.ANALYSIS_WRITE, "myActivityAnalyses");
        return analyses.analysesOf(access.caller().userId());
    }

    /** Anexa 4 offers only these: the activities of the last finalised edition. */
    @SchemaMapping(typeName = "ActivityAnalysis", field = "selectedActivities")
    public List<AnalysisView.NamedRef> selectedActivities(AnalysisView view) {
        return analyses.selectedActivities(view.planId(), view.memberUserId(), view.workUnitId());
    }

    @SchemaMapping(typeName = "ActivityAnalysis", field = "memberId")
    public UUID memberId(AnalysisView view) {
        return view.memberUserId();
    }
}
