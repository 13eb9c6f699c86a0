package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Replaces the incident's details (UCA 44), with the rules of {@link RecordIntegrityIncident}. The type moves
 * forward only: an indictment becomes a conviction or an acquittal, and a conviction and an acquittal may
 * replace one another (an appeal); never back to an indictment. Becoming an acquittal removes every risk link.
 */
public record EditIntegrityIncident(@TargetAggregateIdentifier UUID incidentId, long expectedVersion, String title,
                                    County county, UUID orgUnitId, IncidentType type, LocalDate incidentDate,
                                    String fileNumber, LocalDate fileRegisteredOn, String content)
        implements IntegrityIncidentCommand {
}
