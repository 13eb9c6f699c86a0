package ro.marc.api.assessment;

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
import ro.marc.api.document.DocumentAccess;
import ro.marc.api.document.DocumentQueriesController;
import ro.marc.api.graphql.Connection;
import ro.marc.api.incident.RiskIncidentsReader;
import ro.marc.api.incident.RiskIncidentsReader.LinkedIncidentOut;
import ro.marc.api.incident.RiskIncidentsReader.RiskIncidentsOut;
import ro.marc.command.incident.MaterialisedRisks;
import ro.marc.command.incident.MaterialisedRisks.Where;
import ro.marc.events.assessment.AssessmentSections;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.SectionReport;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskArithmetic;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.query.assessment.AssessmentFacets;
import ro.marc.query.assessment.AssessmentFilter;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.assessment.AssessmentSearch;
import ro.marc.query.assessment.AssessmentView;
import ro.marc.query.assessment.EvaluationEntry;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.document.OwnerKind;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static ro.marc.api.common.Inputs.id;

/**
 * Risk assessment (Anexa 4) reads: ASSESSMENT_READ over the assessment's structure (a member, head or counsellor
 * their own structure's; territorial administrators their counties'; the central counsellor below their structure;
 * central administrators and auditors all; risk owners none). Lists, counts and facets are filtered by that reach
 * inside the query; naming a structure outside it is refused. The numbers are shown as the command side computed them.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AssessmentQueriesController {

    /** Search words beyond this are refused (as the incidents' search). */
    static final int MAX_TEXT = 200;

    public record FilterInput(String text, List<String> planIds, List<String> orgUnitIds, List<String> workUnitIds,
                              List<String> activityIds, List<String> riskIds, List<String> memberIds, List<String> statuses,
                              List<RiskClass> classes, List<Integer> priorities, Boolean includeInactive) {
    }

    public record FacetCount(String value, String label, long count) {
    }

    public record Facets(long total, List<FacetCount> classes, List<FacetCount> priorities, List<FacetCount> statuses,
                         List<FacetCount> orgUnits, List<FacetCount> activities, List<FacetCount> risks) {
    }

    /** The list as GraphQL shows it; totalCount and facets are queries of their own, run only when selected. */
    public record AssessmentConnection(List<Connection.Edge<AssessmentView>> edges, Connection.PageInfo pageInfo,
                                       Long totalCount, Facets facets) {
    }

    public record NamedEntry(UUID id, String name) {
    }

    public record DescriptionOut(List<String> exposedPersonnel, List<String> controlWeaknesses, List<String> threatSources,
                                 List<String> cultureParticularities, List<NamedEntry> effects,
                                 List<NamedEntry> regulatoryCauses) {
    }

    public record ImpactOut(UUID dimensionId, String dimensionName, int importance, int score) {
    }

    public record EvaluationOut(int probability, List<ImpactOut> impacts, String globalImpact, String exposure, int priority,
                                RiskClass riskClass, String interventionTerm, int methodologyVersion) {
    }

    public record MeasureOut(UUID measureId, MeasureKind kind, String description, EffectivenessCriteria criteria,
                             MeasureEffectiveness effectiveness, String responsible, List<Indicator> indicators) {
    }

    public record ProbabilityConstraint(int lowestAllowed, List<Integer> allowedScores, Where where, String reason,
                                        int sameStructureCount, int otherStructuresCount, List<LinkedIncidentOut> incidents) {
    }

    public record HistoryEntryOut(int edition, EvaluationOut evaluation, int lowestAllowedProbability, String byUserId,
                                  String at) {
    }

    private final AssessmentQueries assessments;
    private final AssessmentSearch search;
    private final MaterialisedRisks materialisedRisks;
    private final RiskIncidentsReader riskIncidents;
    private final DocumentAccess documents;
    private final AccessPolicy access;

    public AssessmentQueriesController(AssessmentQueries assessments, AssessmentSearch search,
                                       MaterialisedRisks materialisedRisks, RiskIncidentsReader riskIncidents,
                                       DocumentAccess documents, AccessPolicy access) {
        this.assessments = assessments;
        this.search = search;
        this.materialisedRisks = materialisedRisks;
        this.riskIncidents = riskIncidents;
        this.documents = documents;
        this.access = access;
    }

    /**
     * An assessment the caller may read. Unknown: null for national readers; for the others (after a short wait for
     * one started a moment ago) refused like one outside their reach, so nobody learns which ids exist.
     */
    @QueryMapping
    public AssessmentView riskAssessment(@Argument String id) {
        return access.readable(Permission.ASSESSMENT_READ, "riskAssessment", id("id", id), "the assessment",
                assessments::assessment, AssessmentView::orgUnitId).orElse(null);
    }

    /** A page of the assessments within reach (keyset), with totalCount and facets over the whole list when selected. */
    @QueryMapping
    public AssessmentConnection riskAssessments(@Argument FilterInput filter, @Argument Integer first, @Argument String after,
                                                DataFetchingFieldSelectionSet selection) {
        String operation = "riskAssessments";
        int size = Inputs.pageSize("first", first);
        OrgScope scope = access.require(Permission.ASSESSMENT_READ, operation);
        FilterInput f = filter == null
                ? new FilterInput(null, null, null, null, null, null, null, null, null, null, false) : filter;
        Set<UUID> orgUnitIds = idSet("filter.orgUnitIds", f.orgUnitIds());
        for (UUID orgUnitId : orgUnitIds) {
            access.requireOrgUnit(Permission.ASSESSMENT_READ, operation, orgUnitId);
        }
        String text = Inputs.searchText("filter.text", f.text(), MAX_TEXT);
        AssessmentFilter query = new AssessmentFilter(text, idSet("filter.planIds", f.planIds()), orgUnitIds,
                idSet("filter.workUnitIds", f.workUnitIds()), idSet("filter.activityIds", f.activityIds()),
                idSet("filter.riskIds", f.riskIds()), idSet("filter.memberIds", f.memberIds()),
                f.statuses() == null ? Set.of() : Set.copyOf(f.statuses()), f.classes() == null ? null : Set.copyOf(f.classes()),
                f.priorities() == null ? null : Set.copyOf(f.priorities()), Boolean.TRUE.equals(f.includeInactive()));
        List<UUID> matches = text == null || text.isBlank() ? null : search.matching(text);
        Page<AssessmentView> page;
        try {
            page = assessments.assessments(query, scope, matches, size, after);
        } catch (InvalidCursor e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
        Connection<AssessmentView> connection = Connection.of(page);
        boolean counted = selection != null && (selection.contains("totalCount") || selection.contains("facets"));
        Facets facets = counted ? facets(assessments.facets(query, scope, matches)) : null;
        return new AssessmentConnection(connection.edges(), connection.pageInfo(), facets == null ? null : facets.total(), facets);
    }

    // ---------------------------------------------------------------- fields of RiskAssessment

    @SchemaMapping(typeName = "RiskAssessment", field = "memberId")
    public UUID memberId(AssessmentView view) {
        return view.memberUserId();
    }

    @SchemaMapping(typeName = "RiskAssessment", field = "description")
    public DescriptionOut description(AssessmentView view) {
        RiskDescription d = view.description() == null ? RiskDescription.empty() : view.description();
        return new DescriptionOut(d.exposedPersonnel(), d.controlWeaknesses(), d.threatSources(), d.cultureParticularities(),
                named(d.effectIds(), view.names()), named(d.regulatoryCauseIds(), view.names()));
    }

    @SchemaMapping(typeName = "RiskAssessment", field = "evaluation")
    public EvaluationOut evaluation(AssessmentView view) {
        return evaluation(view.evaluation(), view.names());
    }

    @SchemaMapping(typeName = "RiskAssessment", field = "measures")
    public List<MeasureOut> measures(AssessmentView view) {
        return view.measures().stream().map(m -> new MeasureOut(m.measureId(), m.kind(), m.description(), m.criteria(),
                view.effectiveness().get(m.measureId()), m.responsible(), m.indicators())).toList();
    }

    /** A401: the same rule finalisation applies, with today's incident floor. */
    @SchemaMapping(typeName = "RiskAssessment", field = "sections")
    public List<SectionReport> sections(AssessmentView view) {
        return reports(view);
    }

    @SchemaMapping(typeName = "RiskAssessment", field = "complete")
    public boolean complete(AssessmentView view) {
        return AssessmentSections.complete(reports(view));
    }

    /** UCA 63: the scores allowed now, why, and the incidents behind it (those the caller may read listed). */
    @SchemaMapping(typeName = "RiskAssessment", field = "probabilityConstraint")
    public ProbabilityConstraint probabilityConstraint(AssessmentView view) {
        RiskIncidentsOut incidents = riskIncidents.read(view.riskId(), view.orgUnitId());
        int lowest = incidents.lowestAllowedProbability();
        String reason = switch (incidents.where()) {
            case SAME_STRUCTURE -> "The risk materialised in this structure (" + incidents.sameStructureCount()
                    + " linked incident(s)): only scores " + lowest + "–" + RiskArithmetic.MAX_SCORE + " are allowed";
            case OTHER_STRUCTURES -> "The risk materialised in other structures (" + incidents.otherStructuresCount()
                    + " linked incident(s)): scores below " + lowest + " are refused";
            case NONE -> "No integrity incident is linked to the risk: every score is allowed";
        };
        return new ProbabilityConstraint(lowest, IntStream.rangeClosed(lowest, RiskArithmetic.MAX_SCORE).boxed().toList(),
                incidents.where(), reason, incidents.sameStructureCount(), incidents.otherStructuresCount(),
                incidents.incidents());
    }

    @SchemaMapping(typeName = "RiskAssessment", field = "history")
    public List<HistoryEntryOut> history(AssessmentView view) {
        return assessments.history(view.id()).stream().map(AssessmentQueriesController::historyEntry).toList();
    }

    /** The Anexa 4 PDF of every finalised edition, newest first (the documents' own reach rule: ASSESSMENT_READ). */
    @SchemaMapping(typeName = "RiskAssessment", field = "editions")
    public List<DocumentQueriesController.StoredDocumentView> editions(AssessmentView view) {
        return documents.documentsOf(OwnerKind.ASSESSMENT, view.id(), "riskAssessment").stream()
                .map(DocumentQueriesController.StoredDocumentView::of).toList();
    }

    // ---------------------------------------------------------------- helpers

    private List<SectionReport> reports(AssessmentView view) {
        int floor = materialisedRisks.incidentsFor(view.riskId(), view.orgUnitId()).lowestAllowedProbability();
        RiskDescription description = view.description() == null ? RiskDescription.empty() : view.description();
        return AssessmentSections.check(description, view.evaluation(), view.measures(), floor);
    }

    private static HistoryEntryOut historyEntry(EvaluationEntry entry) {
        return new HistoryEntryOut(entry.edition(), evaluation(entry.evaluation(), entry.dimensionNames()),
                entry.lowestAllowedProbability(), entry.byUserId(), entry.at().toString());
    }

    private static EvaluationOut evaluation(RiskEvaluation e, Map<UUID, String> names) {
        if (e == null) {
            return null;
        }
        return new EvaluationOut(e.probability(), e.impacts().stream()
                .map(i -> new ImpactOut(i.dimensionId(), names.get(i.dimensionId()), i.importance(), i.score())).toList(),
                e.globalImpact().toPlainString(), e.exposure().toPlainString(), e.priority(), e.riskClass(),
                e.interventionTerm(), e.methodologyVersion());
    }

    private static List<NamedEntry> named(List<UUID> ids, Map<UUID, String> names) {
        return ids.stream().map(id -> new NamedEntry(id, names.get(id))).toList();
    }

    private static Facets facets(AssessmentFacets f) {
        return new Facets(f.total(), counts(f.byClass()), counts(f.byPriority()), counts(f.byStatus()),
                counts(f.byOrgUnit()), counts(f.byActivity()), counts(f.byRisk()));
    }

    private static List<FacetCount> counts(List<AssessmentFacets.Bucket> buckets) {
        return buckets.stream().map(b -> new FacetCount(b.key(), b.label(), b.count())).toList();
    }

    private static Set<UUID> idSet(String field, List<String> values) {
        return new HashSet<>(Inputs.ids(field, values));
    }
}
