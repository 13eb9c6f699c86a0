package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

import java.util.UUID;

public record EditRegulatoryCause(UUID causeId, RegulatoryCauseDetails details, long expectedVersion) implements NomenclatureCommand {
}
