package ro.marc.query.analysis;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.analysis.event.ActivityAnalysisStarted;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Projects the activity analyses into the {@link AnalysisIndex}: each event writes the whole document from
 * itself alone (the names it carries), with the analysis' own version ({@code seq + 1}) as the external
 * version, so a replayed or late event is refused by Elasticsearch and changes nothing. Writes are buffered
 * per batch ({@link ro.marc.query.search.PendingWrites}).
 */
@ProcessingGroup(AnalysisSearchProjection.PROCESSING_GROUP)
public class AnalysisSearchProjection {

    public static final String PROCESSING_GROUP = "analysis-elasticsearch";

    private final AnalysisIndex index;

    public AnalysisSearchProjection(AnalysisIndex index) {
        this.index = index;
    }

    @ResetHandler
    void reset() {
        index.recreate();
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
        index.put(this, analysisId, names, seq);
    }
}
