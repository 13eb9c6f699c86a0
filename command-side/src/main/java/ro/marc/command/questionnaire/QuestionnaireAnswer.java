package ro.marc.command.questionnaire;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.command.questionnaire.QuestionnaireVersions.PublishedVersion;
import ro.marc.events.access.Role;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.FinaliseQuestionnaireAnswer;
import ro.marc.events.questionnaire.command.SaveQuestionnaireAnswer;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerDraftSaved;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;

import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One respondent's answer to the management questionnaire (Anexa 2, UCA 86) under one plan: the id is
 * {@link QuestionnaireIds#answerId}(plan, respondent), so each answers once per plan with no lookup and no
 * race. Saved as a draft any number of times (partial answers allowed), then finalised: irreversible, every
 * command afterwards is refused with FINALISED. The answer keeps the questionnaire version current when it
 * started ({@link QuestionnaireVersions}).
 *
 * <p>The respondent is the caller (metadata {@code userId}): a member never answers for another. Only MARC
 * itself ({@code "system"}, demo data) names the respondent. The respondent's structure must have this plan
 * as its active plan ({@link ActivePlans}: NO_ACTIVE_PLAN otherwise), and the respondent must be one of its
 * members or the structure's working-group head, integrity counsellor or risk owner (G04), decided from the
 * account lookup ({@link AccountDirectory}).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class QuestionnaireAnswer {

    public static final int MAX_ANSWER_LENGTH = 4000;
    static final String SYSTEM = "system";
    private static final Role[] STRUCTURE_RESPONDENTS = {Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR, Role.RISK_OWNER};

    @AggregateIdentifier
    private String id;
    private UUID answerId;
    private UUID respondentUserId;
    private int questionnaireVersion;
    private List<AnswerItem> answers = List.of();
    private boolean finalised;

    protected QuestionnaireAnswer() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SaveQuestionnaireAnswer command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       AccountDirectory accounts, OrgFacts org, QuestionnaireVersions questionnaire) {
        Context context = decide(command.answerId(), command.planId(), command.respondentUserId(), command.expectedVersion(),
                userId, plans, accounts, questionnaire);
        List<AnswerItem> asked = answers(command.answers(), context.version());
        if (!exists() || !asked.equals(answers)) {
            apply(saved(context, asked, org));
        }
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FinaliseQuestionnaireAnswer command, @MetaDataValue("userId") String userId, ActivePlans plans,
                       AccountDirectory accounts, OrgFacts org, QuestionnaireVersions questionnaire) {
        Context context = decide(command.answerId(), command.planId(), command.respondentUserId(), command.expectedVersion(),
                userId, plans, accounts, questionnaire);
        List<AnswerItem> finalAnswers = command.answers() == null ? answers : answers(command.answers(), context.version());
        requireComplete(finalAnswers, context.version());
        if (!exists() || !finalAnswers.equals(answers)) {
            apply(saved(context, finalAnswers, org));
        }
        apply(new QuestionnaireAnswerFinalised(command.answerId(), context.plan().planId(), context.plan().orgUnitId(),
                context.respondent().userId(), context.respondent().displayName(), context.version().version()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    /** What a command decided on: the plan, the respondent and the questionnaire version answered. */
    private record Context(PlanFact plan, AccountFact respondent, PublishedVersion version) {
    }

    private Context decide(UUID commandAnswerId, UUID planId, UUID namedRespondent, long expectedVersion, String userId,
                           ActivePlans plans, AccountDirectory accounts, QuestionnaireVersions questionnaire) {
        if (planId == null) {
            throw CommandRejected.invalid("planId", "REQUIRED", "A plan id is required");
        }
        UUID respondent = respondent(userId, namedRespondent);
        if (commandAnswerId == null) {
            throw CommandRejected.invalid("answerId", "REQUIRED", "An answer id is required");
        }
        if (!commandAnswerId.equals(QuestionnaireIds.answerId(planId, respondent))) {
            throw CommandRejected.invalid("answerId", "ANSWER_ID_MISMATCH",
                    "The answer id " + commandAnswerId + " is not the answer of this respondent under plan " + planId);
        }
        if (finalised) {
            throw CommandRejected.invalid("answerId", "FINALISED", "This answer was finalised: it can no longer be changed");
        }
        if (!exists()) {
            Creations.requireUnused("answerId", commandAnswerId, "Questionnaire answer");
        }
        Versions.require("Questionnaire answer", commandAnswerId, expectedVersion);
        PlanFact plan = plans.plan(planId).orElseThrow(() -> CommandRejected.notFound("planId", planId, "Plan"));
        AccountFact account = accounts.account(respondent)
                .orElseThrow(() -> CommandRejected.notFound("respondentUserId", respondent, "User account"));
        if (!plan.orgUnitId().equals(account.orgUnitId())) {
            throw CommandRejected.forbidden("planId", "OTHER_STRUCTURE", planId,
                    "Plan " + planId + " is the plan of another structure than that of '" + account.displayName() + "'");
        }
        if (!plan.active()) {
            throw CommandRejected.invalid("planId", "NO_ACTIVE_PLAN", "The questionnaire is answered only under the "
                    + "structure's active plan; plan '" + plan.purpose() + "' is " + plan.status().name().toLowerCase(Locale.ROOT));
        }
        if (!account.active()) {
            throw CommandRejected.invalid("respondentUserId", "USER_INACTIVE", "The account of '" + account.displayName() + "' is deactivated");
        }
        if (plan.member(respondent).isEmpty() && !account.holdsAny(STRUCTURE_RESPONDENTS)) {
            throw CommandRejected.forbidden("respondentUserId", "NOT_A_RESPONDENT", respondent, "'" + account.displayName()
                    + "' is neither a member of the plan nor the structure's head, integrity counsellor or risk owner");
        }
        PublishedVersion version = (exists() ? questionnaire.version(questionnaireVersion) : questionnaire.current())
                .orElseThrow(() -> CommandRejected.invalid("questionnaireVersion", "NO_QUESTIONNAIRE",
                        "The standard questionnaire has not been published"));
        return new Context(plan, account, version);
    }

    /** The caller; MARC itself names the respondent, anyone else answers only for themselves. */
    private static UUID respondent(String userId, UUID named) {
        if (SYSTEM.equals(userId)) {
            if (named == null) {
                throw CommandRejected.invalid("respondentUserId", "REQUIRED", "A respondent is required");
            }
            return named;
        }
        UUID caller;
        try {
            caller = userId == null ? null : UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            caller = null;
        }
        if (caller == null) {
            throw CommandRejected.forbidden("respondentUserId", "NO_CALLER", String.valueOf(userId), "Only a MARC account answers the questionnaire");
        }
        if (named != null && !named.equals(caller)) {
            throw CommandRejected.forbidden("respondentUserId", "NOT_OWN_ANSWER", named, "Each respondent answers only for themselves");
        }
        return caller;
    }

    /**
     * The answers cleaned and in the order of the questions; empty answers left out. Faults named by their
     * field: {@code answers[2].questionId} UNKNOWN_QUESTION (not in the answered version), DUPLICATE_QUESTION;
     * {@code answers[2].yes} NOT_YES_NO; {@code answers[2].text} TOO_LONG.
     */
    static List<AnswerItem> answers(List<AnswerItem> given, PublishedVersion version) {
        if (given == null) {
            return List.of();
        }
        Map<UUID, Question> questions = new LinkedHashMap<>();
        version.questions().forEach(q -> questions.put(q.questionId(), q));
        Map<UUID, AnswerItem> byQuestion = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            AnswerItem item = given.get(i);
            String at = "answers[" + i + "]";
            if (item == null || item.questionId() == null) {
                throw CommandRejected.invalid(at + ".questionId", "REQUIRED", "Answer " + (i + 1) + " names no question");
            }
            Question question = questions.get(item.questionId());
            if (question == null) {
                throw CommandRejected.invalid(at + ".questionId", "UNKNOWN_QUESTION", "Question " + item.questionId()
                        + " is not part of version " + version.version() + " of the questionnaire");
            }
            if (byQuestion.containsKey(item.questionId())) {
                throw CommandRejected.invalid(at + ".questionId", "DUPLICATE_QUESTION",
                        "Question " + item.questionId() + " is answered twice");
            }
            if (item.yes() != null && question.kind() != AnswerKind.YES_NO) {
                throw CommandRejected.invalid(at + ".yes", "NOT_YES_NO", "Question " + item.questionId() + " is answered with a text");
            }
            String text = Texts.optional(at + ".text", item.text(), MAX_ANSWER_LENGTH);
            byQuestion.put(item.questionId(), new AnswerItem(item.questionId(), text, item.yes()));
        }
        List<AnswerItem> ordered = new ArrayList<>();
        for (UUID questionId : questions.keySet()) {
            AnswerItem item = byQuestion.get(questionId);
            if (item != null && (item.text() != null || item.yes() != null)) {
                ordered.add(item);
            }
        }
        return List.copyOf(ordered);
    }

    /** A final answer answers every question: a text, or yes/no. */
    static void requireComplete(List<AnswerItem> items, PublishedVersion version) {
        Map<UUID, AnswerItem> byQuestion = new HashMap<>();
        items.forEach(a -> byQuestion.put(a.questionId(), a));
        for (int i = 0; i < version.questions().size(); i++) {
            Question question = version.questions().get(i);
            AnswerItem item = byQuestion.get(question.questionId());
            boolean answered = item != null && (question.kind() == AnswerKind.YES_NO ? item.yes() != null : item.text() != null);
            if (!answered) {
                throw CommandRejected.invalid("answers", "UNANSWERED", "Question " + (i + 1) + " is not answered: "
                        + question.text());
            }
        }
    }

    private QuestionnaireAnswerDraftSaved saved(Context context, List<AnswerItem> items, OrgFacts org) {
        UUID orgUnitId = context.plan().orgUnitId();
        String orgUnitName = org.orgUnit(orgUnitId).map(OrgFacts.OrgUnitFact::name).orElse(null);
        return new QuestionnaireAnswerDraftSaved(QuestionnaireIds.answerId(context.plan().planId(), context.respondent().userId()),
                context.plan().planId(), orgUnitId, orgUnitName, context.respondent().userId(), context.respondent().displayName(),
                context.version().version(), items);
    }

    private boolean exists() {
        return answerId != null;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(QuestionnaireAnswerDraftSaved event) {
        id = event.answerId().toString();
        answerId = event.answerId();
        respondentUserId = event.respondentUserId();
        questionnaireVersion = event.questionnaireVersion();
        answers = event.answers() == null ? List.of() : List.copyOf(event.answers());
    }

    @EventSourcingHandler
    void on(QuestionnaireAnswerFinalised event) {
        finalised = true;
    }
}
