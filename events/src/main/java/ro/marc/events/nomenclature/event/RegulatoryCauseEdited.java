package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** The cause as it now stands; {@code previous} as it was (for the notification's details and the history). */
@EventName("nomenclature.RegulatoryCauseEdited")
public record RegulatoryCauseEdited(UUID causeId, RegulatoryCauseDetails details, RegulatoryCauseDetails previous,
                                    long version) {
}
