package ro.marc.command.incident;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Names;
import ro.marc.command.common.PersonalData;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.common.Texts;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The rules on what an incident says of itself (§4.2 a–i), shared by recording and editing: a title (one line,
 * ≤ 200), the county and an existing org unit of that county (when the org unit has one: central structures
 * have none), the type, the incident date and the criminal file's registration date (neither after today in
 * Romania, the registration not before the incident), the file number (digits only, ≤ 20) and a short content
 * (≤ 4,000); no personal data in any text. Refusals name the field as the API spells it.
 */
final class IncidentRules {

    /** "Short" (§4.2 i): a summary of the case, not the file; the documents hold the rest. */
    static final int MAX_CONTENT = 4_000;
    /** Romanian criminal file numbers are a few digits (plus year, court codes); 20 bounds them generously. */
    static final int MAX_FILE_NUMBER = 20;

    private IncidentRules() {
    }

    /** The details, tidied and with the org unit's name resolved, or a typed refusal naming the field at fault. */
    static IncidentDetails details(OrgFacts org, String title, County county, UUID orgUnitId, IncidentType type,
                                   LocalDate incidentDate, String fileNumber, LocalDate fileRegisteredOn, String content) {
        String tidyTitle = PersonalData.refuse("title", Names.require("title", title));
        if (county == null) {
            throw CommandRejected.invalid("county", "REQUIRED", "The county where the incident happened is required");
        }
        if (orgUnitId == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "The structure where the incident happened is required");
        }
        OrgUnitFact unit = org.orgUnit(orgUnitId).orElseThrow(() -> CommandRejected.notFound("orgUnitId", orgUnitId, "Org unit"));
        if (unit.county() != null && unit.county() != county) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, "county", "COUNTY_MISMATCH",
                    "'" + unit.name() + "' is in " + unit.county().displayName() + ", not in " + county.displayName(),
                    Map.of("orgUnitCounty", unit.county().name()));
        }
        if (type == null) {
            throw CommandRejected.invalid("type", "REQUIRED", "The type (indictment, conviction, acquittal) is required");
        }
        LocalDate today = RomanianCalendar.today();
        notInFuture("incidentDate", incidentDate, today, "The incident date");
        String number = Texts.optionalLine("fileNumber", fileNumber, Integer.MAX_VALUE);
        if (number == null) {
            throw CommandRejected.invalid("fileNumber", "REQUIRED", "The criminal file number is required");
        }
        Texts.digits("fileNumber", number, MAX_FILE_NUMBER, "The criminal file number");
        notInFuture("fileRegisteredOn", fileRegisteredOn, today, "The file's registration date");
        if (fileRegisteredOn.isBefore(incidentDate)) {
            throw CommandRejected.invalid("fileRegisteredOn", "BEFORE_INCIDENT",
                    "The criminal file was registered on " + fileRegisteredOn + ", before the incident (" + incidentDate + ")");
        }
        String tidyContent = Texts.optional("content", content, MAX_CONTENT);
        if (tidyContent == null) {
            throw CommandRejected.invalid("content", "REQUIRED", "A short content of the incident is required");
        }
        PersonalData.refuse("content", tidyContent);
        return new IncidentDetails(tidyTitle, county, unit.id(), unit.name(), type, incidentDate, number, fileRegisteredOn,
                tidyContent);
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today, String what) {
        if (date == null) {
            throw CommandRejected.invalid(field, "REQUIRED", what + " is required");
        }
        if (date.isAfter(today)) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, field, "IN_FUTURE",
                    what + " (" + date + ") is after today (" + today + ")", Map.of("today", today.toString()));
        }
    }

    /**
     * The type moves forward only: an indictment becomes a conviction or an acquittal; a conviction and an
     * acquittal may replace each other (an appeal); nothing goes back to an indictment.
     */
    static void typeMoves(IncidentType from, IncidentType to) {
        if (from != IncidentType.INDICTMENT && to == IncidentType.INDICTMENT) {
            throw CommandRejected.invalid("type", "TYPE_BACKWARDS",
                    "A " + from.name().toLowerCase(java.util.Locale.ROOT) + " does not become an indictment again");
        }
    }
}
