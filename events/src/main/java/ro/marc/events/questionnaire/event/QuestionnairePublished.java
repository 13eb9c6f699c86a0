package ro.marc.events.questionnaire.event;

import ro.marc.events.EventName;
import ro.marc.events.questionnaire.Question;

import java.util.List;
import java.util.UUID;

/** A version of the standard management questionnaire (Anexa 2) was published: its questions, in order. */
@EventName("questionnaire.QuestionnairePublished")
public record QuestionnairePublished(UUID questionnaireId, int version, List<Question> questions) {
}
