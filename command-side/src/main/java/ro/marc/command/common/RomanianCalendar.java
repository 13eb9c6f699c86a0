package ro.marc.command.common;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The ministry's calendar: deadlines and "not in the future" are days in Romania, whatever the server's zone. Today
 * is read from the clock Axon stamps events with, so a rule and the event it applies agree on the day (and tests
 * move both at once).
 */
public final class RomanianCalendar {

    public static final ZoneId ROMANIA = ZoneId.of("Europe/Bucharest");

    private RomanianCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), ROMANIA);
    }
}
