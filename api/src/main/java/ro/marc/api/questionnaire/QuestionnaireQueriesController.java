package ro.marc.api.questionnaire;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
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

    @QueryMapping
    public List<AnswerView> questionnaireAnswers(@Argument String orgUnitId, @Argument Boolean includeBelow,
                                                 @Argument String planId, @Argument String text) {
        UUID unit = Inputs.id("orgUnitId", orgUnitId);
        UUID plan = Inputs.id("planId", planId);
        String words = Inputs.searchText("text", text);
        OrgUnitView view = access.requireOrgUnit(Permission.QUESTIONNAIRE_ANSWERS_READ, "questionnaireAnswers", unit);
        if (view == null) {
            return List.of();
        }
        List<AnswerView> answers = queries.answersOf(unit, !Boolean.FALSE.equals(includeBelow), plan,
                access.scope(Permission.QUESTIONNAIRE_ANSWERS_READ));
        if (words == null || words.isBlank()) {
            return answers;
        }
        List<UUID> hits = search.search(words, plan);
        Map<UUID, AnswerView> byId = new HashMap<>();
        answers.forEach(a -> byId.put(a.id(), a));
        return hits.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
