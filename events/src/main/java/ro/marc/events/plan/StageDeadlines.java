package ro.marc.events.plan;

import java.time.LocalDate;

/**
 * A101: one deadline per stage (each stage's standard activities take it). In a draft any of them may
 * still be missing; an active plan has all three, each on or after its stage's start (the day after the
 * previous deadline; the first stage starts on the plan's start date).
 */
public record StageDeadlines(LocalDate identification, LocalDate evaluation, LocalDate measures) {

    public LocalDate of(Stage stage) {
        return switch (stage) {
            case IDENTIFICATION -> identification;
            case EVALUATION -> evaluation;
            case MEASURES -> measures;
        };
    }
}
