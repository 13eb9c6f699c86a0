package ro.marc.command.questionnaire;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.EditQuestionnaire;
import ro.marc.events.questionnaire.event.QuestionnairePublished;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The standard management questionnaire (Anexa 2, UCA 85): one aggregate with the well-known id
 * {@link QuestionnaireIds#STANDARD}, kept by central administrators. Every edit (questions added, edited,
 * removed, reordered) publishes a new version; answers keep the version they answered. Its version is
 * its own sequence number + 1 ({@link Versions}), which is also the questionnaire version published (every
 * event is a publication).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class StandardQuestionnaire {

    public static final int MAX_QUESTIONS = 100;
    public static final int MAX_QUESTION_LENGTH = 1000;
    public static final int MAX_HELP_LENGTH = 2000;

    @AggregateIdentifier
    private String id;
    private UUID questionnaireId;
    private int version;
    private List<Question> questions = List.of();

    protected StandardQuestionnaire() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EditQuestionnaire command) {
        if (command.questionnaireId() == null) {
            throw CommandRejected.invalid("questionnaireId", "REQUIRED", "A questionnaire id is required");
        }
        if (!QuestionnaireIds.STANDARD.equals(command.questionnaireId())) {
            throw CommandRejected.notFound("questionnaireId", command.questionnaireId(), "Questionnaire");
        }
        if (questionnaireId == null) {
            Creations.requireUnused("questionnaireId", command.questionnaireId(), "Questionnaire");
        }
        Versions.require("Questionnaire", command.questionnaireId(), command.expectedVersion());
        List<Question> asked = questions(command.questions());
        if (asked.equals(questions)) {
            throw CommandRejected.invalid("questions", "NO_CHANGE", "The questions are those of version " + version);
        }
        apply(new QuestionnairePublished(command.questionnaireId(), version + 1, asked));
        return Versions.current();
    }

    /** The questions cleaned, or the first fault named by its field ({@code questions[2].text}). */
    static List<Question> questions(List<Question> given) {
        if (given == null || given.isEmpty()) {
            throw CommandRejected.invalid("questions", "REQUIRED", "A questionnaire has at least one question");
        }
        if (given.size() > MAX_QUESTIONS) {
            throw CommandRejected.invalid("questions", "TOO_MANY",
                    "A questionnaire has at most " + MAX_QUESTIONS + " questions; " + given.size() + " were given");
        }
        List<Question> cleaned = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Question q = given.get(i);
            String at = "questions[" + i + "]";
            if (q == null || q.questionId() == null) {
                throw CommandRejected.invalid(at + ".questionId", "REQUIRED", "Question " + (i + 1) + " has no id");
            }
            if (!seen.add(q.questionId())) {
                throw CommandRejected.invalid(at + ".questionId", "DUPLICATE_QUESTION",
                        "Question " + (i + 1) + " repeats the id " + q.questionId());
            }
            String text = Texts.optional(at + ".text", q.text(), MAX_QUESTION_LENGTH);
            if (text == null) {
                throw CommandRejected.invalid(at + ".text", "REQUIRED", "Question " + (i + 1) + " has no text");
            }
            String help = Texts.optional(at + ".help", q.help(), MAX_HELP_LENGTH);
            AnswerKind kind = q.kind() == null ? AnswerKind.TEXT : q.kind();
            cleaned.add(new Question(q.questionId(), text, help, kind));
        }
        return List.copyOf(cleaned);
    }

    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(QuestionnairePublished event) {
        id = event.questionnaireId().toString();
        questionnaireId = event.questionnaireId();
        version = event.version();
        questions = event.questions();
    }
}
