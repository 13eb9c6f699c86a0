package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.RegulatoryCauseDeactivated")
@Revision("2")
public record RegulatoryCauseDeactivated(UUID causeId) {
}
