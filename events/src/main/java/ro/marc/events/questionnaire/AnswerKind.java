package ro.marc.events.questionnaire;

/** How a question of the management questionnaire (Anexa 2) is answered. */
public enum AnswerKind {
    /** A free text. */
    TEXT,
    /** Yes or no, with an optional comment (the text). */
    YES_NO
}
