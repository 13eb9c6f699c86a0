package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.DomainRenamed")
@Revision("2")
public record DomainRenamed(UUID domainId, String name, String previousName) {
}
