package ro.marc.command.incident;

import java.util.Optional;
import java.util.UUID;

/**
 * Document ids are unique across all incidents, removed documents included: {@code GET /documents/{id}} names
 * one document, and an id once used keeps meaning that document in the history. A named query over the
 * incidents' command-side lookup ({@link IncidentLookup}); two attaches racing for one id on two incidents are
 * settled by its unique index (the second is refused at commit with the same DUPLICATE_ID). Aggregate tests
 * register an in-memory implementation.
 */
public interface IncidentDocumentIds {

    /** The incident that holds or held a document with this id; empty when none used it. */
    Optional<UUID> incidentOf(UUID documentId);
}
