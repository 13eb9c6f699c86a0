package ro.marc.events.incident;

import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an incident says of itself (§4.2 a–i): the title, the county and the structure where it happened
 * (the org unit's name resolved by the command side), its type, the date it happened, the criminal file's
 * number (digits only) and registration date, and a short content without personal data.
 */
public record IncidentDetails(String title, County county, UUID orgUnitId, String orgUnitName, IncidentType type,
                              LocalDate incidentDate, String fileNumber, LocalDate fileRegisteredOn, String content) {
}
