package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.questionnaire.QuestionnaireVersions;
import ro.marc.command.questionnaire.QuestionnaireVersions.PublishedVersion;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.FinaliseQuestionnaireAnswer;
import ro.marc.events.questionnaire.command.SaveQuestionnaireAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Demo answers to the management questionnaire (Anexa 2) under the IPJ Cluj demo plan, after the demo plans:
 * member.cluj's answer, finalised, and head.cluj's, a draft. Sent as commands by MARC itself, naming the
 * respondent; each is sent only while its answer does not exist (the answer id is derived from plan and
 * respondent), so the step runs once. Nothing is done while the Cluj plan is not active or the standard
 * questionnaire is not published.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoQuestionnaire {

    public static final UUID CLUJ_PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");

    private static final Logger log = LoggerFactory.getLogger(DemoQuestionnaire.class);

    private final EventStore eventStore;
    private final CommandSender commands;
    private final ActivePlans plans;
    private final QuestionnaireVersions questionnaire;

    public DemoQuestionnaire(EventStore eventStore, CommandSender commands, ActivePlans plans, QuestionnaireVersions questionnaire) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.plans = plans;
        this.questionnaire = questionnaire;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        if (plans.plan(CLUJ_PLAN).filter(ActivePlans.PlanFact::active).isEmpty() || questionnaire.current().isEmpty()) {
            log.info("Demo questionnaire answers skipped: no active IPJ Cluj demo plan or no published questionnaire");
            return;
        }
        PublishedVersion version = questionnaire.current().get();
        int sent = 0;
        UUID member = DemoAccess.userId("member.cluj");
        UUID memberAnswer = QuestionnaireIds.answerId(CLUJ_PLAN, member);
        if (missing(memberAnswer)) {
            commands.sendAsSystemOnce(new FinaliseQuestionnaireAnswer(memberAnswer, CLUJ_PLAN, member, memberAnswers(version), 0),
                    () -> !missing(memberAnswer));
            sent++;
        }
        UUID head = DemoAccess.userId("head.cluj");
        UUID headAnswer = QuestionnaireIds.answerId(CLUJ_PLAN, head);
        if (missing(headAnswer)) {
            commands.sendAsSystemOnce(new SaveQuestionnaireAnswer(headAnswer, CLUJ_PLAN, head, headAnswers(version), 0),
                    () -> !missing(headAnswer));
            sent++;
        }
        if (sent > 0) {
            log.info("Demo questionnaire answers seeded: {}", sent);
        }
    }

    private boolean missing(UUID answerId) {
        return eventStore.lastSequenceNumberFor(answerId.toString()).isEmpty();
    }

    /** Every question answered: texts about traffic police and public order, "Da"/"Nu" for the yes/no ones. */
    static List<AnswerItem> memberAnswers(PublishedVersion version) {
        List<String> texts = List.of(
                "Examinarea candidaților pentru permisul de conducere și înmatricularea vehiculelor; constatarea contravențiilor rutiere în trafic.",
                "Contactul direct și nesupravegheat cu cetățenii, volumul mare de lucrări și salarizarea percepută ca insuficientă.",
                "O tentativă de oferire a unei sume de bani unui agent rutier, refuzată și sesizată la DGA.",
                "Parțial: lipsesc proceduri scrise pentru verificarea documentelor la ghișeu.",
                "Da, o sesiune organizată de DGA în luna martie.",
                "Uneori, din partea unor firme de transport care solicită soluționarea rapidă a unor cereri.",
                "Rotația personalului la ghișee și înregistrarea audio-video a examenelor auto.",
                "Bun, pe baza lipsei sesizărilor întemeiate și a rezultatelor controalelor interne.",
                "Extinderea camerelor de supraveghere și instruiri anuale privind conflictul de interese.");
        List<AnswerItem> answers = new ArrayList<>();
        List<Question> questions = version.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String text = texts.get(i % texts.size());
            answers.add(q.kind() == AnswerKind.YES_NO ? new AnswerItem(q.questionId(), text, i % 2 == 0)
                    : new AnswerItem(q.questionId(), text, null));
        }
        return answers;
    }

    /** A draft: the first two questions answered. */
    static List<AnswerItem> headAnswers(PublishedVersion version) {
        List<Question> questions = version.questions();
        List<AnswerItem> answers = new ArrayList<>();
        answers.add(new AnswerItem(questions.getFirst().questionId(),
                "Achizițiile publice de echipamente și carburanți; gestionarea dosarelor penale în faza de cercetare.", null));
        if (questions.size() > 1) {
            Question second = questions.get(1);
            answers.add(second.kind() == AnswerKind.YES_NO ? new AnswerItem(second.questionId(), null, false)
                    : new AnswerItem(second.questionId(), "Control ierarhic insuficient în schimburile de noapte.", null));
        }
        return answers;
    }
}
