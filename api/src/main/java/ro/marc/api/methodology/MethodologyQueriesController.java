package ro.marc.api.methodology;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.methodology.MethodologyInputs.MethodologyTablesInput;
import ro.marc.command.methodology.MethodologyRules;
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.ScaleLevel;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.assessment.DryRunResult;
import ro.marc.query.methodology.MethodologyQueries;
import ro.marc.query.methodology.MethodologyVersionView;

import java.util.List;

/**
 * The methodology's reads (UCA 75–77: every role, METHODOLOGY_READ) and the dry run of a candidate version (central
 * administrators, METHODOLOGY_EDIT): the candidate is checked as publishing would check it, then the current
 * assessments' exposures are banded again by it ({@link AssessmentQueries#dryRun}); nothing is changed.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class MethodologyQueriesController {

    private final MethodologyQueries queries;
    private final AssessmentQueries assessments;
    private final AccessPolicy access;

    public MethodologyQueriesController(MethodologyQueries queries, AssessmentQueries assessments, AccessPolicy access) {
        this.queries = queries;
        this.assessments = assessments;
        this.access = access;
    }

    @QueryMapping
    public MethodologyVersionView methodology(@Argument Integer version) {
        access.require(Permission.METHODOLOGY_READ, "methodology");
        return (version == null ? queries.current() : queries.version(version)).orElse(null);
    }

    @QueryMapping
    public List<MethodologyVersionView> methodologyVersions() {
        access.require(Permission.METHODOLOGY_READ, "methodologyVersions");
        return queries.versions();
    }

    @QueryMapping
    public DryRunResult methodologyDryRun(@Argument MethodologyTablesInput input) {
        access.require(Permission.METHODOLOGY_EDIT, "methodologyDryRun");
        return assessments.dryRun(MethodologyRules.publishable(input.content()));
    }

    @SchemaMapping(typeName = "MethodologyVersion")
    public List<ScaleLevel> probabilityScale(MethodologyVersionView version) {
        return version.content().probabilityScale();
    }

    @SchemaMapping(typeName = "MethodologyVersion")
    public List<ScaleLevel> impactScale(MethodologyVersionView version) {
        return version.content().impactScale();
    }

    @SchemaMapping(typeName = "MethodologyVersion")
    public List<EffectivenessBand> effectivenessGrid(MethodologyVersionView version) {
        return version.content().effectivenessGrid();
    }

    @SchemaMapping(typeName = "MethodologyVersion")
    public List<PriorityBand> priorityBands(MethodologyVersionView version) {
        return version.content().priorityBands();
    }

    /** Two decimals, never an exponent. */
    @SchemaMapping(typeName = "PriorityBand")
    public String minExposure(PriorityBand band) {
        return band.minExposure().toPlainString();
    }

    @SchemaMapping(typeName = "MethodologyDryRunChange")
    public String exposure(DryRunResult.Change change) {
        return change.exposure().toPlainString();
    }
}
