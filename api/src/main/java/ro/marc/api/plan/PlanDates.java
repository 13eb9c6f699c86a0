package ro.marc.api.plan;

import ro.marc.api.common.InvalidInput;
import ro.marc.events.text.Excerpt;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Days as the plan's API takes them: ISO-8601 (2026-11-02); anything else is refused naming the field. */
final class PlanDates {

    private PlanDates() {
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "INVALID_INSTANT", Excerpt.quoted(value) + " is not a date (2026-11-02 is expected)");
        }
    }
}
