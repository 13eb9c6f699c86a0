package ro.marc.query.incident;

import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.org.County;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An integrity incident as the read model holds it: its details, its live risk links (removed ones and those an
 * acquittal removed are only in history) and its documents (removed ones likewise). {@code recordedByName}: who
 * recorded it; {@code version}: the aggregate's version (expectedVersion of the next change).
 */
public record IncidentView(UUID id, String title, County county, UUID orgUnitId, String orgUnitName, IncidentType type,
                           LocalDate incidentDate, String fileNumber, LocalDate fileRegisteredOn, String content,
                           boolean archived, List<RiskLink> links, List<IncidentDocumentView> documents,
                           String recordedByName, long version, Instant createdAt, Instant updatedAt) {

    public IncidentView {
        links = List.copyOf(links);
        documents = List.copyOf(documents);
    }
}
