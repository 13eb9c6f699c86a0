package ro.marc.command.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that texts kept for everyone to read must not hold (§4.2 i: an integrity incident is described
 * without identifying anyone): a valid Romanian personal numeric code (CNP) or an e-mail address. A CNP is
 * 13 digits standing alone (not part of a longer number: a file number of 20 digits is not a CNP), the first
 * 1–9, digits 2–7 a real date (YYMMDD), and the control digit right (key 279146358279); a number failing any
 * of these is no CNP and is let through (an arbitrary 13-digit number rarely passes both the date and the
 * control digit).
 *
 * <p>Refusals say what was found in general terms and never quote it: the message travels to logs and screens.
 */
public final class PersonalData {

    private static final int[] CNP_KEY = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{13}(?![0-9])");
    /** local@domain.tld, letters of any script (an address may be internationalised). */
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");

    private PersonalData() {
    }

    /** What kind of personal data {@code text} holds, in general terms ("a personal numeric code (CNP)"); empty: none. */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher digits = THIRTEEN_DIGITS.matcher(text);
        while (digits.find()) {
            if (isCnp(digits.group())) {
                return Optional.of("a personal numeric code (CNP)");
            }
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of("an e-mail address");
        }
        return Optional.empty();
    }

    /** INVALID PERSONAL_DATA naming {@code field} when {@code text} holds personal data; else the text. */
    public static String refuse(String field, String text) {
        Optional<String> found = find(text);
        if (found.isPresent()) {
            throw CommandRejected.invalid(field, "PERSONAL_DATA", "The text holds personal data (" + found.get()
                    + "), which must not be recorded here: describe the case without identifying anyone");
        }
        return text;
    }

    /** Whether 13 ASCII digits are a valid CNP: sex/century digit 1–9, a real birth date, the right control digit. */
    public static boolean isCnp(String candidate) {
        if (candidate == null || candidate.length() != 13 || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int[] d = candidate.chars().map(c -> c - '0').toArray();
        if (d[0] == 0 || !realDate(d[0], d[1] * 10 + d[2], d[3] * 10 + d[4], d[5] * 10 + d[6])) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += d[i] * CNP_KEY[i];
        }
        int control = sum % 11 == 10 ? 1 : sum % 11;
        return control == d[12];
    }

    /** 1/2: born 1900–1999, 3/4: 1800–1899, 5/6: 2000–2099; 7/8/9 (residents, foreigners): either century fits. */
    private static boolean realDate(int first, int yy, int month, int day) {
        return switch (first) {
            case 1, 2 -> date(1900 + yy, month, day);
            case 3, 4 -> date(1800 + yy, month, day);
            case 5, 6 -> date(2000 + yy, month, day);
            default -> date(1900 + yy, month, day) || date(2000 + yy, month, day);
        };
    }

    private static boolean date(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
