package ro.marc.events.nomenclature;

import java.util.UUID;

public record RegulatoryCauseDeactivated(UUID causeId, long version) {
}
