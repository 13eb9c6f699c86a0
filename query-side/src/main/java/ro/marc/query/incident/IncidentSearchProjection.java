package ro.marc.query.incident;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;

import java.util.Arrays;
import java.util.UUID;

/**
 * Projects the integrity incidents into the {@link IncidentIndex}. Only the recording and an edit carry the
 * searched text, each the whole of it ({@link IncidentDetails}), so each writes the whole document from itself
 * alone ({@link IncidentIndex#put}: a replayed or late event changes nothing). The other events of the incident (links, documents, archiving)
 * change nothing searched, so they are not handled; the archived ones stay in the index (the list filters them).
 */
@ProcessingGroup(IncidentSearchProjection.PROCESSING_GROUP)
public class IncidentSearchProjection {

    public static final String PROCESSING_GROUP = "incident-elasticsearch";

    private final IncidentIndex index;

    public IncidentSearchProjection(IncidentIndex index) {
        this.index = index;
    }

    @ResetHandler
    void reset() {
        index.recreate();
    }

    @EventHandler
    void on(IntegrityIncidentRecorded event, @SequenceNumber long seq) {
        write(event.incidentId(), event.details(), seq);
    }

    @EventHandler
    void on(IntegrityIncidentEdited event, @SequenceNumber long seq) {
        write(event.incidentId(), event.details(), seq);
    }

    private void write(UUID incidentId, IncidentDetails details, long seq) {
        index.put(this, incidentId, Arrays.asList(details.title(), details.content()), seq);
    }
}
