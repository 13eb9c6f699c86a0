package ro.marc.query.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.analysis.event.ActivityAnalysisStarted;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.search.PendingWrites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects the activity analyses into the {@link AnalysisIndex}: each event writes the whole document from
 * itself alone (the names it carries), with the analysis' own version ({@code seq + 1}) as the external
 * version, so a replayed or late event is refused by Elasticsearch and changes nothing. Writes are buffered
 * per batch ({@link PendingWrites}).
 */
@ProcessingGroup(AnalysisSearchProjection.PROCESSING_GROUP)
public class AnalysisSearchProjection {

    public static final String PROCESSING_GROUP = "analysis-elasticsearch";

    private final ElasticsearchClient client;
    private final AnalysisIndex index;

    public AnalysisSearchProjection(ElasticsearchClient client, AnalysisIndex index) {
        this.client = client;
        this.index = index;
    }

    @ResetHandler
    void reset() {
        index.delete();
        index.ensureCreated();
    }

    @EventHandler
    void on(ActivityAnalysisStarted event, @SequenceNumber long seq) {
        write(event.analysisId(), List.of(), seq);
    }

    @EventHandler
    void on(ActivityAnalysisSaved event, @SequenceNumber long seq) {
        List<String> names = new ArrayList<>();
        for (AnalysedActivity activity : event.activities()) {
            names.add(event.names().get(activity.activityId()));
            activity.tasks().forEach(t -> names.add(event.names().get(t.taskId())));
        }
        write(event.analysisId(), names, seq);
    }

    @EventHandler
    void on(ActivityAnalysisFinalised event, @SequenceNumber long seq) {
        List<String> names = new ArrayList<>();
        event.edition().activities().forEach(a -> {
            names.add(a.name());
            a.tasks().forEach(t -> names.add(t.name()));
        });
        write(event.analysisId(), names, seq);
    }

    private void write(UUID analysisId, List<String> names, long seq) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(AnalysisIndex.ID, analysisId.toString());
        document.put(AnalysisIndex.TEXT_FOLDED, names.stream().filter(n -> n != null)
                .map(RomanianText::fold).reduce((a, b) -> a + "\n" + b).orElse(""));
        PendingWrites.ofCurrentBatch(client, this).put(index.name(), analysisId.toString(), document, EntityVersion.of(seq));
    }
}
