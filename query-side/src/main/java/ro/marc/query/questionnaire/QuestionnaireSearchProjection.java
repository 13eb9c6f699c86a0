package ro.marc.query.questionnaire;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.questionnaire.AnswerItem;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerDraftSaved;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.search.PendingWrites;

import java.util.ArrayList;
import java.util.List;

/**
 * Projects the questionnaire answers into the {@link QuestionnaireIndex}, from its own events only: each
 * saved draft is the answer's whole text, indexed as one document with {@code version_type=external} and
 * version = the answer's own sequence number + 1 (each answer is its own aggregate), so a replayed or late
 * write changes nothing. A finalisation changes no text: the status is read from PostgreSQL.
 */
@ProcessingGroup(QuestionnaireSearchProjection.PROCESSING_GROUP)
public class QuestionnaireSearchProjection {

    public static final String PROCESSING_GROUP = "questionnaire-elasticsearch";

    private final ElasticsearchClient client;
    private final QuestionnaireIndex index;

    public QuestionnaireSearchProjection(ElasticsearchClient client, QuestionnaireIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(QuestionnaireAnswerDraftSaved event, @SequenceNumber long seq) {
        List<String> texts = new ArrayList<>();
        if (event.respondentName() != null) {
            texts.add(event.respondentName());
        }
        if (event.answers() != null) {
            event.answers().stream().map(AnswerItem::text).filter(t -> t != null && !t.isBlank()).forEach(texts::add);
        }
        QuestionnaireAnswerDocument document = new QuestionnaireAnswerDocument(event.answerId().toString(),
                event.planId().toString(), event.orgUnitId().toString(), event.respondentUserId().toString(),
                event.respondentName(), RomanianText.fold(String.join("\n", texts)), EntityVersion.of(seq));
        PendingWrites.ofCurrentBatch(client, this).put(index.name(), document.id(), document, EntityVersion.of(seq));
    }

    @ResetHandler
    void reset() {
        index.recreate();
    }
}
