package ro.marc.api.questionnaire;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.EditQuestionnaire;
import ro.marc.events.questionnaire.command.FinaliseQuestionnaireAnswer;
import ro.marc.events.questionnaire.command.SaveQuestionnaireAnswer;
import ro.marc.query.questionnaire.QuestionnaireQueries;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.questionnaire.QuestionnaireViews.VersionView;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Questionnaire mutations, one command each, authorised first. Central administrators edit the standard
 * questionnaire; everyone else with QUESTIONNAIRE_ANSWER answers only for themselves: the answer's id is derived
 * from the plan and the caller, and the command's respondent is the caller (its metadata), so there is no way to
 * name another. Whether the plan is the caller's structure's active plan and whether they are one of its
 * respondents is the command's rule. Every change returns once the read model shows it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class QuestionnaireMutations {

    public record QuestionInput(String id, String text, String help, AnswerKind kind) {
    }

    public record EditQuestionnaireInput(List<QuestionInput> questions, long expectedVersion) {
    }

    public record QuestionAnswerInput(String questionId, String text, Boolean yes) {
    }

    public record QuestionnaireAnswerInput(String planId, List<QuestionAnswerInput> answers, long expectedVersion) {
    }

    public record QuestionnairePayload(long version, VersionView questionnaire) {
    }

    public record QuestionnaireAnswerPayload(UUID id, long version, AnswerView answer) {
    }

    private final CommandSender commands;
    private final QuestionnaireQueries queries;
    private final AccessPolicy access;

    public QuestionnaireMutations(CommandSender commands, QuestionnaireQueries queries, AccessPolicy access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @MutationMapping
    public QuestionnairePayload editQuestionnaire(@Argument EditQuestionnaireInput input) {
        access.require(Permission.QUESTIONNAIRE_EDIT, "editQuestionnaire");
        if (input.questions() == null) {
            throw new InvalidInput("questions", "REQUIRED", "The questions are required");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < input.questions().size(); i++) {
            QuestionInput q = input.questions().get(i);
            questions.add(new Question(Inputs.idOrNew("questions[" + i + "].id", q.id()), q.text(), q.help(), q.kind()));
        }
        long version = commands.send(new EditQuestionnaire(QuestionnaireIds.STANDARD, questions, input.expectedVersion()));
        VersionView published = ReadYourWrites.awaitVersion(queries::current, VersionView::version, version);
        return new QuestionnairePayload(version, published);
    }

    @MutationMapping
    public QuestionnaireAnswerPayload saveQuestionnaireAnswer(@Argument QuestionnaireAnswerInput input) {
        return answer("saveQuestionnaireAnswer", input, false);
    }

    @MutationMapping
    public QuestionnaireAnswerPayload finaliseQuestionnaireAnswer(@Argument QuestionnaireAnswerInput input) {
        return answer("finaliseQuestionnaireAnswer", input, true);
    }

    private QuestionnaireAnswerPayload answer(String operation, QuestionnaireAnswerInput input, boolean finalise) {
        access.require(Permission.QUESTIONNAIRE_ANSWER, operation);
        UUID planId = Inputs.id("planId", input.planId());
        if (planId == null) {
            throw new InvalidInput("planId", "REQUIRED", "A plan id is required");
        }
        access.trail().touched(planId);
        UUID answerId = QuestionnaireIds.answerId(planId, access.caller().userId());
        List<AnswerItem> answers = items(input.answers());
        Object command = finalise
                ? new FinaliseQuestionnaireAnswer(answerId, planId, null, answers, input.expectedVersion())
                : new SaveQuestionnaireAnswer(answerId, planId, null, answers == null ? List.of() : answers, input.expectedVersion());
        long version;
        try {
            version = commands.send(command);
        } catch (CommandRejected rejected) {
            if (rejected.reason() != CommandRejected.Reason.FORBIDDEN) {
                throw rejected;
            }
            throw access.deny(operation, planId, rejected.getMessage());
        }
        AnswerView answer = ReadYourWrites.awaitVersion(() -> queries.answer(answerId), AnswerView::version, version);
        return new QuestionnaireAnswerPayload(answerId, version, answer);
    }

    private static List<AnswerItem> items(List<QuestionAnswerInput> given) {
        if (given == null) {
            return null;
        }
        List<AnswerItem> items = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            QuestionAnswerInput a = given.get(i);
            items.add(new AnswerItem(Inputs.id("answers[" + i + "].questionId", a.questionId()), a.text(), a.yes()));
        }
        return items;
    }
}
