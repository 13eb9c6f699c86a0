package ro.marc.events.questionnaire;

import java.util.UUID;

/**
 * One question of the standard management questionnaire (Anexa 2), as published in a version.
 *
 * @param questionId stable across versions while the question is kept (an edited text keeps its id)
 * @param help       an optional explanation shown beside the question (null when none)
 */
public record Question(UUID questionId, String text, String help, AnswerKind kind) {
}
