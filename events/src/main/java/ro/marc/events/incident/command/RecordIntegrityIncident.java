package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Records an integrity incident under the id the client chose (sent again with the same content: the first
 * result). Refused naming the field: an empty title, a file number with anything but digits, a date in the
 * future, a registration date before the incident, personal data (a valid CNP, an e-mail address) in any text,
 * an org unit that does not exist or lies in another county.
 */
public record RecordIntegrityIncident(@TargetAggregateIdentifier UUID incidentId, String title, County county,
                                      UUID orgUnitId, IncidentType type, LocalDate incidentDate, String fileNumber,
                                      LocalDate fileRegisteredOn, String content) implements IntegrityIncidentCommand {
}
