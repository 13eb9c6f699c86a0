package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** The cause as it now stands; {@code previous} as it was (for the notification's details and the history). */
@EventName("nomenclature.RegulatoryCauseEdited")
@Revision("2")
public record RegulatoryCauseEdited(UUID causeId, RegulatoryCauseDetails details, RegulatoryCauseDetails previous) {
}
