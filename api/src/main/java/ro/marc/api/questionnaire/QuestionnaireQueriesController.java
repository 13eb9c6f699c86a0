package ro.marc.api.questionnaire;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.graphql.CountedConnection;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.questionnaire.QuestionnaireQueries;
import ro.marc.query.questionnaire.QuestionnaireSearch;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.questionnaire.QuestionnaireViews.VersionView;

import java.util.*;

/**
 * Questionnaire reads: the standard questionnaire (everyone with QUESTIONNAIRE_READ), one's own answer
 * (QUESTIONNAIRE_ANSWER: only ever the caller's, there is no argument naming another respondent) and the
 * answers of a structure and below (QUESTIONNAIRE_ANSWERS_READ, filtered by the caller's reach in SQL).
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class QuestionnaireQueriesController {

    private final QuestionnaireQueries queries;
    private final QuestionnaireSearch search;
    private final AccessPolicy access;

    public QuestionnaireQueriesController(QuestionnaireQueries queries, QuestionnaireSearch search, AccessPolicy access) {
        this.queries = queries;
        this.search = search;
        this.access = access;
    }

    @QueryMapping
    public VersionView questionnaire() {
        access.require(Permission.QUESTIONNAIRE_READ, "questionnaire");
        return queries.current().orElse(null);
    }

    @QueryMapping
    public List<VersionView> questionnaireVersions() {
        access.require(Permission.QUESTIONNAIRE_READ, "questionnaireVersions");
        return queries.versions();
    }

    @QueryMapping
    public AnswerView myQuestionnaireAnswer(@Argument String planId) {
        access.require(Permission.QUESTIONNAIRE_ANSWER, "myQuestionnaireAnswer");
        UUID plan = Inputs.id("planId", planId);
        access.trail().touched(plan);
        return queries.answerOf(plan, access.caller().userId()).orElse(null);
    }

    /**
     * A page of the answers: by structure and respondent (keyset), or, with {@code text}, in the search's
     * relevance order (at most {@link QuestionnaireSearch#MAX_HITS} hits, paged by position).
     */
    @QueryMapping
    public CountedConnection<AnswerView> questionnaireAnswers(@Argument String orgUnitId, @Argument Boolean includeBelow,
                                                              @Argument String planId, @Argument String text,
                                                              @Argument Integer first, @Argument String after,
                                                              DataFetchingFieldSelectionSet selection) {
        UUID unit = Inputs.id("orgUnitId", orgUnitId);
        UUID plan = Inputs.id("planId", planId);
        String words = Inputs.searchText("text", text);
        int size = Inputs.pageSize("first", first);
        OrgUnitView view = access.requireOrgUnit(Permission.QUESTIONNAIRE_ANSWERS_READ, "questionnaireAnswers", unit);
        if (view == null) {
            return CountedConnection.empty();
        }
        boolean below = !Boolean.FALSE.equals(includeBelow);
        OrgScope scope = access.scope(Permission.QUESTIONNAIRE_ANSWERS_READ);
        List<UUID> hits = words == null || words.isBlank() ? null : search.search(words, plan);
        try {
            return CountedConnection.of(queries.answersPage(unit, below, plan, hits, scope, size, after), selection,
                    () -> queries.countAnswers(unit, below, plan, hits, scope));
        } catch (InvalidCursor e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }
}
