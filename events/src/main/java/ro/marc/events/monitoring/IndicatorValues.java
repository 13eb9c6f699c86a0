package ro.marc.events.monitoring;

import ro.marc.events.assessment.Indicator;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an indicator accepts (§2.4), one rule for monitoring, the risk owners' evaluations and the workbook import:
 * NUMERIC a decimal number ("12", "3.5"; a comma is taken as the decimal point; at most 15 digits), DONE_NOT_DONE
 * "1" (done) or "0" (not done), QUALITATIVE exactly one of its allowed values (surrounding blanks ignored).
 */
public final class IndicatorValues {

    /** The code of a refused value. */
    public static final String VALUE_NOT_OF_KIND = "VALUE_NOT_OF_KIND";

    private IndicatorValues() {
    }

    /** The value in its canonical form, or empty when the indicator's kind does not accept it. */
    public static Optional<String> check(Indicator indicator, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        return switch (indicator.kind()) {
            case NUMERIC -> number(text);
            case DONE_NOT_DONE -> text.equals("1") || text.equals("0") ? Optional.of(text) : Optional.empty();
            case QUALITATIVE -> indicator.allowedValues().stream().filter(text::equals).findFirst();
        };
    }

    /** What the indicator accepts, in words, for a refusal's message. */
    public static String expected(Indicator indicator) {
        return switch (indicator.kind()) {
            case NUMERIC -> "a number";
            case DONE_NOT_DONE -> "1 (done) or 0 (not done)";
            case QUALITATIVE -> "one of " + String.join(", ", indicator.allowedValues());
        };
    }

    private static Optional<String> number(String text) {
        try {
            BigDecimal number = new BigDecimal(text.replace(',', '.'));
            if (number.precision() > 15) {
                return Optional.empty();
            }
            return Optional.of(number.stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
