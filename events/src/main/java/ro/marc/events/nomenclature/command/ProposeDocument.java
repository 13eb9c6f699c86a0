package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** A document produced by a task, with its periodicity. */
public record ProposeDocument(UUID documentId, UUID taskId, String name, Periodicity periodicity, String proposerUserId,
                              UUID proposerOrgUnitId, boolean approvedAtOnce) implements NomenclatureCommand {
}
