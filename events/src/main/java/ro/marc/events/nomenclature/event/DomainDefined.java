package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.DomainDefined")
@Revision("2")
public record DomainDefined(UUID domainId, UUID parentDomainId, String name) {
}
