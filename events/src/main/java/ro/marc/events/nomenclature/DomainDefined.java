package ro.marc.events.nomenclature;

import java.util.UUID;

public record DomainDefined(UUID domainId, UUID parentDomainId, String name, long version) {
}
