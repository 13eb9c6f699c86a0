package ro.marc.api.incident;

import ro.marc.api.common.InvalidInput;
import ro.marc.events.text.Excerpt;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Days as the incidents' API takes them, like the plan's: yyyy-MM-dd; anything else is refused naming the field. */
final class IncidentDates {

    private IncidentDates() {
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
