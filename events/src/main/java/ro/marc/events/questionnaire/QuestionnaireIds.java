package ro.marc.events.questionnaire;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The well-known ids of the management questionnaire (Anexa 2). */
public final class QuestionnaireIds {

    /** The one standard questionnaire every answer answers a version of. */
    public static final UUID STANDARD = UUID.nameUUIDFromBytes("marc-questionnaire:standard".getBytes(StandardCharsets.UTF_8));

    private QuestionnaireIds() {
    }

    /** One answer per (plan, respondent): its id is derived from both, so "once per plan" needs no lookup. */
    public static UUID answerId(UUID planId, UUID respondentUserId) {
        return UUID.nameUUIDFromBytes(("questionnaire-answer:" + planId + ":" + respondentUserId).getBytes(StandardCharsets.UTF_8));
    }
}
