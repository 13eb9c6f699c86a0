package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.DomainRenamed")
public record DomainRenamed(UUID domainId, String name, String previousName, long version) {
}
