package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.search.PendingWrites;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the integrity incidents into the {@link IncidentIndex}. Only the recording and an edit carry the
 * searched text, each the whole of it ({@link IncidentDetails}), so each writes the whole document from itself
 * alone, with the incident's own version ({@code seq + 1}) as the external version: a replayed or late event is
 * refused by Elasticsearch and changes nothing. The other events of the incident (links, documents, archiving)
 * change nothing searched, so they are not handled; the archived ones stay in the index (the list filters them).
 * Writes are buffered per batch ({@link PendingWrites}).
 */
@ProcessingGroup(IncidentSearchProjection.PROCESSING_GROUP)
public class IncidentSearchProjection {

    public static final String PROCESSING_GROUP = "incident-elasticsearch";

    private final ElasticsearchClient client;
    private final IncidentIndex index;

    public IncidentSearchProjection(ElasticsearchClient client, IncidentIndex index) {
        this.client = client;
        this.index = index;
    }

    @ResetHandler
    void reset() {
        index.delete();
        index.ensureCreated();
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
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(IncidentIndex.ID, incidentId.toString());
        document.put(IncidentIndex.TEXT_FOLDED, fold(details.title()) + "\n" + fold(details.content()));
        PendingWrites.ofCurrentBatch(client, this).put(index.name(), incidentId.toString(), document, EntityVersion.of(seq));
    }

    private static String fold(String text) {
        return text == null ? "" : RomanianText.fold(text);
    }
}
