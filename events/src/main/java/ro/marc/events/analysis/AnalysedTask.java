package ro.marc.events.analysis;

import ro.marc.events.nomenclature.Periodicity;

import java.util.List;
import java.util.UUID;

/** A task of the activity, how often it is carried out, and the documents drawn up for it. */
public record AnalysedTask(UUID taskId, Periodicity periodicity, List<UUID> documentIds) {

    public AnalysedTask {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
