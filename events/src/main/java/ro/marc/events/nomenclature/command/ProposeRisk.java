package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** A corruption risk of a vulnerable activity. */
public record ProposeRisk(UUID riskId, UUID activityId, String name, String description, String proposerUserId,
                          UUID proposerOrgUnitId, boolean approvedAtOnce) implements NomenclatureCommand {
}
