package ro.marc.query.questionnaire;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerDraftSaved;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;
import ro.marc.events.questionnaire.event.QuestionnairePublished;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;

import java.time.Instant;
import java.util.List;

/**
 * Projects the management questionnaire (Anexa 2) into PostgreSQL (questionnaire_version,
 * questionnaire_question, questionnaire_answer, questionnaire_answer_item), from its own events only.
 * Each answer is its own aggregate: every statement on it is guarded by its {@code last_event_seq}, so an
 * event delivered twice or late changes nothing. Versions of the questionnaire are written once.
 */
@Component
@ProcessingGroup(QuestionnaireReadModelProjection.PROCESSING_GROUP)
public class QuestionnaireReadModelProjection {

    public static final String PROCESSING_GROUP = "questionnaire-postgres";

    private final JdbcClient jdbc;

    public QuestionnaireReadModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QuestionnairePublished event, @Timestamp Instant at, @MetaDataValue("userId") String byUserId) {
        int inserted = jdbc.sql("""
                        INSERT INTO questionnaire_version (version, published_at, published_by) VALUES (?, ?, ?)
                        ON CONFLICT (version) DO NOTHING""")
                .params(event.version(), Sql.timestamp(at), byUserId).update();
        if (inserted == 0) {
            return;
        }
        List<Question> questions = event.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            jdbc.sql("""
                            INSERT INTO questionnaire_question (version, position, question_id, text, help, kind)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(event.version(), i, q.questionId(), q.text(), q.help(), q.kind().name()).update();
        }
    }

    @EventHandler
    void on(QuestionnaireAnswerDraftSaved event, @SequenceNumber long seq, @Timestamp Instant at) {
        int changed = jdbc.sql("""
                        INSERT INTO questionnaire_answer (id, plan_id, org_unit_id, org_unit_name, respondent_user_id,
                                                          respondent_name, questionnaire_version, status, version,
                                                          last_event_seq, started_at, updated_at)
                        VALUES (:id, :plan, :orgUnit, :orgUnitName, :respondent, :respondentName, :qv, 'DRAFT', :version,
                                :seq, :at, :at)
                        ON CONFLICT (id) DO UPDATE SET org_unit_name = EXCLUDED.org_unit_name,
                               respondent_name = EXCLUDED.respondent_name, version = EXCLUDED.version,
                               last_event_seq = EXCLUDED.last_event_seq, updated_at = EXCLUDED.updated_at
                         WHERE questionnaire_answer.last_event_seq < EXCLUDED.last_event_seq""")
                .param("id", event.answerId()).param("plan", event.planId()).param("orgUnit", event.orgUnitId())
                .param("orgUnitName", event.orgUnitName()).param("respondent", event.respondentUserId())
                .param("respondentName", event.respondentName()).param("qv", event.questionnaireVersion())
                .param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update();
        if (changed == 0) {
            return;
        }
        jdbc.sql("DELETE FROM questionnaire_answer_item WHERE answer_id = ?").param(event.answerId()).update();
        List<AnswerItem> items = event.answers() == null ? List.of() : event.answers();
        for (int i = 0; i < items.size(); i++) {
            AnswerItem item = items.get(i);
            jdbc.sql("INSERT INTO questionnaire_answer_item (answer_id, position, question_id, text, yes) VALUES (?, ?, ?, ?, ?)")
                    .params(event.answerId(), i, item.questionId(), item.text(), item.yes()).update();
        }
    }

    @EventHandler
    void on(QuestionnaireAnswerFinalised event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE questionnaire_answer SET status = 'FINALISED', finalised_at = :at, updated_at = :at,
                               version = :version, last_event_seq = :seq
                         WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.answerId()).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("at", Sql.timestamp(at)).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM questionnaire_answer_item").update();
        jdbc.sql("DELETE FROM questionnaire_answer").update();
        jdbc.sql("DELETE FROM questionnaire_question").update();
        jdbc.sql("DELETE FROM questionnaire_version").update();
    }
}
