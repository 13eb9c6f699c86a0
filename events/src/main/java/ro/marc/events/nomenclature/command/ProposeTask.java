package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** A task of a vulnerable activity (proposed or approved, not rejected or inactive). */
public record ProposeTask(UUID taskId, UUID activityId, String name, String proposerUserId, UUID proposerOrgUnitId,
                          boolean approvedAtOnce) implements NomenclatureCommand {
}
