package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.RegulatoryCauseDeactivated")
public record RegulatoryCauseDeactivated(UUID causeId, long version) {
}
