package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.DomainDefined")
public record DomainDefined(UUID domainId, UUID parentDomainId, String name, long version) {
}
