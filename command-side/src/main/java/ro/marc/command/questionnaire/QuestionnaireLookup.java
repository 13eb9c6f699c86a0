package ro.marc.command.questionnaire;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.event.QuestionnairePublished;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's lookup of the standard questionnaire's published versions
 * ({@code questionnaire_question_lookup}: one row per question of each version). A {@link CommandLookup}
 * kept by {@link CommandLookups} in the transaction of every {@link QuestionnairePublished}, so an answer
 * started right after a publication answers the new version, on every node.
 */
@Component
public class QuestionnaireLookup implements CommandLookup, QuestionnaireVersions {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "questionnaire_question_lookup";

    private final JdbcClient jdbc;

    public QuestionnaireLookup(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<PublishedVersion> current() {
        return jdbc.sql("SELECT max(version) FROM questionnaire_question_lookup").query(Integer.class).optional()
                .flatMap(this::version);
    }

    @Override
    public Optional<PublishedVersion> version(int version) {
        List<Question> questions = jdbc.sql("""
                        SELECT question_id, text, help, kind FROM questionnaire_question_lookup
                         WHERE version = ? ORDER BY position""")
                .param(version)
                .query((rs, n) -> new Question(rs.getObject("question_id", UUID.class), rs.getString("text"),
                        rs.getString("help"), AnswerKind.valueOf(rs.getString("kind"))))
                .list();
        return questions.isEmpty() ? Optional.empty() : Optional.of(new PublishedVersion(version, questions));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == QuestionnairePublished.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof QuestionnairePublished published)) {
            return;
        }
        List<Question> questions = published.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            jdbc.sql("""
                            INSERT INTO questionnaire_question_lookup (version, position, question_id, text, help, kind)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (version, position) DO NOTHING""")
                    .params(published.version(), i, q.questionId(), q.text(), q.help(), q.kind().name()).update();
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM questionnaire_question_lookup").update();
    }
}
