package ro.marc.events.questionnaire;

import java.util.UUID;

/**
 * The answer to one question: {@code text} for a free-text question, or the comment of a yes/no
 * question; {@code yes} only for a yes/no question (null while not chosen).
 */
public record AnswerItem(UUID questionId, String text, Boolean yes) {
}
