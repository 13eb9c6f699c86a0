package ro.marc.events.nomenclature;

import java.util.UUID;

public record DomainRenamed(UUID domainId, String name, String previousName, long version) {
}
