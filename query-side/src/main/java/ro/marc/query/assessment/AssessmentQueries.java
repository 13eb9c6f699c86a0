package ro.marc.query.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the assessment read model (tables {@code risk_assessment...}). Lists and facets filter by the caller's
 * reach ({@link OrgScope} over the assessment's structure) inside the SQL, so pages and counts hold only what the
 * caller may see.
 */
public class AssessmentQueries {

    private final JdbcClient jdbc;

    public AssessmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssessmentView> assessment(UUID id) {
        throw new UnsupportedOperationException("H3");
    }

    /**
     * A page of assessments, newest change first (then id). {@code textMatches}: null when the filter has no text,
     * else the ids {@link AssessmentSearch} matched (only those are listed).
     */
    public Page<AssessmentView> assessments(AssessmentFilter filter, OrgScope scope, Collection<UUID> textMatches,
                                            int first, String after) {
        throw new UnsupportedOperationException("H3");
    }

    /** The facets of the same selection as {@link #assessments} (all pages). */
    public AssessmentFacets facets(AssessmentFilter filter, OrgScope scope, Collection<UUID> textMatches) {
        throw new UnsupportedOperationException("H3");
    }

    /** UCA 69: every evaluation of the assessment, oldest first, across editions. */
    public List<EvaluationEntry> history(UUID assessmentId) {
        throw new UnsupportedOperationException("H3");
    }

    /** The dry run of a candidate methodology over the current (active, evaluated) assessments. */
    public DryRunResult dryRun(MethodologyContent candidate) {
        throw new UnsupportedOperationException("H3");
    }
}
